package org.hotlineacd.acd.config;

import java.util.Locale;
import java.util.Optional;

/** The named service-level formulas of METRICS.md. */
public enum ServiceLevelFormula {
  /** answered within T / (offered - short abandons): the default. */
  OFFERED,
  /** answered within T / answered. */
  ANSWERED,
  /** (answered within T + abandoned within T) / offered. */
  ABANDONS_ON_TIME;

  /** The configuration name, e.g. {@code abandons-on-time}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a configuration name. */
  public static Optional<ServiceLevelFormula> fromConfigName(String name) {
    for (ServiceLevelFormula f : values()) {
      if (f.configName().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
