package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/** The agent starts ({@code start} true) or stops recording its connected call. */
public record RecordingRequest(long requestId, AgentId agent, boolean start) implements AgentRequest {
  /** Validates. */
  public RecordingRequest {
    Objects.requireNonNull(agent, "agent");
  }
}
