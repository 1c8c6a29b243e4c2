package org.hotlineacd.acd.segment;

import org.hotlineacd.cti.model.AgentId;

/**
 * An agent picked up. Wait = {@code answeredNanos - key.queuedNanos}.
 *
 * @param offers how many times an agent's phone rang for this segment, this answer included
 */
public record SegmentAnswered(SegmentKey key, AgentId agent, long answeredNanos, int offers)
    implements SegmentEvent {
  /** The wait, answered minus queued. */
  public long waitNanos() {
    return answeredNanos - key.queuedNanos();
  }
}
