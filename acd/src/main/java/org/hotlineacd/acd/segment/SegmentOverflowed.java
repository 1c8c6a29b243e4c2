package org.hotlineacd.acd.segment;

/**
 * The segment left its queue unanswered by an overflow rule.
 *
 * @param cause {@code max-wait}, {@code max-length}, {@code no-agents} or {@code queue-removed}
 * @param kind the overflow kind ({@code queue}, {@code voicemail}, {@code callback}, {@code external})
 * @param target the target queue or label
 */
public record SegmentOverflowed(
    SegmentKey key, long leftNanos, String cause, String kind, String target) implements SegmentEvent {
  /** The wait, left minus queued. */
  public long waitNanos() {
    return leftNanos - key.queuedNanos();
  }
}
