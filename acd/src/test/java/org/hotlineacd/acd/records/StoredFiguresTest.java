package org.hotlineacd.acd.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotlineacd.acd.records.HistoryGenerator.SECOND;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.IntervalRow;
import org.hotlineacd.acd.figures.Period;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Figures read back from the database equal the live figure book fed the same segments, and an
 * independent computation from the stored per-segment and per-call records; on both databases.
 */
class StoredFiguresTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Map<String, Thresholds> THRESHOLDS = new LinkedHashMap<>();

  static {
    THRESHOLDS.put("general", Thresholds.DEFAULT);
    THRESHOLDS.put("enterprise", new Thresholds(Duration.ofSeconds(20), Duration.ofSeconds(5),
        Duration.ofSeconds(600), ServiceLevelFormula.ANSWERED));
    THRESHOLDS.put("policy", new Thresholds(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(300),
        ServiceLevelFormula.ABANDONS_ON_TIME));
  }

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void storedIntervals_readBackAsTheFigureBook_andAsTheRecordsSay(StorageConfig.Kind kind) throws Exception {
    long start = LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toEpochSecond() * SECOND;
    long span = Duration.ofDays(3).toNanos();
    List<SegmentEvent> events = HistoryGenerator.generate(7, 3000, start, span);
    FigureBook live = new FigureBook(THRESHOLDS, ZONE);
    events.forEach(live::on);

    RecordStore store = TestDatabases.fresh(kind, dir);
    RecordPipeline pipeline = new RecordPipeline(THRESHOLDS, ZONE);
    try (Connection c = store.connect()) {
      long seq = 0;
      for (SegmentEvent e : events) {
        pipeline.on(e, ++seq);
        if (seq % 257 == 0) { // many small batches: deltas of one interval are added up in the database
          store.write(c, pipeline.drain(), false, 0);
        }
      }
      store.write(c, pipeline.drain(), false, 0);
      assertThat(pipeline.openCalls()).as("every call completed").isZero();

      FigureBook stored = new FigureBook(THRESHOLDS, ZONE);
      for (IntervalRow row : store.intervals(c, Long.MIN_VALUE, Long.MAX_VALUE)) {
        stored.add(row);
      }
      long end = start + span + Duration.ofHours(2).toNanos();
      List<long[]> ranges = List.of(new long[] {start, end}, new long[] {start + Duration.ofHours(30).toNanos(),
          start + Duration.ofHours(49).toNanos() + 15 * 60 * SECOND});
      for (long[] r : ranges) {
        assertThat(stored.centre(r[0], r[1])).isEqualTo(live.centre(r[0], r[1]));
        for (String q : THRESHOLDS.keySet()) {
          assertThat(stored.queue(q, r[0], r[1])).as(q).isEqualTo(live.queue(q, r[0], r[1]));
        }
      }
      assertThat(stored.centreByPeriod(Period.DAY, start, end)).isEqualTo(live.centreByPeriod(Period.DAY, start, end));

      // Independent: straight from the stored segment and call records.
      List<SegmentRecord> segments = store.segmentsQueued(c, start, end);
      for (String q : THRESHOLDS.keySet()) {
        assertThat(counts(stored.queue(q, start, end))).as("queue %s from records", q)
            .isEqualTo(expectedQueue(segments, q, THRESHOLDS.get(q)));
      }
      List<CallRecord> calls = new ArrayList<>();
      for (int d = 0; d < 4; d++) {
        calls.addAll(store.callsOfDay(c, LocalDate.of(2026, 3, 2).plusDays(d).toString()));
      }
      Map<String, List<SegmentRecord>> byCall = new TreeMap<>();
      segments.forEach(s -> byCall.computeIfAbsent(s.recordId(), k -> new ArrayList<>()).add(s));
      assertThat(counts(stored.centre(start, end))).as("centre from call records")
          .isEqualTo(expectedCentre(calls, byCall));

      PeriodReport report = PeriodReport.read(store, c, configFor(), start, end, null, Period.DAY);
      assertThat(report.headline()).isEqualTo(live.centre(start, end));
      Map<String, Long> categories = new TreeMap<>();
      calls.stream().filter(k -> k.category() != null).forEach(k -> categories.merge(k.category(), 1L, Long::sum));
      assertThat(report.topCategories()).hasSize(5);
      report.topCategories().forEach((k, v) -> assertThat(categories.get(k)).isEqualTo(v));
      assertThat(report.table()).contains("话务服务", "Asia/Shanghai", "T 20 s, S 5 s, L 600 s, formula answered");
      assertThat(report.csv()).startsWith("section,scope,from,to,figure,value\n").contains("headline,(centre)");
      assertThat(report.json()).contains("\"timeZone\" : \"Asia/Shanghai\"");
    }
  }

  static org.hotlineacd.acd.config.AcdConfig configFor() {
    List<org.hotlineacd.acd.config.QueueConfig> queues = new ArrayList<>();
    THRESHOLDS.forEach((id, th) -> queues.add(new org.hotlineacd.acd.config.QueueConfig(id, null, Map.of(),
        org.hotlineacd.acd.config.Strategy.LONGEST_IDLE, Duration.ofSeconds(20), Duration.ZERO, th, null, 0, null,
        List.of(), true, false, null)));
    return new org.hotlineacd.acd.config.AcdConfig(new org.hotlineacd.acd.config.EngineSettings(ZONE, 2), List.of(),
        List.of(), List.of(), queues, List.of(), Map.of());
  }

  /** The counts both computations must agree on. */
  static Map<String, Object> counts(Figures f) {
    Map<String, Object> m = new TreeMap<>();
    m.put("offered", f.offered());
    m.put("answered", f.answered());
    m.put("withinT", f.answeredWithinT());
    m.put("abandoned", f.abandoned());
    m.put("shortAbandons", f.shortAbandons());
    m.put("overflowed", f.overflowed());
    m.put("answeredWait", f.answeredWaitNanos());
    m.put("talks", f.talks());
    m.put("talk", f.talkNanos());
    m.put("hold", f.holdNanos());
    m.put("longCalls", f.longCalls());
    m.put("wrapUps", f.wrapUps());
    m.put("wrapUp", f.wrapUpNanos());
    m.put("out", f.transfersOut());
    m.put("in", f.transfersIn());
    return m;
  }

  private static Map<String, Object> expectedQueue(List<SegmentRecord> all, String queue, Thresholds th) {
    Map<String, Object> m = new TreeMap<>();
    List<SegmentRecord> segs = all.stream().filter(s -> s.queue().equals(queue)).toList();
    List<SegmentRecord> answered = segs.stream().filter(s -> s.outcome() == SegmentRecord.Outcome.ANSWERED).toList();
    List<SegmentRecord> abandoned = segs.stream().filter(s -> s.outcome() == SegmentRecord.Outcome.ABANDONED).toList();
    long s = th.shortAbandon().toNanos();
    m.put("offered", (long) segs.size());
    m.put("answered", (long) answered.size());
    m.put("withinT", answered.stream().filter(a -> a.waitNanos() <= th.answerTarget().toNanos()).count());
    m.put("abandoned", (long) abandoned.size());
    m.put("shortAbandons", s == 0 ? 0L : abandoned.stream().filter(a -> a.waitNanos() <= s).count());
    m.put("overflowed", segs.stream().filter(a -> a.outcome() == SegmentRecord.Outcome.OVERFLOWED).count());
    m.put("answeredWait", answered.stream().mapToLong(SegmentRecord::waitNanos).sum());
    m.put("talks", (long) answered.size());
    m.put("talk", answered.stream().mapToLong(SegmentRecord::talkNanos).sum());
    m.put("hold", answered.stream().mapToLong(SegmentRecord::holdNanos).sum());
    m.put("longCalls", answered.stream().filter(a -> a.talkNanos() > th.longCall().toNanos()).count());
    m.put("wrapUps", (long) answered.size());
    m.put("wrapUp", answered.stream().mapToLong(SegmentRecord::wrapUpNanos).sum());
    Map<String, Long> out = new TreeMap<>();
    answered.stream().filter(a -> a.transferLabel() != null).forEach(a -> out.merge(a.transferLabel(), 1L, Long::sum));
    Map<String, Long> in = new TreeMap<>();
    segs.stream().filter(a -> a.transferInLabel() != null).forEach(a -> in.merge(a.transferInLabel(), 1L, Long::sum));
    m.put("out", out);
    m.put("in", in);
    return m;
  }

  private static Map<String, Object> expectedCentre(List<CallRecord> calls, Map<String, List<SegmentRecord>> segs) {
    long offered = 0, answered = 0, withinT = 0, abandoned = 0, overflowed = 0, wait = 0, talks = 0, talk = 0;
    long hold = 0, longCalls = 0, wrapUps = 0, wrap = 0, shortAbandons = 0;
    Map<String, Long> out = new TreeMap<>();
    Map<String, Long> in = new TreeMap<>();
    for (CallRecord c : calls) {
      Thresholds th = THRESHOLDS.get(c.queuePath().get(0));
      offered++;
      if (c.transferInLabel() != null) {
        in.merge(c.transferInLabel(), 1L, Long::sum);
      }
      switch (c.outcome()) {
        case ANSWERED -> {
          answered++;
          wait += c.waitNanos();
          withinT += c.waitNanos() <= th.answerTarget().toNanos() ? 1 : 0;
          talks++;
          talk += c.talkNanos();
          hold += c.holdNanos();
          longCalls += c.talkNanos() > th.longCall().toNanos() ? 1 : 0;
          wrapUps++;
          wrap += c.wrapUpNanos();
        }
        case ABANDONED -> {
          abandoned++;
          long s = th.shortAbandon().toNanos();
          shortAbandons += s > 0 && c.waitNanos() <= s ? 1 : 0;
        }
        case OVERFLOWED -> overflowed++;
      }
      c.transfersOut().stream().filter(l -> !l.startsWith("queue:")).forEach(l -> out.merge(l, 1L, Long::sum));
      assertThat(segs.get(c.recordId())).as("segments of %s", c.recordId()).hasSize(c.queuePath().size());
    }
    Map<String, Object> m = new TreeMap<>();
    m.put("offered", offered);
    m.put("answered", answered);
    m.put("withinT", withinT);
    m.put("abandoned", abandoned);
    m.put("shortAbandons", shortAbandons);
    m.put("overflowed", overflowed);
    m.put("answeredWait", wait);
    m.put("talks", talks);
    m.put("talk", talk);
    m.put("hold", hold);
    m.put("longCalls", longCalls);
    m.put("wrapUps", wrapUps);
    m.put("wrapUp", wrap);
    m.put("out", out);
    m.put("in", in);
    return m;
  }
}
