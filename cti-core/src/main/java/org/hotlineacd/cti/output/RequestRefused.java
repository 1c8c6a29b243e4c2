package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;

/**
 * The agent's request with this id was refused and changed nothing.
 *
 * @param code a stable machine code such as {@code illegal-transition} or {@code unknown-agent}
 * @param message a sentence for a person
 */
public record RequestRefused(AgentId agent, long requestId, String code, String message)
    implements AgentNotice {}
