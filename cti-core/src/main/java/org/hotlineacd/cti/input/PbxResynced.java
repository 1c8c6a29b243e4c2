package org.hotlineacd.cti.input;

import java.util.List;
import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/**
 * The calls that exist on the PBX of {@code scope}, read after a {@link PbxResyncStarted}. The
 * engine ends every unconfirmed call of the scope that is not listed (it disappeared while nobody
 * was listening), takes in waiting callers it does not know with their original queue time, and
 * routes the scope's calls again.
 */
public record PbxResynced(String scope, List<ChannelPresent> calls) implements TelephonyEvent {
  /** Validates and copies. */
  public PbxResynced {
    Objects.requireNonNull(scope, "scope");
    calls = List.copyOf(calls);
  }

  @Override
  public CallId call() {
    return null;
  }
}
