package org.hotlineacd.acd.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log levels the command line sets for its own runs. */
final class Quiet {
  private Quiet() {}

  /**
   * A simulation at full speed makes millions of state changes: keep the per-change INFO lines out
   * of it (warnings still show).
   */
  static void engineAtFullSpeed() {
    if (LoggerFactory.getLogger("org.hotlineacd") instanceof Logger logger) {
      logger.setLevel(Level.WARN);
    }
  }
}
