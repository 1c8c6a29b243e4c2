package org.hotlineacd.acd.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentListener;

/**
 * The figure book's counts as deltas to store: fed the same segment stream as a {@link
 * FigureBook}, it hands out, at each {@link #drain}, what every touched interval gained since the
 * last drain. Summing the drained rows per interval and scope gives exactly the book's sums, so a
 * report read from stored rows cannot differ from the live figures.
 *
 * <p>It is a figure book whose tallies are zeroed as they are drained. Intervals are forgotten
 * once drained and older than every call still in the ACD (the centre ledger keeps a live call's
 * first interval until the call completes), so memory stays bounded on a long run.
 *
 * <p>Threading: not thread-safe; one thread (the records writer) feeds and drains it.
 */
public final class IntervalDeltas implements SegmentListener {
  private final FigureBook book;

  /** Deltas for these queues (id to thresholds) in this zone, as {@link FigureBook}. */
  public IntervalDeltas(Map<String, Thresholds> queueThresholds, java.time.ZoneId zone) {
    this.book = new FigureBook(queueThresholds, zone);
  }

  /** Takes one segment milestone. */
  @Override
  public void on(SegmentEvent event) {
    book.on(event);
  }

  /** The start of the 15-minute interval holding an instant (epoch nanos). */
  public long intervalStart(long epochNanos) {
    return book.intervalStart(epochNanos);
  }

  /** What every interval gained since the last drain, centre rows and queue rows; then forgets. */
  public List<IntervalRow> drain() {
    List<IntervalRow> rows = new ArrayList<>();
    List<String> queues = book.queueIds();
    for (Slot s : book.store.all()) {
      if (!s.centre.isEmpty()) {
        rows.add(s.centre.toRow(s.startNanos, Figures.CENTRE));
        s.centre.clear();
      }
      for (int q = 0; q < s.queueSlots() && q < queues.size(); q++) {
        Tally t = s.queueOrNull(q);
        if (t != null && !t.isEmpty()) {
          rows.add(t.toRow(s.startNanos, queues.get(q)));
          t.clear();
        }
      }
    }
    book.store.forgetEmptyBefore(book.centre.oldestLiveQueuedNanos());
    return rows;
  }

  /** How many intervals are held in memory (for tests of the forgetting). */
  public int intervalsHeld() {
    return book.intervalCount();
  }
}
