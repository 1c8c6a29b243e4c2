package org.hotlineacd.acd.figures;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The wall-clock calendar of the figures: 15-minute intervals and the hour, day, month and year
 * periods they roll up to, aligned on local time in one zone.
 *
 * <p>Alignment is done on the local time at the instant's own offset, so zones whose offset is
 * not a whole hour (Asia/Kathmandu, +05:45) still get intervals at local :00, :15, :30 and :45,
 * and the repeated hour of a DST fall-back gives two distinct sets of intervals (they differ by
 * offset, hence by instant). Pure: no clock is read.
 */
final class IntervalClock {
  static final long NANOS_PER_SECOND = 1_000_000_000L;
  static final long INTERVAL_SECONDS = 15 * 60;
  static final long INTERVAL_NANOS = INTERVAL_SECONDS * NANOS_PER_SECOND;

  private final ZoneId zone;
  private final ZoneRules rules;

  IntervalClock(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rules = zone.getRules();
  }

  ZoneId zone() {
    return zone;
  }

  /** The start (epoch nanos) of the interval holding this instant. */
  long intervalStart(long epochNanos) {
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
    int offset = rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
    long local = seconds + offset;
    long floored = local - Math.floorMod(local, INTERVAL_SECONDS);
    return (floored - offset) * NANOS_PER_SECOND;
  }

  /** The start of the interval after the one starting at {@code start}. */
  long intervalEnd(long start) {
    // 15 real minutes later, re-aligned: right across DST changes in either direction.
    return intervalStart(start + INTERVAL_NANOS);
  }

  /** The start (epoch nanos) of the period of this kind that holds the instant. */
  long periodStart(Period period, long epochNanos) {
    if (period == Period.INTERVAL) {
      return intervalStart(epochNanos);
    }
    Instant instant = toInstant(epochNanos);
    ZoneOffset offset = rules.getOffset(instant);
    LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
    return switch (period) {
      case INTERVAL -> throw new AssertionError("handled above");
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toEpochSecond(offset) * NANOS_PER_SECOND;
      case DAY -> startOfDay(local.toLocalDate());
      case MONTH -> startOfDay(local.toLocalDate().withDayOfMonth(1));
      case YEAR -> startOfDay(local.toLocalDate().withDayOfYear(1));
    };
  }

  /** The start of the period after the one starting at {@code start}. */
  long periodEnd(Period period, long start) {
    Instant instant = toInstant(start);
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    return switch (period) {
      case INTERVAL -> intervalEnd(start);
      case HOUR -> periodStart(Period.HOUR, start + 3600 * NANOS_PER_SECOND);
      case DAY -> startOfDay(local.toLocalDate().plusDays(1));
      case MONTH -> startOfDay(local.toLocalDate().withDayOfMonth(1).plusMonths(1));
      case YEAR -> startOfDay(local.toLocalDate().withDayOfYear(1).plusYears(1));
    };
  }

  /** The instant as local date-time text, for reports. */
  String format(long epochNanos) {
    return LocalDateTime.ofInstant(toInstant(epochNanos), zone).toString().replace('T', ' ');
  }

  private long startOfDay(java.time.LocalDate date) {
    return date.atStartOfDay(zone).toEpochSecond() * NANOS_PER_SECOND;
  }

  static Instant toInstant(long epochNanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
  }
}
