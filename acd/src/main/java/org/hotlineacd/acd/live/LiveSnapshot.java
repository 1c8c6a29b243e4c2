package org.hotlineacd.acd.live;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The live figures of the whole centre at one instant, published by {@link LiveBoard}: what
 * wallboards and Micrometer gauges read. Immutable.
 *
 * @param sequence increases by one per publication, from 1
 * @param atNanos the engine time (epoch nanoseconds)
 * @param zone the zone days and intervals are aligned in
 * @param queues one per configured queue, in configuration order
 * @param centre the whole centre (each call counted once)
 */
public record LiveSnapshot(long sequence, long atNanos, ZoneId zone, List<LiveQueue> queues, LiveQueue centre) {
  /** Validates and copies. */
  public LiveSnapshot {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(centre, "centre");
    queues = List.copyOf(queues);
  }

  /** The queue's figures, or null. */
  public LiveQueue queue(String id) {
    for (LiveQueue q : queues) {
      if (q.id().equals(id)) {
        return q;
      }
    }
    return null;
  }
}
