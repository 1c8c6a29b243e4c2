package org.hotlineacd.bridge.agent;

/**
 * A token bucket per connection: a client may send {@code rate} messages a second, with bursts up
 * to twice that. Used on one event loop only.
 */
final class FloodGuard {
  private static final long SECOND = 1_000_000_000L;
  private final double ratePerNano;
  private final double capacity;
  private double tokens;
  private long last;

  FloodGuard(int ratePerSecond, long nowNanos) {
    this.ratePerNano = ratePerSecond / (double) SECOND;
    this.capacity = Math.max(10, 2.0 * ratePerSecond);
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes one token; false when the client is over its rate. */
  boolean tryAcquire(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
    last = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
