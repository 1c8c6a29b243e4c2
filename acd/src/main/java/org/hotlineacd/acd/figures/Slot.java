package org.hotlineacd.acd.figures;

import java.util.Arrays;

/** One 15-minute interval: a tally per queue (by queue index, created on first touch) and one for the centre. */
final class Slot {
  final long startNanos;
  final long endNanos;
  final Tally centre = new Tally();
  private Tally[] queues;

  Slot(long startNanos, long endNanos, int queueCount) {
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.queues = new Tally[Math.max(queueCount, 1)];
  }

  boolean holds(long epochNanos) {
    return epochNanos >= startNanos && epochNanos < endNanos;
  }

  /** The queue's tally, created on first touch. */
  Tally queue(int index) {
    if (index >= queues.length) {
      queues = Arrays.copyOf(queues, Math.max(index + 1, queues.length * 2));
    }
    Tally t = queues[index];
    if (t == null) {
      t = new Tally();
      queues[index] = t;
    }
    return t;
  }

  /** Whether every tally of the interval is empty. */
  boolean isEmpty() {
    if (!centre.isEmpty()) {
      return false;
    }
    for (Tally t : queues) {
      if (t != null && !t.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** How many queue tallies there is room for. */
  int queueSlots() {
    return queues.length;
  }

  /** The queue's tally, or null when the queue had nothing in this interval. */
  Tally queueOrNull(int index) {
    return index < queues.length ? queues[index] : null;
  }
}
