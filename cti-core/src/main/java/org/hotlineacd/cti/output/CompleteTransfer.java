package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** Complete the attended transfer: connect the caller to the consulted target and drop the agent. */
public record CompleteTransfer(long commandId, CallId call, AgentId agent) implements TelephonyCommand {}
