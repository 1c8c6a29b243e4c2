package org.hotlineacd.acd.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The writer keeps the engine going when the database goes away, and catches up when it is back. */
class RecordWriterTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Map<String, Thresholds> QUEUES = Map.of("general", Thresholds.DEFAULT,
      "enterprise", Thresholds.DEFAULT, "policy", Thresholds.DEFAULT);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void databaseGone_engineNeverWaits_eventsWaitInTheBoundedBuffer_andAreWrittenWhenItIsBack(StorageConfig.Kind kind)
      throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    List<SegmentEvent> events = HistoryGenerator.generate(21, 300,
        LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toEpochSecond() * HistoryGenerator.SECOND, Duration.ofHours(4).toNanos());
    int capacity = events.size() - 50;
    // The database "goes away": every write fails until the table is back.
    TestDatabases.execute(store, "ALTER TABLE interval_tally RENAME TO interval_tally_away");
    RecordWriter writer = RecordWriter.start(store, new RecordPipeline(QUEUES, ZONE), false, false, capacity, 1000, () -> 0L);
    try {
      long before = System.nanoTime();
      events.forEach(writer::on);
      long engineNanos = System.nanoTime() - before;
      assertThat(engineNanos).as("the engine thread never waited for the database").isLessThan(Duration.ofSeconds(2).toNanos());
      assertThat(writer.flush(Duration.ofMillis(300))).isFalse();
      RecordHealth down = writer.health();
      assertThat(down.storageUp()).isFalse();
      assertThat(down.lastError()).isNotBlank();
      assertThat(down.healthy()).isFalse();
      assertThat(down.durable()).isZero();
      assertThat(down.accepted() + down.dropped()).isEqualTo(events.size());

      TestDatabases.execute(store, "ALTER TABLE interval_tally_away RENAME TO interval_tally");
      assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
      RecordHealth up = writer.health();
      assertThat(up.storageUp()).isTrue();
      assertThat(up.durable()).isEqualTo(up.accepted());
      try (Connection c = store.connect()) {
        assertThat(store.counts(c)[1]).isPositive();
      }
    } finally {
      writer.close();
    }
  }

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void acknowledgedMeansCommitted_andCloseWritesTheRest(StorageConfig.Kind kind) throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    List<SegmentEvent> events = HistoryGenerator.generate(22, 100,
        LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toEpochSecond() * HistoryGenerator.SECOND, Duration.ofHours(2).toNanos());
    RecordPipeline reference = new RecordPipeline(QUEUES, ZONE);
    long seq = 0;
    for (SegmentEvent e : events) {
      reference.on(e, ++seq);
    }
    RecordBatch all = reference.drain();
    RecordWriter writer = RecordWriter.start(store, new RecordPipeline(QUEUES, ZONE), false, false, 10_000, 16, () -> 0L);
    events.forEach(writer::on);
    assertThat(writer.close(Duration.ofSeconds(30))).isTrue();
    assertThat(writer.health().durable()).isEqualTo(events.size());
    try (Connection c = store.connect()) {
      assertThat(store.counts(c)).containsExactly(all.calls().size(), all.segments().size());
      assertThat(CaseOutbox.list(c, CaseState.LOCAL, 10_000)).hasSize(all.cases().size());
      CallRecord first = all.calls().get(0);
      CallRecord stored = store.call(c, first.recordId()).orElseThrow();
      assertThat(stored).isEqualTo(first);
    }
  }
}
