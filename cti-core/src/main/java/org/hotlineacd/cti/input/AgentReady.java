package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent is ready for the next call. */
public record AgentReady(long requestId, AgentId agent) implements AgentRequest {
  /** Validates. */
  public AgentReady {
    Objects.requireNonNull(agent, "agent");
  }
}
