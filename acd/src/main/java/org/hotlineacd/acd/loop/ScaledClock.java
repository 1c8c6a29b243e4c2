package org.hotlineacd.acd.loop;

/** The monotonic clock, anchored at an epoch instant and optionally sped up. */
final class ScaledClock implements TimeSource {
  private final long startEpochNanos;
  private final long startMonoNanos = System.nanoTime();
  private final double speed;

  ScaledClock(long startEpochNanos, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, was " + speed);
    }
    this.startEpochNanos = startEpochNanos;
    this.speed = speed;
  }

  @Override
  public long nowNanos() {
    return startEpochNanos + (long) ((System.nanoTime() - startMonoNanos) * speed);
  }

  @Override
  public boolean virtual() {
    return false;
  }

  @Override
  public long realNanosFor(long sourceNanos) {
    return (long) (sourceNanos / speed);
  }
}
