package org.hotlineacd.cti.admin;

import java.util.Locale;
import java.util.Optional;

/** The configuration sections the admin API edits item by item, each item named by its {@code id}. */
public enum ConfigSection {
  /** Dialled lines and the queue each feeds. */
  LINES,
  /** Agent queues. */
  QUEUES,
  /** Skill names (an item is just {@code {"id": ...}}). */
  SKILLS,
  /** Agents. */
  AGENTS;

  /** The name in the configuration file and the URL, e.g. {@code queues}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The section of a URL segment or file key. */
  public static Optional<ConfigSection> of(String key) {
    for (ConfigSection s : values()) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
