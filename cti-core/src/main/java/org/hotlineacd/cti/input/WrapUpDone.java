package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/**
 * The agent finished after-call work, with what the case needs.
 *
 * @param disposition a configured disposition code, or {@code null}
 * @param category a configured case category, or {@code null}
 * @param summary free text for the case, or {@code null}
 */
public record WrapUpDone(
    long requestId, AgentId agent, String disposition, String category, String summary)
    implements AgentRequest {
  /** Validates. */
  public WrapUpDone {
    Objects.requireNonNull(agent, "agent");
  }

  /** Wrap-up finished without case details. */
  public WrapUpDone(long requestId, AgentId agent) {
    this(requestId, agent, null, null, null);
  }
}
