package org.hotlineacd.acd.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.CLOSE;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.CREATE_THEN_STALL;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.DOWN;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.ERROR_500;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.GARBAGE;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.OK;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.REFUSE;
import static org.hotlineacd.acd.cases.CaseReceiver.Behaviour.STALL;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.hotlineacd.acd.config.CaseSystemConfig;
import org.hotlineacd.acd.config.SecretRef;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.records.CallRecord;
import org.hotlineacd.acd.records.CaseOutbox;
import org.hotlineacd.acd.records.CaseRequest;
import org.hotlineacd.acd.records.CaseState;
import org.hotlineacd.acd.records.HistoryGenerator;
import org.hotlineacd.acd.records.OutboxEntry;
import org.hotlineacd.acd.records.RecordBatch;
import org.hotlineacd.acd.records.RecordPipeline;
import org.hotlineacd.acd.records.RecordStore;
import org.hotlineacd.acd.records.RecordWriter;
import org.hotlineacd.acd.records.TestDatabases;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Case handoff against a real HTTP case system on 127.0.0.1 that fails in every way it can: each
 * case arrives, once per idempotency key, correctly signed; on both databases. Time is a manual
 * clock: the worker is driven pass by pass, never by sleeping.
 */
class CaseDeliveryTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final long SECOND = HistoryGenerator.SECOND;
  private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("test-secret-0123456789abcdef".getBytes());
  private static final Map<String, Thresholds> QUEUES = Map.of("general", Thresholds.DEFAULT,
      "enterprise", Thresholds.DEFAULT, "policy", Thresholds.DEFAULT);

  @TempDir Path dir;
  private CaseReceiver receiver;
  private final AtomicLong now = new AtomicLong(LocalDate.of(2026, 3, 3).atStartOfDay(ZONE).toEpochSecond() * SECOND);

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new CaseReceiver(SECRET);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private CaseSystemConfig config(Duration deadAfter) {
    return new CaseSystemConfig(receiver.uri(), new SecretRef("UNUSED", null), Duration.ofMillis(300),
        Duration.ofSeconds(2), Duration.ofMinutes(10), deadAfter);
  }

  private CaseDelivery delivery(RecordStore store, CaseSystemConfig config) {
    return new CaseDelivery(store, config, SECRET, CaseDelivery.httpClient(config), now::get, new SplittableRandom(5));
  }

  /** Writes the records of a generated history, cases pending; returns the handled calls' webhook ids. */
  private Set<String> writeHistory(RecordStore store, long seed, int calls) throws Exception {
    List<SegmentEvent> events = HistoryGenerator.generate(seed, calls,
        LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toEpochSecond() * SECOND, Duration.ofHours(8).toNanos());
    RecordPipeline pipeline = new RecordPipeline(QUEUES, ZONE);
    long seq = 0;
    for (SegmentEvent e : events) {
      pipeline.on(e, ++seq);
    }
    RecordBatch batch = pipeline.drain();
    try (Connection c = store.connect()) {
      store.write(c, batch, true, now.get());
    }
    Set<String> ids = new HashSet<>();
    batch.cases().forEach(k -> ids.add(k.webhookId()));
    return ids;
  }

  /** Runs passes, advancing the clock past the longest backoff each time, until nothing is pending. */
  private int deliverAll(CaseDelivery d, RecordStore store) throws Exception {
    for (int round = 1; round <= 60; round++) {
      d.runDue();
      try (Connection c = store.connect()) {
        if (CaseOutbox.countByState(c).getOrDefault(CaseState.PENDING, 0L) == 0) {
          return round;
        }
      }
      now.addAndGet(Duration.ofMinutes(10).toNanos() + SECOND);
    }
    throw new AssertionError("cases still pending after 60 rounds");
  }

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void everyCaseArrivesOncePerKey_throughErrorsTimeoutsClosedConnectionsDuplicatesAndALongOutage(StorageConfig.Kind kind)
      throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    Set<String> expected = writeHistory(store, 11, 60);
    assertThat(expected).hasSizeGreaterThan(30);
    receiver.script(ERROR_500, ERROR_500, STALL, CLOSE, CREATE_THEN_STALL, CREATE_THEN_STALL, OK, ERROR_500, CLOSE);
    try (CaseDelivery d = delivery(store, config(Duration.ofDays(30)))) {
      d.runDue();
      // A long outage: the case system answers 503 for 12 hours of retries.
      receiver.otherwise(DOWN);
      for (int i = 0; i < 72; i++) {
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        d.runDue();
      }
      receiver.otherwise(OK);
      deliverAll(d, store);
    }
    assertThat(receiver.badSignatures()).isZero();
    assertThat(receiver.cases().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(receiver.requestsById().values()).anyMatch(n -> n > 1); // retries happened, with the same key
    try (Connection c = store.connect()) {
      List<OutboxEntry> all = CaseOutbox.list(c, null, 10_000);
      assertThat(all).hasSize(expected.size()).allMatch(e -> e.state() == CaseState.DELIVERED);
      for (OutboxEntry e : all) {
        assertThat(e.caseNumber()).isEqualTo(receiver.cases().get(e.webhookId()));
        CallRecord call = store.call(c, e.recordId()).orElseThrow();
        assertThat(call.caseNumber()).as("case number on the call record").isEqualTo(e.caseNumber());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void refusedAndGarbledReplies_areKeptAsFailed_listed_andDeliveredOnRetry(StorageConfig.Kind kind) throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    Set<String> expected = writeHistory(store, 12, 6);
    receiver.otherwise(REFUSE);
    receiver.script(GARBAGE);
    try (CaseDelivery d = delivery(store, config(Duration.ofDays(1)))) {
      d.runDue();
      try (Connection c = store.connect()) {
        List<OutboxEntry> failed = CaseOutbox.list(c, CaseState.FAILED, 100);
        assertThat(failed).hasSize(expected.size());
        assertThat(failed).anyMatch(e -> e.lastStatus() == 200 && e.lastError().contains("caseNumber"));
        assertThat(failed).anyMatch(e -> e.lastStatus() == 422);
        now.addAndGet(Duration.ofHours(1).toNanos());
        receiver.otherwise(OK);
        assertThat(d.runDue()).as("failed cases wait for an admin").isZero();
        assertThat(CaseOutbox.retry(c, failed.get(0).webhookId(), now.get())).isEqualTo(1);
        assertThat(d.runDue()).isEqualTo(1);
        assertThat(CaseOutbox.retry(c, null, now.get())).isEqualTo(expected.size() - 1);
      }
      deliverAll(d, store);
    }
    assertThat(receiver.cases().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void casesStillFailingAfterTheirAge_becomeDeadLetters_andARetrySendsThem(StorageConfig.Kind kind) throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    Set<String> expected = writeHistory(store, 13, 6);
    receiver.otherwise(DOWN);
    try (CaseDelivery d = delivery(store, config(Duration.ofHours(1)))) {
      for (int i = 0; i < 10; i++) {
        d.runDue();
        now.addAndGet(Duration.ofMinutes(10).toNanos() + SECOND);
      }
      try (Connection c = store.connect()) {
        assertThat(CaseOutbox.list(c, CaseState.DEAD, 100)).hasSize(expected.size())
            .allMatch(e -> e.lastStatus() == 503 && e.attempts() > 1);
        receiver.otherwise(OK);
        assertThat(CaseOutbox.retry(c, null, now.get())).isEqualTo(expected.size());
      }
      deliverAll(d, store);
    }
    assertThat(receiver.cases().keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void afterAKill_everyAcknowledgedCaseIsDeliveredOnRestart_andNoKeyIsSentForTwoCalls(StorageConfig.Kind kind)
      throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    List<SegmentEvent> events = HistoryGenerator.generate(14, 200,
        LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toEpochSecond() * SECOND, Duration.ofHours(8).toNanos());
    int half = events.size() / 2;
    RecordPipeline reference = new RecordPipeline(QUEUES, ZONE);
    for (int i = 0; i < half; i++) {
      reference.on(events.get(i), i + 1);
    }
    Set<String> acknowledged = new HashSet<>();
    reference.drain().cases().stream().map(CaseRequest::webhookId).forEach(acknowledged::add);

    RecordWriter writer = RecordWriter.start(store, new RecordPipeline(QUEUES, ZONE), true, false, 100_000, 64, now::get);
    events.subList(0, half).forEach(writer::on);
    assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
    events.subList(half, events.size()).forEach(writer::on);
    receiver.script(OK, OK, OK, CREATE_THEN_STALL);
    receiver.otherwise(DOWN);
    CaseDelivery first = delivery(store, config(Duration.ofDays(1)));
    first.runDue();
    // The kill: neither the writer nor the worker is flushed or closed cleanly.
    writer.abandon();
    first.close();

    RecordStore reopened = RecordStore.open(kind, store.url(), kind == StorageConfig.Kind.POSTGRESQL ? "postgres" : null, null);
    receiver.otherwise(OK);
    try (CaseDelivery second = delivery(reopened, config(Duration.ofDays(1)))) {
      now.addAndGet(Duration.ofMinutes(11).toNanos());
      deliverAll(second, reopened);
    }
    Map<String, String> cases = receiver.cases();
    assertThat(cases.keySet()).containsAll(acknowledged);
    assertThat(receiver.badSignatures()).isZero();
    try (Connection c = reopened.connect()) {
      List<OutboxEntry> all = CaseOutbox.list(c, null, 10_000);
      assertThat(all).allMatch(e -> e.state() == CaseState.DELIVERED);
      assertThat(new ArrayList<>(cases.keySet())).containsExactlyInAnyOrderElementsOf(
          all.stream().map(OutboxEntry::webhookId).toList());
      Set<String> calls = new HashSet<>();
      all.forEach(e -> assertThat(calls.add(e.recordId())).as("one key per call").isTrue());
    }
  }
}
