package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;

/**
 * The agent's phone did not pick up.
 *
 * @param cause the PBX's hang-up cause code (Q.850), or 0 when unknown
 */
public record AgentLegFailed(CallId call, AgentId agent, LegFailure reason, int cause)
    implements TelephonyEvent {
  /** Validates. */
  public AgentLegFailed {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(reason, "reason");
  }
}
