package org.hotlineacd.acd.segment;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallEndSide;

/**
 * The answered segment's talk ended: the call ended or was transferred. Talk = answered to this
 * end, hold included.
 *
 * @param transferLabel where the call was transferred: an external target label ({@code 110}),
 *     {@code queue:ID} for a queue or for an agent of that queue (a new segment follows there);
 *     {@code null} when it simply ended
 * @param recordingFile the recording's base name when the call was recorded, else {@code null}
 */
public record SegmentTalkEnded(
    SegmentKey key,
    AgentId agent,
    long endedNanos,
    long talkNanos,
    long holdNanos,
    CallEndSide side,
    String transferLabel,
    String recordingFile)
    implements SegmentEvent {

  /** A talk end without a recording. */
  public SegmentTalkEnded(SegmentKey key, AgentId agent, long endedNanos, long talkNanos, long holdNanos,
      CallEndSide side, String transferLabel) {
    this(key, agent, endedNanos, talkNanos, holdNanos, side, transferLabel, null);
  }
}
