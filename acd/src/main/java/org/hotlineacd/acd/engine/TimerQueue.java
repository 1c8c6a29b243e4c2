package org.hotlineacd.acd.engine;

import java.util.PriorityQueue;

/** Timers ordered by (deadline, sequence), so equal deadlines fire in the order they were set. */
final class TimerQueue {
  private final PriorityQueue<Timer> heap =
      new PriorityQueue<>(
          (a, b) -> {
            int c = Long.compare(a.deadlineNanos, b.deadlineNanos);
            return c != 0 ? c : Long.compare(a.seq, b.seq);
          });
  private long nextSeq;

  Timer add(long deadlineNanos, Timer.Kind kind, Call call, Agent agent) {
    Timer t = new Timer(deadlineNanos, nextSeq++, kind, call, agent);
    heap.add(t);
    return t;
  }

  /** The earliest live deadline, or {@link Long#MAX_VALUE}. */
  long nextDeadline() {
    dropCancelledHead();
    Timer head = heap.peek();
    return head == null ? Long.MAX_VALUE : head.deadlineNanos;
  }

  /** Removes and returns the earliest live timer due at or before {@code nowNanos}, or null. */
  Timer pollDue(long nowNanos) {
    dropCancelledHead();
    Timer head = heap.peek();
    if (head == null || head.deadlineNanos > nowNanos) {
      return null;
    }
    return heap.poll();
  }

  int size() {
    return heap.size();
  }

  private void dropCancelledHead() {
    while (!heap.isEmpty() && heap.peek().cancelled) {
      heap.poll();
    }
  }
}
