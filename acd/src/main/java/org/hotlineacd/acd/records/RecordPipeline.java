package org.hotlineacd.acd.records;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.IntervalDeltas;
import org.hotlineacd.acd.segment.SegmentEvent;

/**
 * Turns segment events into {@link RecordBatch}es: finished segment and call records (via the
 * call assembler), a case request for every handled call, and the interval deltas and category
 * counts of the same events. Pure and single-threaded: the writer thread owns it, tests and the
 * benchmark drive it directly.
 */
public final class RecordPipeline {
  private final CallAssembler assembler;
  private final IntervalDeltas deltas;
  private List<SegmentRecord> segments = new ArrayList<>();
  private List<CallRecord> calls = new ArrayList<>();
  private long lastSequence;

  /** A pipeline for the configured queues and zone. */
  public RecordPipeline(AcdConfig config) {
    this(FigureBook.thresholdsOf(config), config.settings().timeZone());
  }

  /** A pipeline for these queues' thresholds in this zone. */
  public RecordPipeline(Map<String, Thresholds> thresholds, ZoneId zone) {
    this.assembler = new CallAssembler(zone);
    this.deltas = new IntervalDeltas(thresholds, zone);
  }

  /** Takes the event numbered {@code sequence}. */
  public void on(SegmentEvent event, long sequence) {
    deltas.on(event);
    assembler.on(event, segments, calls);
    lastSequence = sequence;
  }

  /** Everything finished since the last call, as one batch. */
  public RecordBatch drain() {
    List<CaseRequest> cases = new ArrayList<>();
    Map<List<Object>, Long> categories = new LinkedHashMap<>();
    for (SegmentRecord s : segments) {
      if (s.category() != null) {
        categories.merge(List.of(deltas.intervalStart(s.queuedNanos()), s.queue(), s.category()), 1L, Long::sum);
      }
    }
    for (CallRecord c : calls) {
      if (c.handled()) {
        cases.add(CaseRequest.of(c));
      }
      if (c.category() != null) {
        categories.merge(List.of(deltas.intervalStart(c.firstQueuedNanos()), Figures.CENTRE, c.category()), 1L, Long::sum);
      }
    }
    List<RecordBatch.CategoryCount> counts = new ArrayList<>();
    categories.forEach((k, v) -> counts.add(
        new RecordBatch.CategoryCount((Long) k.get(0), (String) k.get(1), (String) k.get(2), v)));
    RecordBatch batch = new RecordBatch(segments, calls, cases, deltas.drain(), counts, lastSequence);
    segments = new ArrayList<>();
    calls = new ArrayList<>();
    return batch;
  }

  /** How many calls are still open (in the ACD). */
  public int openCalls() {
    return assembler.openCalls();
  }

  /** How many milestones were skipped because their segment was never seen queued. */
  public long orphans() {
    return assembler.orphans();
  }
}
