package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One skill-relaxation step: once a call has waited {@code after}, it also accepts agents whose
 * levels are at least {@code minLevel} in the queue's skills (when given), and agents of the
 * queues listed in {@code addQueues}. Steps are cumulative and ordered by {@code after}.
 *
 * @param minLevel the relaxed minimum level (1-10), or 0 to leave levels as they are
 */
public record Relaxation(Duration after, int minLevel, List<String> addQueues) {
  /** Validates and copies. */
  public Relaxation {
    Objects.requireNonNull(after, "after");
    if (after.isNegative()) {
      throw new IllegalArgumentException("relaxation 'after' must not be negative");
    }
    if (minLevel != 0 && (minLevel < 1 || minLevel > 10)) {
      throw new IllegalArgumentException("relaxation minLevel must be 1-10, was " + minLevel);
    }
    addQueues = addQueues == null ? List.of() : List.copyOf(addQueues);
  }
}
