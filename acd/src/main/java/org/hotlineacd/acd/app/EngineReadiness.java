package org.hotlineacd.acd.app;

import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.cti.port.ReadinessCheck;

/**
 * The engine is ready while its loop keeps finishing batches: a real-time loop ends one at least
 * every 50 ms even when idle, so two seconds without one means the thread is stuck or gone.
 */
public final class EngineReadiness implements ReadinessCheck {
  private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(2);
  private volatile long lastBatchRealNanos;
  private volatile boolean seen;

  /** Watches {@code loop} (call before the loop starts). */
  public EngineReadiness(EngineLoop loop) {
    loop.onBatchEnd(now -> {
      lastBatchRealNanos = System.nanoTime();
      seen = true;
    });
  }

  @Override
  public String name() {
    return "engine";
  }

  @Override
  public Readiness check() {
    if (!seen) {
      return Readiness.down("the engine loop has not started");
    }
    long age = System.nanoTime() - lastBatchRealNanos;
    return age < STALE_NANOS
        ? Readiness.up("engine loop running")
        : Readiness.down("the engine loop has not finished a batch for " + TimeUnit.NANOSECONDS.toMillis(age) + " ms");
  }
}
