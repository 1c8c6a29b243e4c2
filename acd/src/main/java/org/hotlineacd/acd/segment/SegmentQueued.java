package org.hotlineacd.acd.segment;

/**
 * The segment entered its queue (it is now "offered" in the interval of {@code key.queuedNanos}).
 *
 * @param transferInLabel the label the call counts under as a transfer in (from its line), or
 *     {@code null}
 * @param callerNumber the caller's number as presented
 */
public record SegmentQueued(SegmentKey key, int priority, String callerNumber, String transferInLabel)
    implements SegmentEvent {}
