package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/**
 * The agent takes a break; {@code reason} must be one of the configured not-ready reasons. Asked
 * during a call or wrap-up, it takes effect when the wrap-up ends.
 */
public record AgentNotReady(long requestId, AgentId agent, String reason) implements AgentRequest {
  /** Validates. */
  public AgentNotReady {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(reason, "reason");
  }
}
