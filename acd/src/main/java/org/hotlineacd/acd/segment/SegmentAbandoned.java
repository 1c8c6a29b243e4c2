package org.hotlineacd.acd.segment;

/**
 * The caller hung up while queued or ringing, before any answer. Wait = {@code endedNanos -
 * key.queuedNanos}.
 *
 * @param whileRinging whether an agent's phone was ringing at the time
 */
public record SegmentAbandoned(SegmentKey key, long endedNanos, boolean whileRinging, int offers)
    implements SegmentEvent {
  /** The wait, ended minus queued. */
  public long waitNanos() {
    return endedNanos - key.queuedNanos();
  }
}
