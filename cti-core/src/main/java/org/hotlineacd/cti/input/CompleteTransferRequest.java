package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent completes its attended transfer: the caller is connected to the consulted target and leaves the ACD. */
public record CompleteTransferRequest(long requestId, AgentId agent) implements AgentRequest {
  /** Validates. */
  public CompleteTransferRequest {
    Objects.requireNonNull(agent, "agent");
  }
}
