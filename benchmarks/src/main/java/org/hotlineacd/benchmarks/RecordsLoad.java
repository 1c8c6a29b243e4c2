package org.hotlineacd.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.EngineSettings;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.figures.IntervalDeltas;
import org.hotlineacd.acd.figures.Period;
import org.hotlineacd.acd.records.PeriodReport;
import org.hotlineacd.acd.records.RecordBatch;
import org.hotlineacd.acd.records.RecordPipeline;
import org.hotlineacd.acd.records.RecordStore;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;

/**
 * The storage load tool (a main, not JMH: it measures sustained database throughput, which JMH's
 * short iterations do not show well). Two measurements, each on SQLite (file) and PostgreSQL
 * (an embedded server started here):
 *
 * <ol>
 *   <li>write: generated calls through the records pipeline (segment and call records, case
 *       outbox, interval deltas), batches of 1,000 events per transaction as the writer does, in
 *       calls per second; the baseline is the pipeline alone, without the database;
 *   <li>report: a year of generated calls (default 8.6 million, the seed's volume) fed through the
 *       interval deltas into the database, then the time of a whole-year report with a monthly
 *       breakdown, as {@code bin/acd report} reads it.
 * </ol>
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.hotlineacd.benchmarks.RecordsLoad
 * [writeCalls] [yearCalls]}; results go to docs/benchmarks.md.
 */
public final class RecordsLoad {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long SECOND = 1_000_000_000L;
  private static final List<String> QUEUES = List.of("general", "enterprise", "talent", "policy", "car-moving", "police-link");
  private static final List<String> CATEGORIES = List.of("traffic", "housing", "tax", "noise", "water", "permits", "other");

  private RecordsLoad() {}

