package org.hotlineacd.cti.asterisk;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Reconnect delays: doubling from an initial delay up to a maximum, each spread by a random jitter. */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final double jitter;
  private final DoubleSupplier random;

  /** @param random values in [0, 1), injected so tests see fixed delays */
  Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.jitter = jitter;
    this.random = random;
  }

  /** The delay before reconnect attempt {@code attempt} (0 = the first after a loss). */
  long delayNanos(int attempt) {
    long base = initialNanos;
    for (int i = 0; i < attempt && base < maxNanos; i++) {
      base *= 2;
    }
    base = Math.min(base, maxNanos);
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Math.max(1, (long) (base * factor));
  }
}
