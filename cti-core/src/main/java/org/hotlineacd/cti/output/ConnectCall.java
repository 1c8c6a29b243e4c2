package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** The agent answered: bridge the caller with the agent's leg. */
public record ConnectCall(long commandId, CallId call, AgentId agent) implements TelephonyCommand {}
