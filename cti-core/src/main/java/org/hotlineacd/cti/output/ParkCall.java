package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/**
 * Take the caller away from {@code agent} (whose leg is hung up) and back to the holding context
 * with music, where it waits to be offered again (a transfer to a queue or to another agent).
 */
public record ParkCall(long commandId, CallId call, AgentId agent) implements TelephonyCommand {}
