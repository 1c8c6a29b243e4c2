package org.hotlineacd.acd.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.figures.IntervalRow;

/**
 * The records database: call records, segment records, interval figures and the case outbox,
 * over plain JDBC, on SQLite (embedded default, WAL mode) or PostgreSQL. The schema is created and
 * upgraded by Flyway from {@code db/records/V*.sql} when the store opens.
 *
 * <p>Threading: the store itself only holds connection settings; every user (the writer thread,
 * the delivery worker, a command) opens its own {@link Connection} with {@link #connect()} and
 * uses it from one thread. SQLite allows one writer at a time; connections wait up to 10 s for
 * the lock (busy timeout) rather than fail.
 *
 * <p>Durability: a batch is one transaction; SQLite runs with {@code synchronous=FULL}, so a
 * committed batch survives a power loss, not only a process kill.
 */
public final class RecordStore {
  static final String CENTRE_SCOPE = org.hotlineacd.acd.figures.Figures.CENTRE;
  private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  private final StorageConfig.Kind kind;
  private final String url;
  private final String user;
  private final String password;

  private RecordStore(StorageConfig.Kind kind, String url, String user, String password) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Opens the store of a configuration (reading its password, if any) and migrates its schema.
   * An SQLite file's directory is created when missing.
   *
   * @throws SQLException when the database cannot be reached or migrated
   */
  public static RecordStore open(StorageConfig config) throws SQLException {
    String password = config.password() == null ? null : config.password().read();
    if (config.kind() == StorageConfig.Kind.SQLITE) {
      Path parent = config.path().toAbsolutePath().getParent();
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new SQLException("cannot create the directory " + parent + " for the records database: " + e, e);
      }
    }
    return open(config.kind(), config.jdbcUrl(), config.user(), password);
  }

  /** Opens a store by JDBC URL (tests and benchmarks) and migrates it. */
  public static RecordStore open(StorageConfig.Kind kind, String url, String user, String password) throws SQLException {
    RecordStore store = new RecordStore(kind, url, user, password);
    store.migrate();
    return store;
  }

  /** The JDBC URL (it holds no password: that is passed separately). */
  public String url() {
    return url;
  }

  /** Which database this is. */
  public StorageConfig.Kind kind() {
    return kind;
  }

  private void migrate() throws SQLException {
    if (kind == StorageConfig.Kind.SQLITE) {
      try (Connection c = connect(); Statement s = c.createStatement()) {
        // WAL is a property of the file: set once, it stays. Readers then never block the writer.
        s.execute("PRAGMA journal_mode=WAL");
      }
    }
    try {
      Flyway.configure(RecordStore.class.getClassLoader())
          .dataSource(url, user, password)
          .locations("classpath:db/records")
          .table("records_schema_history")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new SQLException("cannot migrate the records schema at " + url + ": " + e.getMessage(), e);
    }
  }

  /** Opens a new connection (auto-commit off) with the store's settings. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (kind == StorageConfig.Kind.SQLITE) {
      props.setProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
      props.setProperty("synchronous", "FULL");
      props.setProperty("journal_mode", "WAL");
    }
    Connection c = DriverManager.getConnection(url, props);
    c.setAutoCommit(false);
    return c;
  }

  // ---- writing ----

  private static final String INSERT_SEGMENT = "INSERT INTO call_segment (record_id, seg_index, call_id, queue_id,"
      + " line_id, caller_number, priority, transfer_in_label, queued_nanos, outcome, agent_id,"
      + " offers, left_queue_nanos, wait_nanos, abandoned_ringing, overflow_cause, overflow_kind, overflow_target,"
      + " talk_ended_nanos, talk_nanos, hold_nanos, end_side, transfer_label, wrap_up_ended_nanos, wrap_up_nanos,"
      + " wrap_up_timed_out, disposition, category, summary)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
      + " ON CONFLICT (record_id, seg_index) DO NOTHING";

  private static final String INSERT_CALL = "INSERT INTO call_record (record_id, call_id, caller_number, line_id,"
      + " first_queued_nanos, local_day, ended_nanos, queue_path, agents, outcome, wait_nanos, talk_nanos,"
      + " hold_nanos, wrap_up_nanos, transfers_out, transfer_in_label, end_side, end_cause, recording_file,"
      + " disposition, category, summary, wrap_up_timed_out, case_number)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (record_id) DO NOTHING";

  private static final String INSERT_CASE = "INSERT INTO case_outbox (webhook_id, record_id, call_id, payload, state,"
      + " created_nanos, attempts, next_attempt_nanos) VALUES (?,?,?,?,?,?,0,?) ON CONFLICT (webhook_id) DO NOTHING";

  private static final List<String> TALLY_COLUMNS = List.of("offered", "answered", "answered_within_t", "abandoned",
      "short_abandons", "abandoned_within_t", "overflowed", "answered_wait_nanos", "queue_time_nanos", "talks",
      "talk_nanos", "long_calls", "hold_nanos", "wrap_ups", "wrap_up_nanos");

  private static final String UPSERT_TALLY = "INSERT INTO interval_tally (interval_start, scope, "
      + String.join(", ", TALLY_COLUMNS) + ") VALUES (?,?" + ",?".repeat(TALLY_COLUMNS.size()) + ")"
      + " ON CONFLICT (interval_start, scope) DO UPDATE SET "
      + String.join(", ", TALLY_COLUMNS.stream().map(c -> c + " = interval_tally." + c + " + excluded." + c).toList());

  private static final String UPSERT_LABEL = "INSERT INTO interval_label (interval_start, scope, kind, label, count)"
      + " VALUES (?,?,?,?,?) ON CONFLICT (interval_start, scope, kind, label)"
      + " DO UPDATE SET count = interval_label.count + excluded.count";

  /** Label kinds in {@code interval_label}. */
  static final String OUT = "out";
  static final String IN = "in";
  static final String OVERFLOW = "overflow";
  static final String CATEGORY = "category";

  /**
   * Writes a batch in one transaction on {@code c} and commits: when this returns, the batch is
   * on disk. Cases go to the outbox as {@code pending} when a case system is configured, else as
   * {@code local}. On failure the transaction is rolled back and the exception thrown.
   */
  public void write(Connection c, RecordBatch batch, boolean deliver, long nowNanos) throws SQLException {
    try {
      writeSegments(c, batch.segments());
      writeCalls(c, batch.calls());
      writeCases(c, batch.cases(), deliver ? CaseState.PENDING : CaseState.LOCAL, nowNanos);
      writeIntervals(c, batch.intervals());
      writeCategories(c, batch.categories());
      c.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  private static void writeSegments(Connection c, List<SegmentRecord> segments) throws SQLException {
    if (segments.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_SEGMENT)) {
      for (SegmentRecord s : segments) {
        int i = 0;
        ps.setString(++i, s.recordId());
        ps.setInt(++i, s.index());
        ps.setString(++i, s.callId());
        ps.setString(++i, s.queue());
        ps.setString(++i, s.line());
        ps.setString(++i, s.callerNumber());
        ps.setInt(++i, s.priority());
        ps.setString(++i, s.transferInLabel());
        ps.setLong(++i, s.queuedNanos());
        ps.setString(++i, s.outcome().dbName());
        ps.setString(++i, s.agent());
        ps.setInt(++i, s.offers());
        ps.setLong(++i, s.leftQueueNanos());
        ps.setLong(++i, s.waitNanos());
        ps.setInt(++i, s.abandonedWhileRinging() ? 1 : 0);
        ps.setString(++i, s.overflowCause());
        ps.setString(++i, s.overflowKind());
        ps.setString(++i, s.overflowTarget());
        setLong(ps, ++i, s.talkEndedNanos());
        ps.setLong(++i, s.talkNanos());
        ps.setLong(++i, s.holdNanos());
        ps.setString(++i, s.endSide());
        ps.setString(++i, s.transferLabel());
        setLong(ps, ++i, s.wrapUpEndedNanos());
        ps.setLong(++i, s.wrapUpNanos());
        ps.setInt(++i, s.wrapUpTimedOut() ? 1 : 0);
        ps.setString(++i, s.disposition());
        ps.setString(++i, s.category());
        ps.setString(++i, s.summary());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeCalls(Connection c, List<CallRecord> calls) throws SQLException {
    if (calls.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_CALL)) {
      for (CallRecord r : calls) {
        int i = 0;
        ps.setString(++i, r.recordId());
        ps.setString(++i, r.callId());
        ps.setString(++i, r.callerNumber());
        ps.setString(++i, r.line());
        ps.setLong(++i, r.firstQueuedNanos());
        ps.setString(++i, r.localDay());
        ps.setLong(++i, r.endedNanos());
        ps.setString(++i, String.join(">", r.queuePath()));
        ps.setString(++i, String.join(",", r.agents()));
        ps.setString(++i, r.outcome().dbName());
        ps.setLong(++i, r.waitNanos());
        ps.setLong(++i, r.talkNanos());
        ps.setLong(++i, r.holdNanos());
        ps.setLong(++i, r.wrapUpNanos());
        ps.setString(++i, String.join(",", r.transfersOut()));
        ps.setString(++i, r.transferInLabel());
        ps.setString(++i, r.endSide());
        ps.setString(++i, r.endCause());
        ps.setString(++i, r.recordingFile());
        ps.setString(++i, r.disposition());
        ps.setString(++i, r.category());
        ps.setString(++i, r.summary());
        ps.setInt(++i, r.wrapUpTimedOut() ? 1 : 0);
        ps.setString(++i, r.caseNumber());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeCases(Connection c, List<CaseRequest> cases, CaseState state, long nowNanos)
      throws SQLException {
    if (cases.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_CASE)) {
      for (CaseRequest r : cases) {
        ps.setString(1, r.webhookId());
        ps.setString(2, r.recordId());
        ps.setString(3, r.callId());
        ps.setString(4, r.payload());
        ps.setString(5, state.dbName());
        ps.setLong(6, nowNanos);
        ps.setLong(7, nowNanos);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeIntervals(Connection c, List<IntervalRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_TALLY);
        PreparedStatement labels = c.prepareStatement(UPSERT_LABEL)) {
      boolean anyLabel = false;
      for (IntervalRow r : rows) {
        long[] v = {r.offered(), r.answered(), r.answeredWithinT(), r.abandoned(), r.shortAbandons(),
            r.abandonedWithinT(), r.overflowed(), r.answeredWaitNanos(), r.queueTimeNanos(), r.talks(),
            r.talkNanos(), r.longCalls(), r.holdNanos(), r.wrapUps(), r.wrapUpNanos()};
        ps.setLong(1, r.intervalStartNanos());
        ps.setString(2, r.scope());
        for (int i = 0; i < v.length; i++) {
          ps.setLong(3 + i, v[i]);
        }
        ps.addBatch();
        anyLabel |= addLabels(labels, r, OUT, r.transfersOut());
        anyLabel |= addLabels(labels, r, IN, r.transfersIn());
        anyLabel |= addLabels(labels, r, OVERFLOW, r.overflowedByCause());
      }
      ps.executeBatch();
      if (anyLabel) {
        labels.executeBatch();
      }
    }
  }

  private static boolean addLabels(PreparedStatement ps, IntervalRow r, String kind, Map<String, Long> counts)
      throws SQLException {
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      ps.setLong(1, r.intervalStartNanos());
      ps.setString(2, r.scope());
      ps.setString(3, kind);
      ps.setString(4, e.getKey());
      ps.setLong(5, e.getValue());
      ps.addBatch();
    }
    return !counts.isEmpty();
  }

  private static void writeCategories(Connection c, List<RecordBatch.CategoryCount> counts) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_LABEL)) {
      for (RecordBatch.CategoryCount k : counts) {
        ps.setLong(1, k.intervalStartNanos());
        ps.setString(2, k.scope());
        ps.setString(3, CATEGORY);
        ps.setString(4, k.category());
        ps.setLong(5, k.count());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  // ---- reading figures ----

  /** The stored interval rows (every scope) whose start lies in [fromNanos, toNanos), labels included. */
  public List<IntervalRow> intervals(Connection c, long fromNanos, long toNanos) throws SQLException {
    Map<List<Object>, Map<String, Map<String, Long>>> labels = new java.util.HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT interval_start, scope, kind, label, count"
        + " FROM interval_label WHERE interval_start >= ? AND interval_start < ? AND kind <> ?")) {
      ps.setLong(1, fromNanos);
      ps.setLong(2, toNanos);
      ps.setString(3, CATEGORY);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          labels.computeIfAbsent(List.of(rs.getLong(1), rs.getString(2)), k -> new java.util.HashMap<>())
              .computeIfAbsent(rs.getString(3), k -> new TreeMap<>()).merge(rs.getString(4), rs.getLong(5), Long::sum);
        }
      }
    }
    List<IntervalRow> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT interval_start, scope, " + String.join(", ", TALLY_COLUMNS)
        + " FROM interval_tally WHERE interval_start >= ? AND interval_start < ? ORDER BY interval_start, scope")) {
      ps.setLong(1, fromNanos);
      ps.setLong(2, toNanos);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long start = rs.getLong(1);
          String scope = rs.getString(2);
          long[] v = new long[TALLY_COLUMNS.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(3 + i);
          }
          Map<String, Map<String, Long>> l = labels.getOrDefault(List.of(start, scope), Map.of());
          rows.add(new IntervalRow(start, scope, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
              v[11], v[12], v[13], v[14], l.get(OVERFLOW), l.get(OUT), l.get(IN)));
        }
      }
    }
    c.commit();
    return rows;
  }

  /** Wrap-up category counts per scope for intervals starting in [fromNanos, toNanos). */
  public Map<String, Map<String, Long>> categories(Connection c, long fromNanos, long toNanos) throws SQLException {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT scope, label, SUM(count) FROM interval_label"
        + " WHERE interval_start >= ? AND interval_start < ? AND kind = ? GROUP BY scope, label")) {
      ps.setLong(1, fromNanos);
      ps.setLong(2, toNanos);
      ps.setString(3, CATEGORY);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        }
      }
    }
    c.commit();
    return out;
  }

  /** Every scope that has stored figures (queue ids and the centre). */
  public Set<String> scopes(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT scope FROM interval_tally ORDER BY scope");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    c.commit();
    return out;
  }

  // ---- reading records ----

  /** The call records of one local day (ISO date), in queue-entry order, without their segments. */
  public List<CallRecord> callsOfDay(Connection c, String localDay) throws SQLException {
    return calls(c, "WHERE local_day = ? ORDER BY first_queued_nanos, record_id", localDay);
  }

  /** One call record with its segments, if stored. */
  public java.util.Optional<CallRecord> call(Connection c, String recordId) throws SQLException {
    List<CallRecord> found = calls(c, "WHERE record_id = ?", recordId);
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    CallRecord r = found.get(0);
    List<SegmentRecord> segs = segments(c, recordId);
    return java.util.Optional.of(new CallRecord(r.recordId(), r.callId(), r.callerNumber(), r.line(),
        r.firstQueuedNanos(), r.localDay(), r.endedNanos(), r.queuePath(), r.agents(), r.outcome(), r.waitNanos(),
        r.talkNanos(), r.holdNanos(), r.wrapUpNanos(), r.transfersOut(), r.transferInLabel(), r.endSide(),
        r.endCause(), r.recordingFile(), r.disposition(), r.category(), r.summary(), r.wrapUpTimedOut(),
        r.caseNumber(), segs));
  }

  /** How many call records and segment records are stored. */
  public long[] counts(Connection c) throws SQLException {
    long[] out = new long[2];
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM call_record")) {
        rs.next();
        out[0] = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM call_segment")) {
        rs.next();
        out[1] = rs.getLong(1);
      }
    }
    c.commit();
    return out;
  }

  private static List<CallRecord> calls(Connection c, String where, String arg) throws SQLException {
    List<CallRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT record_id, call_id, caller_number, line_id,"
        + " first_queued_nanos, local_day, ended_nanos, queue_path, agents, outcome, wait_nanos, talk_nanos,"
        + " hold_nanos, wrap_up_nanos, transfers_out, transfer_in_label, end_side, end_cause, recording_file,"
        + " disposition, category, summary, wrap_up_timed_out, case_number FROM call_record " + where)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CallRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
              rs.getString(6), rs.getLong(7), split(rs.getString(8), ">"), split(rs.getString(9), ","),
              SegmentRecord.Outcome.ofDb(rs.getString(10)), rs.getLong(11), rs.getLong(12), rs.getLong(13),
              rs.getLong(14), split(rs.getString(15), ","), rs.getString(16), rs.getString(17), rs.getString(18),
              rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getInt(23) != 0,
              rs.getString(24), List.of()));
        }
      }
    }
    c.commit();
    return out;
  }

  /** The segments of a call record, in order. */
  public List<SegmentRecord> segments(Connection c, String recordId) throws SQLException {
    return segmentsWhere(c, "WHERE record_id = ? ORDER BY seg_index", ps -> ps.setString(1, recordId));
  }

  /** Every segment queued in [fromNanos, toNanos), in queue-entry order (tests check figures against them). */
  public List<SegmentRecord> segmentsQueued(Connection c, long fromNanos, long toNanos) throws SQLException {
    return segmentsWhere(c, "WHERE queued_nanos >= ? AND queued_nanos < ? ORDER BY queued_nanos, record_id, seg_index",
        ps -> {
          ps.setLong(1, fromNanos);
          ps.setLong(2, toNanos);
        });
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<SegmentRecord> segmentsWhere(Connection c, String where, Binder binder) throws SQLException {
    List<SegmentRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT record_id, call_id, seg_index, queue_id, line_id,"
        + " caller_number, priority, transfer_in_label, queued_nanos, outcome, agent_id, offers, left_queue_nanos,"
        + " wait_nanos, abandoned_ringing, overflow_cause, overflow_kind, overflow_target, talk_ended_nanos,"
        + " talk_nanos, hold_nanos, end_side, transfer_label, wrap_up_ended_nanos, wrap_up_nanos,"
        + " wrap_up_timed_out, disposition, category, summary FROM call_segment " + where)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SegmentRecord(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getInt(7), rs.getString(8), rs.getLong(9), SegmentRecord.Outcome.ofDb(rs.getString(10)),
              rs.getString(11), rs.getInt(12), rs.getLong(13), rs.getLong(14), rs.getInt(15) != 0, rs.getString(16),
              rs.getString(17), rs.getString(18), getLong(rs, 19), rs.getLong(20), rs.getLong(21), rs.getString(22),
              rs.getString(23), getLong(rs, 24), rs.getLong(25), rs.getInt(26) != 0, rs.getString(27),
              rs.getString(28), rs.getString(29)));
        }
      }
    }
    c.commit();
    return out;
  }

  // ---- helpers ----

  static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  static Long getLong(ResultSet rs, int index) throws SQLException {
    long v = rs.getLong(index);
    return rs.wasNull() ? null : v;
  }

  private static List<String> split(String text, String sep) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(java.util.regex.Pattern.quote(sep)));
  }

  static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
