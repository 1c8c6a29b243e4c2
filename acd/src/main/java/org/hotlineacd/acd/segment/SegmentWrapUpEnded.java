package org.hotlineacd.acd.segment;

import org.hotlineacd.cti.model.AgentId;

/**
 * The agent who had the segment finished its after-call work: the segment is complete.
 *
 * @param timedOut whether the wrap-up ended by the queue's timeout rather than by the agent
 * @param disposition the agent's disposition, or {@code null}
 */
public record SegmentWrapUpEnded(
    SegmentKey key,
    AgentId agent,
    long endedNanos,
    long wrapUpNanos,
    boolean timedOut,
    String disposition,
    String category,
    String summary)
    implements SegmentEvent {}
