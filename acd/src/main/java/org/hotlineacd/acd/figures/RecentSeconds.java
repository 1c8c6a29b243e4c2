package org.hotlineacd.acd.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * The last hour of segments by the second they were queued in: a ring of one-second slots that
 * the sliding "last 15 / last 60 minutes" windows are summed from (docs/figures.md, "Sliding
 * windows"). Fed by the same calls as the intervals, so a window on interval boundaries equals
 * the report of those intervals.
 *
 * <p>A ring position belongs to the newest second that maps to it; an event for an older second
 * (a segment queued more than an hour before the newest one seen) is outside every window and is
 * not kept. A recycled position gets a new {@link Slot}, so a call still holding the old one
 * writes into garbage, never into the new second.
 */
final class RecentSeconds {
  /** How far back windows can reach. */
  static final int SECONDS = 3600;

  private final Slot[] ring = new Slot[SECONDS];
  private int queueCount;
  private long newestSecond = Long.MIN_VALUE / 2;

  RecentSeconds(int queueCount) {
    this.queueCount = queueCount;
  }

  void queueCount(int count) {
    queueCount = count;
  }

  /** The slot of the second holding {@code epochNanos}, or null when it is older than the ring. */
  Slot slotFor(long epochNanos) {
    long second = Math.floorDiv(epochNanos, IntervalClock.NANOS_PER_SECOND);
    int i = (int) Math.floorMod(second, (long) SECONDS);
    Slot s = ring[i];
    long start = second * IntervalClock.NANOS_PER_SECOND;
    if (s != null && s.startNanos == start) {
      return s;
    }
    if (second <= newestSecond - SECONDS || (s != null && s.startNanos > start)) {
      return null;
    }
    s = new Slot(start, start + IntervalClock.NANOS_PER_SECOND, queueCount);
    ring[i] = s;
    newestSecond = Math.max(newestSecond, second);
    return s;
  }

  /** The slots whose second starts in [fromNanos, toNanos); the range must lie within the ring. */
  List<Slot> range(long fromNanos, long toNanos) {
    long from = Math.floorDiv(fromNanos, IntervalClock.NANOS_PER_SECOND);
    long to = Math.floorDiv(toNanos, IntervalClock.NANOS_PER_SECOND);
    if (to - from > SECONDS) {
      throw new IllegalArgumentException("a sliding window reaches back at most " + SECONDS + " s");
    }
    List<Slot> out = new ArrayList<>();
    for (long sec = from; sec < to; sec++) {
      Slot s = ring[(int) Math.floorMod(sec, (long) SECONDS)];
      if (s != null && s.startNanos == sec * IntervalClock.NANOS_PER_SECOND) {
        out.add(s);
      }
    }
    return out;
  }
}
