package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When the wallboard's tiles turn amber or red (the {@code wallboard} section; see
 * docs/configuration.md). Who may read it is {@code security.wallboardTokens} (and adminTokens).
 *
 * @param serviceLevelAmberBelow a live 30-second rate under this (per cent) is amber
 * @param serviceLevelRedBelow ... and under this, red
 * @param longestWaitAmber a longest current wait over this is amber
 * @param longestWaitRed ... and over this, red
 * @param waitingAmber more calls waiting than this is amber
 * @param waitingRed ... and more than this, red
 * @param abandonAmber an abandon rate today over this (per cent) is amber
 * @param abandonRed ... and over this, red
 */
public record WallboardSettings(
    int serviceLevelAmberBelow,
    int serviceLevelRedBelow,
    Duration longestWaitAmber,
    Duration longestWaitRed,
    int waitingAmber,
    int waitingRed,
    int abandonAmber,
    int abandonRed) {

  /** The defaults: red under 80 %, amber under 90 %, and so on (docs/configuration.md). */
  public static final WallboardSettings DEFAULT = new WallboardSettings(90, 80,
      Duration.ofSeconds(20), Duration.ofSeconds(30), 3, 6, 5, 10);

  /** Validates. */
  public WallboardSettings {
    Objects.requireNonNull(longestWaitAmber, "longestWaitAmber");
    Objects.requireNonNull(longestWaitRed, "longestWaitRed");
    if (serviceLevelRedBelow > serviceLevelAmberBelow) {
      throw new IllegalArgumentException("serviceLevel.redBelow must not be above amberBelow");
    }
    if (longestWaitRed.compareTo(longestWaitAmber) < 0 || waitingRed < waitingAmber || abandonRed < abandonAmber) {
      throw new IllegalArgumentException("a redAbove must not be below its amberAbove");
    }
  }
}
