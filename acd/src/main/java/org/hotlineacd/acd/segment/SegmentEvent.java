package org.hotlineacd.acd.segment;

/**
 * A milestone of one queue segment, emitted by the engine in order: {@link SegmentQueued}, then
 * exactly one of {@link SegmentAnswered}, {@link SegmentAbandoned} or {@link SegmentOverflowed};
 * after an answer, {@link SegmentTalkEnded} and then {@link SegmentWrapUpEnded}. Figures, call
 * records and case handoff are all computed from this one stream, so they cannot disagree.
 */
public sealed interface SegmentEvent
    permits SegmentQueued,
        SegmentAnswered,
        SegmentAbandoned,
        SegmentOverflowed,
        SegmentTalkEnded,
        SegmentWrapUpEnded {
  /** The segment. */
  SegmentKey key();
}
