package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/**
 * The state of the agent's connected call changed: hold, an attended transfer under way, recording.
 *
 * @param consultTarget the label being consulted, or {@code null}
 */
public record CallStatus(AgentId agent, CallId call, boolean held, String consultTarget, boolean recording)
    implements AgentNotice {}
