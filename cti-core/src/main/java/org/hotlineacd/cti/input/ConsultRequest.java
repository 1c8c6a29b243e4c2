package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent starts an attended transfer: the caller is held and the external target {@code targetLabel} is dialled for the agent to talk to first. */
public record ConsultRequest(long requestId, AgentId agent, String targetLabel) implements AgentRequest {
  /** Validates. */
  public ConsultRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(targetLabel, "targetLabel");
  }
}
