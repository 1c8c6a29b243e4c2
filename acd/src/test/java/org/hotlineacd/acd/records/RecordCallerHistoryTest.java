package org.hotlineacd.acd.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.cti.port.CallerHistory.PastCall;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The screen pop's previous calls come from the call records, on both databases. */
class RecordCallerHistoryTest {
  private static final Instant NOW = Instant.parse("2026-03-31T08:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void callsFromTheNumberSinceTheGivenTime_newestFirst_withAgentQueueAndWrapUp(StorageConfig.Kind kind) throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    insert(store, "r1", "13800000001", NOW.minus(Duration.ofDays(40)), "general", "", 0, null);     // too old
    insert(store, "r2", "13800000001", NOW.minus(Duration.ofDays(20)), "general>policy", "a1,a7", 95, "resolved-online");
    insert(store, "r3", "13800000002", NOW.minus(Duration.ofDays(2)), "general", "a2", 30, "resolved-online"); // other caller
    insert(store, "r4", "13800000001", NOW.minus(Duration.ofHours(3)), "general", "", 0, null);       // abandoned

    List<PastCall> calls = new RecordCallerHistory(store).callsFrom("13800000001", NOW.minus(Duration.ofDays(30)));

    assertThat(calls).extracting(PastCall::startedAt)
        .containsExactly(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofDays(20)));
    PastCall abandoned = calls.get(0);
    assertThat(abandoned.agent()).isNull();
    assertThat(abandoned.talk()).isZero();
    assertThat(abandoned.disposition()).isNull();
    PastCall answered = calls.get(1);
    assertThat(answered.line()).isEqualTo("12345");
    assertThat(answered.queue()).as("the queue the call ended in").isEqualTo("policy");
    assertThat(answered.agent()).as("the last agent").isEqualTo("a7");
    assertThat(answered.talk()).isEqualTo(Duration.ofSeconds(95));
    assertThat(answered.disposition()).isEqualTo("resolved-online");
    assertThat(answered.category()).isEqualTo("housing");
    assertThat(answered.summary()).isEqualTo("summary of r2");
    assertThat(new RecordCallerHistory(store).callsFrom("", NOW.minus(Duration.ofDays(30)))).isEmpty();
    assertThat(new RecordCallerHistory(store).callsFrom("19999999999", NOW.minus(Duration.ofDays(30)))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(StorageConfig.Kind.class)
  void aFrequentCaller_getsTheNewestCallsOnly(StorageConfig.Kind kind) throws Exception {
    RecordStore store = TestDatabases.fresh(kind, dir);
    for (int i = 0; i < RecordCallerHistory.MAX_CALLS + 5; i++) {
      insert(store, "f" + i, "110", NOW.minus(Duration.ofMinutes(100 - i)), "general", "", 0, null);
    }
    List<PastCall> calls = new RecordCallerHistory(store).callsFrom("110", NOW.minus(Duration.ofDays(30)));
    assertThat(calls).hasSize(RecordCallerHistory.MAX_CALLS);
    assertThat(calls.get(0).startedAt()).isEqualTo(NOW.minus(Duration.ofMinutes(100 - RecordCallerHistory.MAX_CALLS - 4)));
  }

  private static void insert(RecordStore store, String id, String number, Instant queued, String path, String agents,
      long talkSeconds, String disposition) throws Exception {
    long q = queued.getEpochSecond() * 1_000_000_000L;
    TestDatabases.execute(store, "INSERT INTO call_record (record_id, call_id, caller_number, line_id, first_queued_nanos,"
        + " local_day, ended_nanos, queue_path, agents, outcome, wait_nanos, talk_nanos, hold_nanos, wrap_up_nanos,"
        + " transfers_out, end_side, end_cause, disposition, category, summary, wrap_up_timed_out) VALUES ('"
        + id + "', 'c-" + id + "', '" + number + "', '12345', " + q + ", '2026-03-01', " + (q + 1) + ", '" + path + "', '"
        + agents + "', '" + (agents.isEmpty() ? "abandoned" : "answered") + "', 0, " + talkSeconds * 1_000_000_000L
        + ", 0, 0, '', 'caller', 'normal', " + (disposition == null ? "NULL, NULL, NULL" : "'" + disposition
        + "', 'housing', 'summary of " + id + "'") + ", 0)");
  }
}
