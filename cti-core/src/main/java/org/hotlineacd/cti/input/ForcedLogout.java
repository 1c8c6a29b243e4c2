package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.AgentId;

/**
 * A supervisor logs an agent out (the admin API): at once when the agent is ready or not ready;
 * otherwise as soon as its current ring, call and wrap-up are over, with no new call offered
 * meanwhile. Unlike {@link AgentLogout}, it is never refused for a busy agent, only for one that
 * is not logged in.
 *
 * @param by who asked (an admin token's name), for the log
 */
public record ForcedLogout(long requestId, AgentId agent, String by) implements AgentRequest {
  /** Validates. */
  public ForcedLogout {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(by, "by");
  }
}
