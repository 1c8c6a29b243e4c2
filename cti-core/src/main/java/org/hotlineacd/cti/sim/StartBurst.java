package org.hotlineacd.cti.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Callers who are already dialling when the simulation starts, on top of the line's rate: they
 * arrive at uniformly drawn instants in the first {@code within}, so a live demo shows queueing at
 * once instead of waiting for the Poisson process to fill the queue.
 *
 * @param calls how many, zero or more
 * @param within positive when {@code calls} is positive
 */
public record StartBurst(int calls, Duration within) {
  /** No burst. */
  public static final StartBurst NONE = new StartBurst(0, Duration.ZERO);

  /** Validates. */
  public StartBurst {
    Objects.requireNonNull(within, "within");
    if (calls < 0) {
      throw new IllegalArgumentException("start burst calls must not be negative, was " + calls);
    }
    if (within.isNegative() || (calls > 0 && within.isZero())) {
      throw new IllegalArgumentException("start burst 'within' must be positive, was " + within);
    }
  }
}
