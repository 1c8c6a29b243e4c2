package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/**
 * The PBX whose call ids start with {@code scope} is about to report every call that exists on it
 * (after a connect, a reconnect, an Asterisk restart, or periodically). Every call the engine knows
 * in that scope is marked unconfirmed until the matching {@link PbxResynced} confirms it; calls that
 * arrive in between count as confirmed.
 *
 * @param scope the call id prefix of that PBX ({@code ""} when there is only one)
 * @param suspendRouting true when the connection was lost: waiting calls in the scope are not
 *     offered to agents until the resync ends (their queue time keeps running)
 */
public record PbxResyncStarted(String scope, boolean suspendRouting) implements TelephonyEvent {
  /** Validates. */
  public PbxResyncStarted {
    Objects.requireNonNull(scope, "scope");
  }

  @Override
  public CallId call() {
    return null;
  }
}
