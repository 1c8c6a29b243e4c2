package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.TransferDestination;

/** The agent blind-transfers its connected call to a queue, an agent or an external target. */
public record TransferRequest(long requestId, AgentId agent, TransferDestination destination) implements AgentRequest {
  /** Validates. */
  public TransferRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(destination, "destination");
  }
}
