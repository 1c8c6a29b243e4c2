package org.hotlineacd.acd.segment;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallEndSide;

/**
 * The answered segment's talk ended: the call ended or was transferred. Talk = answered to this
 * end, hold included.
 *
 * @param transferLabel where the call was transferred (a target label or {@code queue:ID}), or
 *     {@code null} when it simply ended
 */
public record SegmentTalkEnded(
    SegmentKey key,
    AgentId agent,
    long endedNanos,
    long talkNanos,
    long holdNanos,
    CallEndSide side,
    String transferLabel)
    implements SegmentEvent {}
