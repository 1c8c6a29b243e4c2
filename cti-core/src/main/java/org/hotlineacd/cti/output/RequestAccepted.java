package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;

/** The agent's request with this id was carried out. */
public record RequestAccepted(AgentId agent, long requestId) implements AgentNotice {}
