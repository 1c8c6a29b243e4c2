package org.hotlineacd.cti.port;

import java.util.Objects;

/**
 * One part the service needs to do its work (the engine, an Asterisk connection, storage), as
 * {@code /health} reports it. Safe to call from any thread; must answer at once from state the
 * part already keeps, never by doing I/O.
 */
public interface ReadinessCheck {
  /** A short stable name ({@code engine}, {@code asterisk.main}, {@code storage}). */
  String name();

  /** Whether the part is ready now, and why not. */
  Readiness check();

  /**
   * The outcome of one check.
   *
   * @param detail a sentence for an operator (empty when there is nothing to say)
   */
  record Readiness(boolean ready, String detail) {
    /** Validates. */
    public Readiness {
      Objects.requireNonNull(detail, "detail");
    }

    /** Ready, with a detail. */
    public static Readiness up(String detail) {
      return new Readiness(true, detail);
    }

    /** Not ready, saying why. */
    public static Readiness down(String detail) {
      return new Readiness(false, detail);
    }
  }
}
