package org.hotlineacd.acd.config;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named calendar of opening hours that lines refer to ({@code lines[].hours}): weekly ranges,
 * whole-day holidays, and where a call goes when it arrives while closed.
 *
 * <p>Times are wall-clock times in the engine's zone ({@code settings.timeZone}). A range includes
 * its start and excludes its end; a day with no ranges (or not listed) is closed all day.
 *
 * @param name the calendar's name (the key under {@code businessHours})
 * @param week the open ranges of each day, in order and not overlapping
 * @param holidays dates closed all day, whatever the week says
 * @param closed what happens to a call that arrives while closed (the same kinds as a queue
 *     overflow)
 */
public record BusinessHours(String name, Map<DayOfWeek, List<Range>> week, Set<LocalDate> holidays, Overflow closed) {

  /**
   * An open range of one day, in minutes after midnight: {@code [start, end)}.
   *
   * @param start first open minute (0-1439)
   * @param end first closed minute after the range (1-1440; 1440 is midnight at the end of the day)
   */
  public record Range(int start, int end) {
    /** Validates. */
    public Range {
      if (start < 0 || end > 24 * 60 || start >= end) {
        throw new IllegalArgumentException("a range must start before it ends, within the day: " + start + "-" + end);
      }
    }

    boolean contains(int minute) {
      return minute >= start && minute < end;
    }

    @Override
    public String toString() {
      return String.format("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
    }
  }

  /** Validates and copies. */
  public BusinessHours {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(closed, "closed");
    EnumMap<DayOfWeek, List<Range>> w = new EnumMap<>(DayOfWeek.class);
    if (week != null) {
      week.forEach((day, ranges) -> {
        List<Range> copy = List.copyOf(ranges);
        for (int i = 1; i < copy.size(); i++) {
          if (copy.get(i).start() < copy.get(i - 1).end()) {
            throw new IllegalArgumentException("business hours " + name + ": ranges of " + day + " overlap or are out"
                + " of order: " + copy.get(i - 1) + " and " + copy.get(i));
          }
        }
        w.put(day, copy);
      });
    }
    week = Collections.unmodifiableMap(w);
    holidays = holidays == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(holidays));
  }

  /** Whether the calendar is open at this wall-clock time. */
  public boolean isOpen(LocalDateTime at) {
    if (holidays.contains(at.toLocalDate())) {
      return false;
    }
    int minute = at.getHour() * 60 + at.getMinute();
    for (Range r : week.getOrDefault(at.getDayOfWeek(), List.of())) {
      if (r.contains(minute)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the calendar is open at this instant (epoch nanoseconds), read in {@code zone}. */
  public boolean isOpen(long epochNanos, ZoneId zone) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
        Math.floorMod(epochNanos, 1_000_000_000L));
    return isOpen(LocalDateTime.ofInstant(instant, zone));
  }
}
