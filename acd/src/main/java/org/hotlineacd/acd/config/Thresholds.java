package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A queue's figure thresholds (METRICS.md).
 *
 * @param answerTarget T: answered with wait at most this is "within T" (default 30 s)
 * @param shortAbandon S: abandoned with wait at most this is a short abandon (default 0 s)
 * @param longCall L: talk over this is a long call (default 600 s)
 */
public record Thresholds(
    Duration answerTarget, Duration shortAbandon, Duration longCall, ServiceLevelFormula formula) {
  /** The defaults of METRICS.md: 30 s, 0 s, 600 s, formula {@code offered}. */
  public static final Thresholds DEFAULT =
      new Thresholds(
          Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(600), ServiceLevelFormula.OFFERED);

  /** Validates. */
  public Thresholds {
    Objects.requireNonNull(answerTarget, "answerTarget");
    Objects.requireNonNull(shortAbandon, "shortAbandon");
    Objects.requireNonNull(longCall, "longCall");
    Objects.requireNonNull(formula, "formula");
    if (answerTarget.isNegative() || shortAbandon.isNegative() || longCall.isNegative()) {
      throw new IllegalArgumentException("thresholds must not be negative");
    }
  }
}
