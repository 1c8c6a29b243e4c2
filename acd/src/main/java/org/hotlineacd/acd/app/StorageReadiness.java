package org.hotlineacd.acd.app;

import java.util.Objects;
import java.util.function.Supplier;
import org.hotlineacd.acd.records.RecordHealth;
import org.hotlineacd.cti.port.ReadinessCheck;

/**
 * The records store is ready while the database takes writes and the writer's buffer is less than
 * half full: past that the database is not keeping up, and a full buffer loses records (the engine
 * keeps routing either way, so this tells the operator, not the load balancer's liveness).
 */
public final class StorageReadiness implements ReadinessCheck {
  private final Supplier<RecordHealth> health;

  /** Reads {@code health} (the writer's, which answers from counters it keeps). */
  public StorageReadiness(Supplier<RecordHealth> health) {
    this.health = Objects.requireNonNull(health, "health");
  }

  @Override
  public String name() {
    return "storage";
  }

  @Override
  public Readiness check() {
    RecordHealth h = health.get();
    String dropped = h.dropped() == 0 ? "" : "; " + h.dropped() + " events dropped since start (their records are lost)";
    if (!h.storageUp()) {
      return Readiness.down("the records database is not taking writes (" + (h.lastError() == null ? "no detail" : h.lastError())
          + "); " + h.buffered() + " of " + h.capacity() + " buffered events wait" + dropped);
    }
    if (h.buffered() * 2L >= h.capacity()) {
      return Readiness.down("the records buffer is filling: " + h.buffered() + " of " + h.capacity()
          + " events wait for the database" + dropped);
    }
    return Readiness.up("records database taking writes, " + h.buffered() + " of " + h.capacity() + " buffered" + dropped);
  }
}
