package org.hotlineacd.acd.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses the local dates and times the report commands take, in the configured zone. */
final class LocalTimes {
  private LocalTimes() {}

  /** A parsed {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM[:SS]} (a space may replace the T). */
  record LocalTime(LocalDateTime time, boolean dateOnly) {
    long epochNanos(ZoneId zone) {
      return time.atZone(zone).toEpochSecond() * 1_000_000_000L;
    }
  }

  static Optional<LocalTime> parse(String text) {
    String t = text.trim().replace(' ', 'T');
    try {
      if (t.length() == 10) {
        return Optional.of(new LocalTime(LocalDate.parse(t).atStartOfDay(), true));
      }
      return Optional.of(new LocalTime(LocalDateTime.parse(t), false));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
