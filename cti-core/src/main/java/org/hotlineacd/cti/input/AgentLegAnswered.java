package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** The agent picked up the phone that was rung for {@code call}. */
public record AgentLegAnswered(CallId call, AgentId agent) implements TelephonyEvent {
  /** Validates. */
  public AgentLegAnswered {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(agent, "agent");
  }
}
