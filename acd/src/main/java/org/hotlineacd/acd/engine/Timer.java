package org.hotlineacd.acd.engine;

/**
 * A timer as data: a deadline, a sequence number that orders equal deadlines, and what it is for.
 * Cancelling only marks it; the queue drops cancelled timers when they reach the head.
 */
final class Timer {
  enum Kind {
    RING_TIMEOUT,
    TIER_UP,
    MAX_WAIT,
    ANNOUNCE,
    WRAP_UP_END
  }

  final long deadlineNanos;
  final long seq;
  final Kind kind;
  final Call call;
  final Agent agent;
  boolean cancelled;

  Timer(long deadlineNanos, long seq, Kind kind, Call call, Agent agent) {
    this.deadlineNanos = deadlineNanos;
    this.seq = seq;
    this.kind = kind;
    this.call = call;
    this.agent = agent;
  }

  static void cancel(Timer timer) {
    if (timer != null) {
      timer.cancelled = true;
    }
  }
}
