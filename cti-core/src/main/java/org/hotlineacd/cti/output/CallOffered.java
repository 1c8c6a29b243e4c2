package org.hotlineacd.cti.output;

import java.util.Map;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** The agent's phone rings for this call: the screen pop. */
public record CallOffered(
    AgentId agent,
    CallId call,
    String queue,
    String line,
    String callerNumber,
    long waitedNanos,
    Map<String, String> callerData)
    implements AgentNotice {
  /** Copies the caller data. */
  public CallOffered {
    callerData = callerData == null ? Map.of() : Map.copyOf(callerData);
  }
}
