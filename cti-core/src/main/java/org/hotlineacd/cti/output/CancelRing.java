package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** Stop ringing the agent for the call (ring timeout, or the caller hung up). */
public record CancelRing(long commandId, CallId call, AgentId agent) implements TelephonyCommand {}
