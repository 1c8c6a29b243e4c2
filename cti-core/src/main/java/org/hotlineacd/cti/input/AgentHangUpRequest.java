package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent asks to hang up the call it is connected to (from the desktop). */
public record AgentHangUpRequest(long requestId, AgentId agent) implements AgentRequest {
  /** Validates. */
  public AgentHangUpRequest {
    Objects.requireNonNull(agent, "agent");
  }
}
