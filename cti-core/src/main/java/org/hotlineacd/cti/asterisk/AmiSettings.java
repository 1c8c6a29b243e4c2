package org.hotlineacd.cti.asterisk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the Asterisk adapter needs: the servers, keep-alive, reconnect backoff, periodic
 * reconciliation and the dialplan contract.
 *
 * @param pingInterval how often a {@code Ping} is sent on an idle or busy connection
 * @param pingTimeout how long a ping may stay unanswered before the connection is declared dead
 * @param reconnectInitial the first reconnect delay; it doubles per failed attempt up to {@code reconnectMax}
 * @param reconnectJitter the random share (0-1) taken off or added to each delay, so a fleet does not reconnect in step
 * @param reconcileEvery how often the channels are re-read while connected (zero: never)
 */
public record AmiSettings(List<AmiServer> servers, Duration pingInterval, Duration pingTimeout,
    Duration reconnectInitial, Duration reconnectMax, double reconnectJitter, Duration reconcileEvery,
    Dialplan dialplan) {
  /** Validates and copies. */
  public AmiSettings {
    servers = List.copyOf(servers);
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(pingTimeout, "pingTimeout");
    Objects.requireNonNull(reconnectInitial, "reconnectInitial");
    Objects.requireNonNull(reconnectMax, "reconnectMax");
    Objects.requireNonNull(reconcileEvery, "reconcileEvery");
    dialplan = dialplan == null ? Dialplan.DEFAULT : dialplan;
    if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
      throw new IllegalArgumentException("pingInterval and pingTimeout must be positive");
    }
    if (reconnectInitial.isNegative() || reconnectInitial.isZero() || reconnectMax.compareTo(reconnectInitial) < 0) {
      throw new IllegalArgumentException("reconnect delays must be positive, max >= initial");
    }
    if (!(reconnectJitter >= 0 && reconnectJitter <= 1)) {
      throw new IllegalArgumentException("reconnectJitter must be 0-1, was " + reconnectJitter);
    }
  }

  /** Default timings (ping 5 s, timeout 4 s: a dead server is noticed within 10 s) for these servers. */
  public static AmiSettings defaults(List<AmiServer> servers) {
    return new AmiSettings(servers, Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(1),
        Duration.ofSeconds(30), 0.2, Duration.ofSeconds(60), Dialplan.DEFAULT);
  }

  /** Whether call ids carry the server name ({@code name/uniqueid}): only with several servers. */
  public boolean prefixCallIds() {
    return servers.size() > 1;
  }
}
