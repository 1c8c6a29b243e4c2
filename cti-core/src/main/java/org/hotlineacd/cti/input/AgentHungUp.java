package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** The agent's side of a connected call hung up, which ends the call. */
public record AgentHungUp(CallId call, AgentId agent) implements TelephonyEvent {
  /** Validates. */
  public AgentHungUp {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(agent, "agent");
  }
}
