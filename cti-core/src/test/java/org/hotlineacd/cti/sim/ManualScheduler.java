package org.hotlineacd.cti.sim;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.hotlineacd.cti.port.Scheduler;

/** A virtual clock with a timer queue ordered by (time, sequence): time moves only in runUntil. */
final class ManualScheduler implements Scheduler {
  private record Task(long at, long seq, Runnable run) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparingLong(Task::at).thenComparingLong(Task::seq));
  private long now;
  private long seq;

  ManualScheduler(long startNanos) {
    this.now = startNanos;
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public void schedule(long atNanos, Runnable task) {
    tasks.add(new Task(Math.max(atNanos, now), seq++, task));
  }

  /** Runs every task due up to {@code endNanos}, in order, then sets the clock to it. */
  void runUntil(long endNanos) {
    while (!tasks.isEmpty() && tasks.peek().at() <= endNanos) {
      Task t = tasks.poll();
      now = t.at();
      t.run().run();
    }
    now = Math.max(now, endNanos);
  }

  void advance(long nanos) {
    runUntil(now + nanos);
  }
}
