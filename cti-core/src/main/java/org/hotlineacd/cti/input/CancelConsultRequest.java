package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent abandons its attended transfer and returns to the caller. */
public record CancelConsultRequest(long requestId, AgentId agent) implements AgentRequest {
  /** Validates. */
  public CancelConsultRequest {
    Objects.requireNonNull(agent, "agent");
  }
}
