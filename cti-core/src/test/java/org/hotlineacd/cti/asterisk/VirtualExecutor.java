package org.hotlineacd.cti.asterisk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} on a virtual clock: tasks are queued from any thread and run
 * only on the test thread, in (time, submission) order, when the test moves time with {@link
 * #advance} or runs what is due with {@link #runDue}. {@link #nanoTime} is the clock to inject.
 */
final class VirtualExecutor extends AbstractExecutorService implements ScheduledExecutorService {
  private final class Task implements ScheduledFuture<Object> {
    final long seq;
    final Runnable body;
    final long period; // > 0: fixed delay
    long at;
    volatile boolean cancelled;
    volatile boolean done;

    Task(long at, long seq, Runnable body, long period) {
      this.at = at;
      this.seq = seq;
      this.body = body;
      this.period = period;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(at - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean interrupt) {
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }

  private final PriorityQueue<Task> tasks = new PriorityQueue<>(
      Comparator.<Task>comparingLong(t -> t.at).thenComparingLong(t -> t.seq));
  private volatile long now;
  private long seq;
  private volatile boolean shutdown;

  long nanoTime() {
    return now;
  }

  /** Runs every task due now (including tasks they queue for now). */
  void runDue() {
    advance(0);
  }

  /** Moves the clock forward by {@code nanos}, running every task due on the way at its own time. */
  void advance(long nanos) {
    long end = now + nanos;
    while (true) {
      Task t;
      synchronized (this) {
        t = tasks.peek();
        if (t == null || t.at > end) {
          break;
        }
        tasks.poll();
      }
      if (t.cancelled) {
        continue;
      }
      now = Math.max(now, t.at);
      t.body.run();
      if (t.period > 0 && !t.cancelled && !shutdown) {
        synchronized (this) {
          t.at = now + t.period;
          tasks.add(t);
        }
      } else {
        t.done = true;
      }
    }
    now = Math.max(now, end);
  }

  /** When the next one-shot (not periodic) task is due, or -1: where a reconnect was scheduled. */
  synchronized long nextOneShotAt() {
    long best = -1;
    for (Task t : tasks) {
      if (t.period == 0 && !t.cancelled && (best < 0 || t.at < best)) {
        best = t.at;
      }
    }
    return best;
  }

  private synchronized Task add(Runnable r, long delayNanos, long period) {
    Task t = new Task(now + Math.max(0, delayNanos), seq++, r, period);
    if (!shutdown) {
      tasks.add(t);
    }
    return t;
  }

  @Override
  public void execute(Runnable command) {
    add(command, 0, 0);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, unit.toNanos(delay), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return scheduleWithFixedDelay(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return add(command, unit.toNanos(initialDelay), Math.max(1, unit.toNanos(delay)));
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>();
    for (Task t : tasks) {
      left.add(t.body);
    }
    tasks.clear();
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
