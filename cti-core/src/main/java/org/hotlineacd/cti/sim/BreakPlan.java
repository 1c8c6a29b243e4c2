package org.hotlineacd.cti.sim;

import java.util.Objects;

/**
 * A kind of break an agent takes: the time between breaks (counted from login or from the end of
 * the previous break of this kind), how long it lasts, and the not-ready reason given.
 *
 * @param every time from login or from the last such break's end until the next one is due;
 *     finite
 * @param length how long the agent stays not ready
 * @param reason a not-ready reason that the ACD configuration must list (e.g. {@code break})
 */
public record BreakPlan(Distribution every, Distribution length, String reason) {
  /** Validates. */
  public BreakPlan {
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(reason, "reason");
    if (!every.finite() || !length.finite()) {
      throw new IllegalArgumentException("break 'every' and 'length' must be finite");
    }
    if (every.meanNanos() <= 0) {
      // Breaks due back to back at one instant would never let virtual time advance.
      throw new IllegalArgumentException("break 'every' must have a positive mean");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("break reason must not be blank");
    }
  }
}
