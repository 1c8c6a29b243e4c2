package org.hotlineacd.bridge.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the network edge listens and how agent sessions behave, read once from configuration.
 *
 * @param bind the address to bind (an IP literal or host name)
 * @param port the TCP port, 0-65535 (0: any free port, for tests)
 * @param tls certificate and key for HTTPS/WSS, or {@code null} for plain HTTP
 * @param sessions the agent session rules
 */
public record BridgeSettings(String bind, int port, Tls tls, Sessions sessions) {
  /** Validates. */
  public BridgeSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(sessions, "sessions");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
  }

  /** Plain HTTP on {@code bind:port} with the default session rules. */
  public static BridgeSettings plain(String bind, int port) {
    return new BridgeSettings(bind, port, null, Sessions.DEFAULT);
  }

  /** A copy with other session rules. */
  public BridgeSettings withSessions(Sessions value) {
    return new BridgeSettings(bind, port, tls, value);
  }

  /**
   * A PEM certificate chain and its PKCS#8 PEM private key.
   */
  public record Tls(Path certificate, Path privateKey) {
    /** Validates. */
    public Tls {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * Agent session rules.
   *
   * @param allowedOrigins the {@code Origin}s a browser may open {@code /ws/agent} from (e.g.
   *     {@code https://acd.example.org}); empty: only the server's own origin
   * @param takeover true: a second login of the same agent takes the session over (the first
   *     desktop is told and closed); false: the second login is refused
   * @param heartbeat how often the server pings an otherwise quiet connection
   * @param heartbeatTimeout a connection that sends nothing (not even a pong) this long is closed
   * @param reconnectGrace how long a logged-in agent's desktop may stay away before the agent is
   *     put not-ready
   * @param disconnectReason the not-ready reason used then, or {@code null} to leave the agent as is
   * @param tokenLifetime how long a session token may resume a session (it dies at logout anyway)
   * @param maxFrameBytes the largest message a client may send
   * @param maxMessagesPerSecond the sustained message rate a client may keep up (bursts of twice
   *     that are let through); above it the connection is closed as a flood
   */
  public record Sessions(
      List<String> allowedOrigins,
      boolean takeover,
      Duration heartbeat,
      Duration heartbeatTimeout,
      Duration reconnectGrace,
      String disconnectReason,
      Duration tokenLifetime,
      int maxFrameBytes,
      int maxMessagesPerSecond) {
    /** The defaults documented in {@code docs/configuration.md}. */
    public static final Sessions DEFAULT = new Sessions(List.of(), true, Duration.ofSeconds(15),
        Duration.ofSeconds(45), Duration.ofSeconds(30), null, Duration.ofHours(12), 16 * 1024, 20);

    /** Validates and copies. */
    public Sessions {
      allowedOrigins = List.copyOf(allowedOrigins);
      positive(heartbeat, "heartbeat");
      positive(heartbeatTimeout, "heartbeatTimeout");
      positive(reconnectGrace, "reconnectGrace");
      positive(tokenLifetime, "tokenLifetime");
      if (heartbeatTimeout.compareTo(heartbeat) <= 0) {
        throw new IllegalArgumentException("heartbeatTimeout must be longer than heartbeat");
      }
      if (maxFrameBytes < 256 || maxFrameBytes > 1 << 20) {
        throw new IllegalArgumentException("maxFrameBytes must be 256 to 1048576, was " + maxFrameBytes);
      }
      if (maxMessagesPerSecond < 1 || maxMessagesPerSecond > 10_000) {
        throw new IllegalArgumentException("maxMessagesPerSecond must be 1-10000, was " + maxMessagesPerSecond);
      }
    }

    private static void positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
    }
  }
}
