package org.hotlineacd.acd.figures;

import java.util.Collection;
import java.util.TreeMap;

/**
 * The intervals that have been touched, by start. Lookups go through a two-entry cache first: the
 * events of one moment nearly always concern the current interval or the one before it, so the
 * tree (and its boxing) is only consulted when the time moves on.
 */
final class IntervalStore {
  private final IntervalClock clock;
  private final TreeMap<Long, Slot> slots = new TreeMap<>();
  private int queueCount;
  private Slot last;
  private Slot previous;

  IntervalStore(IntervalClock clock, int queueCount) {
    this.clock = clock;
    this.queueCount = queueCount;
  }

  void queueCount(int count) {
    queueCount = count;
  }

  /** The interval holding the instant, created on first touch. */
  Slot slotFor(long epochNanos) {
    Slot s = last;
    if (s != null && s.holds(epochNanos)) {
      return s;
    }
    s = previous;
    if (s == null || !s.holds(epochNanos)) {
      s = lookUp(epochNanos);
    }
    previous = last;
    last = s;
    return s;
  }

  private Slot lookUp(long epochNanos) {
    long start = clock.intervalStart(epochNanos);
    Slot s = slots.get(start);
    if (s == null) {
      s = new Slot(start, clock.intervalEnd(start), queueCount);
      slots.put(start, s);
    }
    return s;
  }

  /** The intervals whose start lies in [from, to), in time order. */
  Collection<Slot> range(long fromNanos, long toNanos) {
    if (toNanos <= fromNanos) {
      return java.util.List.of();
    }
    return slots.subMap(fromNanos, true, toNanos, false).values();
  }

  Collection<Slot> all() {
    return slots.values();
  }

  long firstStart() {
    return slots.isEmpty() ? 0 : slots.firstKey();
  }

  long lastEnd() {
    return slots.isEmpty() ? 0 : slots.lastEntry().getValue().endNanos;
  }

  /**
   * Forgets the intervals that end at or before {@code endNanos} and hold nothing (drained
   * deltas); the lookup cache is emptied so no forgotten interval is written to again.
   */
  void forgetEmptyBefore(long endNanos) {
    var it = slots.headMap(endNanos, false).values().iterator();
    while (it.hasNext()) {
      Slot s = it.next();
      if (s.endNanos <= endNanos && s.isEmpty()) {
        it.remove();
      }
    }
    last = null;
    previous = null;
  }

  int size() {
    return slots.size();
  }
}
