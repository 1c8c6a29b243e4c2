package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who may reach the network edge and how agent desktop sessions behave (the {@code security}
 * section; see docs/configuration.md).
 *
 * @param allowedOrigins origins whose pages may open the agent WebSocket; empty: only the server's
 *     own origin
 * @param secondLogin what a second login of a logged-in agent does
 * @param heartbeat how often the server pings a quiet desktop
 * @param heartbeatTimeout a desktop silent this long is disconnected
 * @param reconnectGrace how long a logged-in agent's desktop may be away before the agent is put
 *     not-ready
 * @param disconnectReason the not-ready reason used then (one of {@code notReadyReasons}), or
 *     {@code null} to leave the agent as it is
 * @param tokenLifetime how long a desktop's session token can resume a session
 * @param maxFrameBytes the largest message a desktop may send
 * @param maxMessagesPerSecond the message rate above which a desktop is disconnected as a flood
 * @param apiTokens bearer tokens of the HTTP API (admins and wallboards), hashed
 */
public record SecuritySettings(
    List<String> allowedOrigins,
    SecondLogin secondLogin,
    Duration heartbeat,
    Duration heartbeatTimeout,
    Duration reconnectGrace,
    String disconnectReason,
    Duration tokenLifetime,
    int maxFrameBytes,
    int maxMessagesPerSecond,
    List<ApiToken> apiTokens) {

  /** What a second login of an agent that is already logged in on a desktop does. */
  public enum SecondLogin {
    /** The new desktop takes the session; the old one is told and closed. */
    TAKEOVER,
    /** The new login is refused until the agent logs out on the old desktop. */
    REFUSE
  }

  /** The defaults. */
  public static final SecuritySettings DEFAULT = new SecuritySettings(List.of(), SecondLogin.TAKEOVER,
      Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofSeconds(30), null, Duration.ofHours(12), 16 * 1024, 20, List.of());

  /** Settings without API tokens (the signature before {@code apiTokens} existed). */
  public SecuritySettings(List<String> allowedOrigins, SecondLogin secondLogin, Duration heartbeat,
      Duration heartbeatTimeout, Duration reconnectGrace, String disconnectReason, Duration tokenLifetime,
      int maxFrameBytes, int maxMessagesPerSecond) {
    this(allowedOrigins, secondLogin, heartbeat, heartbeatTimeout, reconnectGrace, disconnectReason, tokenLifetime,
        maxFrameBytes, maxMessagesPerSecond, List.of());
  }

  /** Validates and copies. */
  public SecuritySettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
    Objects.requireNonNull(secondLogin, "secondLogin");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
    Objects.requireNonNull(reconnectGrace, "reconnectGrace");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    if (heartbeatTimeout.compareTo(heartbeat) <= 0) {
      throw new IllegalArgumentException("heartbeatTimeout (" + Durations.format(heartbeatTimeout)
          + ") must be longer than heartbeat (" + Durations.format(heartbeat) + ")");
    }
  }
}
