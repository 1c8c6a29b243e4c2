package org.hotlineacd.cti.port;

/**
 * Runs tasks at given instants of the engine's time (epoch nanoseconds, virtual or real). The
 * simulated PBX schedules its callers and agents with it, on the engine loop's own thread, so a
 * simulation is deterministic.
 */
public interface Scheduler {
  /** The current time, in epoch nanoseconds. */
  long nowNanos();

  /** Runs {@code task} at {@code atNanos} (at once, in order, if that is not in the future). */
  void schedule(long atNanos, Runnable task);
}
