package org.hotlineacd.acd.app;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.port.ReadinessCheck;

/**
 * One Asterisk server is ready while its AMI connection is logged in and in step (calls on it are
 * routed); connecting, resynchronising, reconnecting and a refused login are not ready, with the
 * state and the last problem in the detail. Named {@code asterisk.<server>}.
 */
public final class AsteriskReadiness implements ReadinessCheck {
  private final String server;
  private final Supplier<List<AmiStatus>> status;

  /** Reads server {@code server} from {@code status} (the adapter's, a sample of kept state). */
  public AsteriskReadiness(String server, Supplier<List<AmiStatus>> status) {
    this.server = Objects.requireNonNull(server, "server");
    this.status = Objects.requireNonNull(status, "status");
  }

  @Override
  public String name() {
    return "asterisk." + server;
  }

  @Override
  public Readiness check() {
    for (AmiStatus s : status.get()) {
      if (s.server().equals(server)) {
        String state = switch (s.state()) {
          case CONNECTED -> "connected";
          case CONNECTING -> "connecting";
          case RESYNCING -> "logged in, reading the channels that exist before routing again";
          case RECONNECTING -> "connection lost, reconnecting";
          case LOGIN_FAILED -> "login failed (check the AMI user, its secret and permit in manager.conf)";
          case STOPPED -> "stopped";
        };
        String detail = state + (s.lastProblem().isEmpty() || s.healthy() ? "" : "; last problem: " + s.lastProblem());
        return s.healthy() ? Readiness.up(detail) : Readiness.down(detail);
      }
    }
    return Readiness.down("not started");
  }
}
