package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who may read the wallboard and when its tiles turn amber or red (the {@code wallboard} section;
 * see docs/configuration.md).
 *
 * @param tokens read-only wallboard tokens; empty: anyone who reaches the port may read the board
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
    List<String> tokens,
    int serviceLevelAmberBelow,
    int serviceLevelRedBelow,
    Duration longestWaitAmber,
    Duration longestWaitRed,
    int waitingAmber,
    int waitingRed,
    int abandonAmber,
    int abandonRed) {

  /** What a token looks like: 20 or more letters, digits, '-' or '_'. */
  public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,200}");

  /** The defaults: no token, red under 80 %, amber under 90 %, and so on (docs/configuration.md). */
  public static final WallboardSettings DEFAULT = new WallboardSettings(List.of(), 90, 80,
      Duration.ofSeconds(20), Duration.ofSeconds(30), 3, 6, 5, 10);

  /** Validates and copies. */
  public WallboardSettings {
    tokens = List.copyOf(tokens);
    for (String t : tokens) {
      if (!TOKEN.matcher(t).matches()) {
        throw new IllegalArgumentException("a wallboard token is 20-200 letters, digits, '-' or '_'");
      }
    }
    Objects.requireNonNull(longestWaitAmber, "longestWaitAmber");
    Objects.requireNonNull(longestWaitRed, "longestWaitRed");
    if (serviceLevelRedBelow > serviceLevelAmberBelow) {
      throw new IllegalArgumentException("serviceLevel.redBelow must not be above amberBelow");
    }
    if (longestWaitRed.compareTo(longestWaitAmber) < 0 || waitingRed < waitingAmber || abandonRed < abandonAmber) {
      throw new IllegalArgumentException("a redAbove must not be below its amberAbove");
    }
  }

  /** Whether the board is open to anyone (no token configured). */
  public boolean open() {
    return tokens.isEmpty();
  }
}
