package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** Abandon the attended transfer: hang up the consultation leg and reconnect agent and caller. */
public record CancelConsult(long commandId, CallId call, AgentId agent) implements TelephonyCommand {}
