package org.hotlineacd.acd.config;

import java.util.Locale;
import java.util.Optional;

/** How a queue chooses among the idle agents eligible for a call. */
public enum Strategy {
  /** The agent idle the longest (the default). */
  LONGEST_IDLE,
  /** The agent who has taken the fewest calls since login. */
  FEWEST_CALLS,
  /** The agent with the least talk time since login. */
  LEAST_TALK_TIME,
  /** The agent this queue offered a call to least recently. */
  ROUND_ROBIN,
  /** The highest level in the queue's skills, then the longest idle. */
  BEST_SKILL;

  /** The configuration name, e.g. {@code longest-idle}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a configuration name. */
  public static Optional<Strategy> fromConfigName(String name) {
    for (Strategy s : values()) {
      if (s.configName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
