package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;

/**
 * The agent's state changed.
 *
 * @param reason the not-ready reason, or {@code null}
 * @param call the call the agent rings for, talks to or wraps up, or {@code null}
 * @param deadlineNanos for wrap-up, when it ends by itself; otherwise 0
 */
public record AgentStateChanged(
    AgentId agent, AgentState state, String reason, CallId call, long atNanos, long deadlineNanos)
    implements AgentNotice {}