  /** Runs both measurements on both databases. */
  public static void main(String[] args) throws Exception {
    int writeCalls = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int yearCalls = args.length > 1 ? Integer.parseInt(args[1]) : 8_600_000;
    AcdConfig config = config();
    Path dir = Files.createTempDirectory("acd-records-load");
    long start = LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toEpochSecond() * SECOND;

    List<SegmentEvent> events = new ArrayList<>();
    generate(writeCalls, start, Duration.ofDays(5).toNanos(), 1, events::add);
    long t0 = System.nanoTime();
    RecordPipeline baseline = new RecordPipeline(config);
    long seq = 0;
    for (SegmentEvent e : events) {
      baseline.on(e, ++seq);
      if (seq % 1000 == 0) {
        baseline.drain();
      }
    }
    baseline.drain();
    double baseSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "baseline (pipeline, no database): %,d calls in %.2f s = %,.0f calls/s%n",
        writeCalls, baseSeconds, writeCalls / baseSeconds);

    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE write_load");
        s.execute("CREATE DATABASE year_load");
      }
      RecordStore sqliteWrite = RecordStore.open(StorageConfig.Kind.SQLITE, "jdbc:sqlite:" + dir.resolve("write.db"), null, null);
      RecordStore pgWrite = RecordStore.open(StorageConfig.Kind.POSTGRESQL, pg.getJdbcUrl("postgres", "write_load"), "postgres", null);
      write("SQLite", sqliteWrite, config, events, writeCalls);
      write("PostgreSQL", pgWrite, config, events, writeCalls);
      events.clear();

      RecordStore sqliteYear = RecordStore.open(StorageConfig.Kind.SQLITE, "jdbc:sqlite:" + dir.resolve("year.db"), null, null);
      RecordStore pgYear = RecordStore.open(StorageConfig.Kind.POSTGRESQL, pg.getJdbcUrl("postgres", "year_load"), "postgres", null);
      year(List.of(sqliteYear, pgYear), List.of("SQLite", "PostgreSQL"), config, yearCalls);
    }
  }

  private static void write(String name, RecordStore store, AcdConfig config, List<SegmentEvent> events, int calls)
      throws Exception {
    RecordPipeline pipeline = new RecordPipeline(config);
    long cases = 0;
    long t0 = System.nanoTime();
    try (Connection c = store.connect()) {
      long seq = 0;
      for (SegmentEvent e : events) {
        pipeline.on(e, ++seq);
        if (seq % 1000 == 0) {
          RecordBatch b = pipeline.drain();
          cases += b.cases().size();
          store.write(c, b, true, 0);
        }
      }
      RecordBatch b = pipeline.drain();
      cases += b.cases().size();
      store.write(c, b, true, 0);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "write %s: %,d calls (%,d events, %,d cases) in %.2f s = %,.0f calls/s%n",
        name, calls, events.size(), cases, seconds, calls / seconds);
  }

  private static void year(List<RecordStore> stores, List<String> names, AcdConfig config, int calls) throws Exception {
    long start = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toEpochSecond() * SECOND;
    long end = LocalDate.of(2026, 1, 1).atStartOfDay(ZONE).toEpochSecond() * SECOND;
    Map<String, Thresholds> thresholds = new LinkedHashMap<>();
    config.queues().forEach(q -> thresholds.put(q.id(), q.thresholds()));
    IntervalDeltas deltas = new IntervalDeltas(thresholds, ZONE);
    long t0 = System.nanoTime();
    // Calls in time order, day by day, so deltas are drained as the writer would drain them.
    int perDay = calls / 365;
    List<Connection> connections = new ArrayList<>();
    for (RecordStore s : stores) {
      connections.add(s.connect());
    }
    for (int day = 0; day < 365; day++) {
      List<SegmentEvent> dayEvents = new ArrayList<>();
      int n = day == 364 ? calls - perDay * 364 : perDay;
      generate(n, start + day * 86_400 * SECOND, 86_400 * SECOND - 3_600 * SECOND, 1000 + day, dayEvents::add);
      dayEvents.sort((a, b) -> Long.compare(timeOf(a), timeOf(b)));
      dayEvents.forEach(deltas::on);
      RecordBatch batch = new RecordBatch(List.of(), List.of(), List.of(), deltas.drain(), List.of(), 0);
      for (int i = 0; i < stores.size(); i++) {
        stores.get(i).write(connections.get(i), batch, false, 0);
      }
    }
    for (Connection c : connections) {
      c.close();
    }
    System.out.printf(Locale.ROOT, "year: %,d calls generated and aggregated into both databases in %.1f s%n",
        calls, (System.nanoTime() - t0) / 1e9);
    for (int i = 0; i < stores.size(); i++) {
      for (int run = 1; run <= 3; run++) {
        long r0 = System.nanoTime();
        PeriodReport report;
        try (Connection c = stores.get(i).connect()) {
          report = PeriodReport.read(stores.get(i), c, config, start, end, null, Period.MONTH);
        }
        String text = report.table();
        double seconds = (System.nanoTime() - r0) / 1e9;
        System.out.printf(Locale.ROOT, "report %s, run %d: a year (%,d calls offered, %,d answered) in %.2f s (%d chars)%n",
            names.get(i), run, report.headline().offered(), report.headline().answered(), seconds, text.length());
      }
    }
  }

  private static long timeOf(SegmentEvent e) {
    return switch (e) {
      case SegmentQueued q -> q.key().queuedNanos();
      case SegmentAnswered a -> a.answeredNanos();
      case SegmentAbandoned a -> a.endedNanos();
      case SegmentTalkEnded t -> t.endedNanos();
      case SegmentWrapUpEnded w -> w.endedNanos();
      default -> e.key().queuedNanos();
    };
  }

  /** Calls with one segment each: 97 % answered (talk ~190 s, 4 % over 10 min), 3 % abandoned. */
  private static void generate(int calls, long start, long span, long seed, SegmentListener out) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < calls; i++) {
      long q = start + (long) (rnd.nextDouble() * span);
      String queue = QUEUES.get(Math.min(rnd.nextInt(8), QUEUES.size() - 1));
      SegmentKey key = new SegmentKey(CallId.of("b" + seed + "-" + i), 0, queue, "12345", q);
      out.on(new SegmentQueued(key, 0, "138" + (10_000_000 + rnd.nextInt(80_000_000)), rnd.nextInt(20) == 0 ? "110" : null));
      long wait = (long) (-Math.log(1 - rnd.nextDouble()) * 14.5 * SECOND);
      if (rnd.nextInt(100) < 3) {
        out.on(new SegmentAbandoned(key, q + wait, false, 0));
        continue;
      }
      AgentId agent = AgentId.of("a" + rnd.nextInt(400));
      long talk = rnd.nextInt(100) < 4 ? (600 + rnd.nextInt(600)) * SECOND : (long) (-Math.log(1 - rnd.nextDouble()) * 170 * SECOND);
      out.on(new SegmentAnswered(key, agent, q + wait, 1));
      String transfer = rnd.nextInt(50) == 0 ? "out-of-province" : null;
      out.on(new SegmentTalkEnded(key, agent, q + wait + talk, talk, 0, CallEndSide.CALLER, transfer));
      long wrap = (long) (rnd.nextDouble() * 40 * SECOND);
      out.on(new SegmentWrapUpEnded(key, agent, q + wait + talk + wrap, wrap, false, "resolved",
          CATEGORIES.get(rnd.nextInt(CATEGORIES.size())), "summary"));
    }
  }

  private static AcdConfig config() {
    List<QueueConfig> queues = new ArrayList<>();
    for (String id : QUEUES) {
      queues.add(new QueueConfig(id, null, Map.of(), Strategy.LONGEST_IDLE, Duration.ofSeconds(20), Duration.ZERO,
          Thresholds.DEFAULT, null, 0, null, List.of(), true, false, null));
    }
    return new AcdConfig(new EngineSettings(ZONE, 2), List.of(), List.of(), List.of(), queues, List.of(), Map.of());
  }
}
