package org.hotlineacd.acd.segment;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/**
 * Which queue segment an event is about (METRICS.md: a call transferred or overflowed to another
 * queue starts a new segment there).
 *
 * @param index 0 for the call's first segment
 * @param queuedNanos when the segment entered its queue (epoch nanos): it decides the interval
 * @param line the line the call arrived on
 * @param firstOfCall whether this is the segment the whole-centre figures count the call on
 */
public record SegmentKey(CallId call, int index, String queue, String line, long queuedNanos) {
  /** Validates. */
  public SegmentKey {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(line, "line");
    if (index < 0) {
      throw new IllegalArgumentException("segment index must not be negative");
    }
  }

  /** Whether the whole-centre figures count the call on this segment. */
  public boolean firstOfCall() {
    return index == 0;
  }
}
