package org.hotlineacd.acd.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hotlineacd.cti.port.CallerHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen pop's previous calls, read from the call records: the calls from one number that
 * entered the ACD since a time, newest first, at most {@link #MAX_CALLS}. Each lookup opens its own
 * connection (the bridge calls it on a worker thread and caches the answer); a database that is
 * away gives an empty history and a warning, never an error on the agent's desktop.
 */
public final class RecordCallerHistory implements CallerHistory {
  /** The most calls one lookup returns: a screen pop shows a handful, a robo-caller has thousands. */
  public static final int MAX_CALLS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(RecordCallerHistory.class);
  private static final String QUERY = "SELECT first_queued_nanos, line_id, queue_path, agents, talk_nanos, disposition,"
      + " category, summary FROM call_record WHERE caller_number = ? AND first_queued_nanos >= ?"
      + " ORDER BY first_queued_nanos DESC, record_id DESC LIMIT " + MAX_CALLS;

  private final RecordStore store;

  /** History over {@code store}. */
  public RecordCallerHistory(RecordStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public List<PastCall> callsFrom(String callerNumber, Instant since) {
    if (callerNumber == null || callerNumber.isBlank()) {
      return List.of();
    }
    try (Connection c = store.connect()) {
      return read(c, callerNumber, since);
    } catch (SQLException e) {
      // Failing (rather than answering "no calls") keeps the bridge's cache from remembering a
      // wrong answer: a failed lookup is not cached and the next screen pop asks again.
      LOG.warn("cannot read the caller history from the records ({}); the screen pop shows none", e.getMessage());
      throw new java.io.UncheckedIOException(new java.io.IOException("caller history unavailable: " + e.getMessage(), e));
    }
  }

  private static List<PastCall> read(Connection c, String callerNumber, Instant since) throws SQLException {
    List<PastCall> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(QUERY)) {
      ps.setString(1, callerNumber);
      ps.setLong(2, epochNanos(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long started = rs.getLong(1);
          out.add(new PastCall(Instant.ofEpochSecond(0, started), rs.getString(2), last(rs.getString(3), ">"),
              last(rs.getString(4), ","), Duration.ofNanos(rs.getLong(5)), rs.getString(6), rs.getString(7),
              rs.getString(8)));
        }
      }
    }
    c.commit();
    return out;
  }

  private static long epochNanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The last element of a stored list (the queue the call ended in, the last agent), or null. */
  private static String last(String joined, String separator) {
    if (joined == null || joined.isEmpty()) {
      return null;
    }
    int at = joined.lastIndexOf(separator);
    return at < 0 ? joined : joined.substring(at + separator.length());
  }
}
