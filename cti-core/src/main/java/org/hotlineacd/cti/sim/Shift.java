package org.hotlineacd.cti.sim;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The daily working hours of an agent group in the profile's local time. An end before the start
 * runs past midnight (22:00-06:00); an end equal to the start means around the clock.
 */
public record Shift(LocalTime start, LocalTime end) {
  /** On shift all the time. */
  public static final Shift ALWAYS = new Shift(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  /** Validates. */
  public Shift {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** Whether the group works all day, every day. */
  public boolean always() {
    return start.equals(end);
  }

  /** Whether this local time of day is inside the shift (start included, end excluded). */
  public boolean contains(LocalTime t) {
    if (always()) {
      return true;
    }
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }
}
