package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent starts work; it enters {@code not-ready} with reason {@code login} until it says ready. */
public record AgentLogin(long requestId, AgentId agent) implements AgentRequest {
  /** Validates. */
  public AgentLogin {
    Objects.requireNonNull(agent, "agent");
  }
}
