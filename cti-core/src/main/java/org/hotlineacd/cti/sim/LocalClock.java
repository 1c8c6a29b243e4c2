package org.hotlineacd.cti.sim;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Reads epoch nanoseconds as local time of day in the profile's zone. */
final class LocalClock {
  static final long NANOS_PER_SECOND = 1_000_000_000L;
  static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

  private final ZoneId zone;

  LocalClock(ZoneId zone) {
    this.zone = zone;
  }

  /** Nanoseconds since local midnight. */
  long nanoOfDay(long epochNanos) {
    long offsetSeconds = zone.getRules().getOffset(instant(epochNanos)).getTotalSeconds();
    return Math.floorMod(epochNanos + offsetSeconds * NANOS_PER_SECOND, NANOS_PER_DAY);
  }

  LocalTime timeOfDay(long epochNanos) {
    return LocalTime.ofNanoOfDay(nanoOfDay(epochNanos));
  }

  /** The first instant strictly after {@code afterNanos} whose local time is {@code time}. */
  long next(LocalTime time, long afterNanos) {
    ZonedDateTime now = instant(afterNanos).atZone(zone);
    ZonedDateTime candidate = now.toLocalDate().atTime(time).atZone(zone);
    while (toNanos(candidate.toInstant()) <= afterNanos) {
      candidate = candidate.toLocalDate().plusDays(1).atTime(time).atZone(zone);
    }
    return toNanos(candidate.toInstant());
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
  }

  private static long toNanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), NANOS_PER_SECOND), i.getNano());
  }
}
