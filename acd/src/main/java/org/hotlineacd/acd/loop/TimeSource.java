package org.hotlineacd.acd.loop;

/**
 * Where the engine loop gets "now" (epoch nanoseconds) and how it waits for it to pass.
 *
 * <p>{@link #virtual()} sources never wait: the loop jumps straight to the next deadline, so a
 * simulated day runs as fast as the CPU allows and always the same way.
 */
public interface TimeSource {
  /** The current time in epoch nanoseconds. */
  long nowNanos();

  /** Whether time only moves when the loop moves it. */
  boolean virtual();

  /** How many real nanoseconds pass while this source advances {@code sourceNanos}. */
  long realNanosFor(long sourceNanos);

  /** Virtual time starting at {@code startEpochNanos}. */
  static TimeSource virtualFrom(long startEpochNanos) {
    return new VirtualTime(startEpochNanos);
  }

  /**
   * The wall clock, sped up by {@code speed} from {@code startEpochNanos} on (speed 1 and the
   * current time give the real clock). Monotonic: it follows {@link System#nanoTime()}.
   */
  static TimeSource scaled(long startEpochNanos, double speed) {
    return new ScaledClock(startEpochNanos, speed);
  }
}
