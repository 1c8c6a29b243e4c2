package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent stops work; refused while a call rings or is connected. */
public record AgentLogout(long requestId, AgentId agent) implements AgentRequest {
  /** Validates. */
  public AgentLogout {
    Objects.requireNonNull(agent, "agent");
  }
}
