package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent puts its connected caller on hold ({@code hold} true) or takes it off hold. */
public record HoldRequest(long requestId, AgentId agent, boolean hold) implements AgentRequest {
  /** Validates. */
  public HoldRequest {
    Objects.requireNonNull(agent, "agent");
  }
}
