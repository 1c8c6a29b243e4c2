package org.hotlineacd.acd.records;

import java.util.List;
import org.hotlineacd.acd.figures.IntervalRow;

/**
 * What one writer transaction stores: finished segments and calls, the case requests built from
 * the calls, and the interval deltas and category counts of the same events.
 *
 * @param lastSequence the sequence number of the last event the batch covers (for acknowledgement)
 */
public record RecordBatch(
    List<SegmentRecord> segments,
    List<CallRecord> calls,
    List<CaseRequest> cases,
    List<IntervalRow> intervals,
    List<CategoryCount> categories,
    long lastSequence) {

  /** Copies. */
  public RecordBatch {
    segments = List.copyOf(segments);
    calls = List.copyOf(calls);
    cases = List.copyOf(cases);
    intervals = List.copyOf(intervals);
    categories = List.copyOf(categories);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return segments.isEmpty() && calls.isEmpty() && cases.isEmpty() && intervals.isEmpty() && categories.isEmpty();
  }

  /** Wrap-up categories counted in one interval and scope (a queue id or the centre). */
  public record CategoryCount(long intervalStartNanos, String scope, String category, long count) {}
}
