package org.hotlineacd.cti.output;

import java.util.Map;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/**
 * Ring the agent's endpoint for a waiting call. The PBX answers with {@code AgentLegAnswered} or
 * {@code AgentLegFailed}; the engine also keeps its own ring timer.
 */
public record RingAgent(
    long commandId,
    CallId call,
    AgentId agent,
    String endpoint,
    long ringTimeoutNanos,
    String callerNumber,
    Map<String, String> callerData)
    implements TelephonyCommand {
  /** Copies the caller data. */
  public RingAgent {
    callerData = callerData == null ? Map.of() : Map.copyOf(callerData);
  }
}
