package org.hotlineacd.acd.config;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Centre-wide settings.
 *
 * @param timeZone the zone intervals are aligned to (the sample uses Asia/Shanghai)
 * @param maxConsecutiveNoAnswer after this many unanswered rings in a row an agent goes not-ready
 *     with reason {@code no-answer}
 */
public record EngineSettings(ZoneId timeZone, int maxConsecutiveNoAnswer) {
  /** The defaults: UTC and 2 rings. */
  public static final EngineSettings DEFAULT = new EngineSettings(ZoneId.of("UTC"), 2);

  /** Validates. */
  public EngineSettings {
    Objects.requireNonNull(timeZone, "timeZone");
    if (maxConsecutiveNoAnswer < 1) {
      throw new IllegalArgumentException("maxConsecutiveNoAnswer must be at least 1");
    }
  }
}
