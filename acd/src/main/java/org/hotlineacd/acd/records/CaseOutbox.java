package org.hotlineacd.acd.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The case outbox table's operations: pick due requests, record the outcome of an attempt, list
 * and retry. Each method runs (and commits) its own transaction on the connection it is given.
 * Requests are written by {@link RecordStore#write} in the record's transaction.
 */
public final class CaseOutbox {
  private static final String COLUMNS = "webhook_id, record_id, call_id, payload, state, created_nanos, attempts,"
      + " next_attempt_nanos, last_status, last_error, case_number, delivered_nanos";

  private CaseOutbox() {}

  /** Pending requests due at {@code nowNanos}, oldest first, at most {@code limit}. */
  public static List<OutboxEntry> due(Connection c, long nowNanos, int limit) throws SQLException {
    return select(c, "WHERE state = 'pending' AND next_attempt_nanos <= ? ORDER BY next_attempt_nanos, webhook_id",
        limit, ps -> ps.setLong(1, nowNanos));
  }

  /** Requests in a state (or all, when {@code state} is null), newest first, at most {@code limit}. */
  public static List<OutboxEntry> list(Connection c, CaseState state, int limit) throws SQLException {
    if (state == null) {
      return select(c, "ORDER BY created_nanos DESC, webhook_id", limit, ps -> { });
    }
    return select(c, "WHERE state = ? ORDER BY created_nanos DESC, webhook_id", limit,
        ps -> ps.setString(1, state.dbName()));
  }

  /** One request by webhook id or record id. */
  public static java.util.Optional<OutboxEntry> find(Connection c, String id) throws SQLException {
    return select(c, "WHERE webhook_id = ? OR record_id = ?", 1, ps -> {
      ps.setString(1, id);
      ps.setString(2, id);
    }).stream().findFirst();
  }

  /** How many requests are in each state. */
  public static Map<CaseState, Long> countByState(Connection c) throws SQLException {
    Map<CaseState, Long> out = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM case_outbox GROUP BY state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(CaseState.ofDb(rs.getString(1)), rs.getLong(2));
      }
    }
    c.commit();
    return out;
  }

  /** The case system confirmed: delivered, and its case number stored on the call record too. */
  public static void delivered(Connection c, String webhookId, int status, String caseNumber, long nowNanos)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE case_outbox SET state = 'delivered', attempts = attempts + 1,"
        + " last_status = ?, last_error = NULL, case_number = ?, delivered_nanos = ? WHERE webhook_id = ?");
        PreparedStatement call = c.prepareStatement("UPDATE call_record SET case_number = ? WHERE record_id ="
            + " (SELECT record_id FROM case_outbox WHERE webhook_id = ?)")) {
      ps.setInt(1, status);
      ps.setString(2, caseNumber);
      ps.setLong(3, nowNanos);
      ps.setString(4, webhookId);
      ps.executeUpdate();
      call.setString(1, caseNumber);
      call.setString(2, webhookId);
      call.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      RecordStore.rollbackQuietly(c, e);
      throw e;
    }
  }

  /**
   * An attempt failed: the request moves to {@code state} (pending with a next attempt time,
   * failed, or dead) with the reply's status (may be null) and what went wrong.
   */
  public static void failed(Connection c, String webhookId, CaseState state, Integer status, String error,
      long nextAttemptNanos) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE case_outbox SET state = ?, attempts = attempts + 1,"
        + " last_status = ?, last_error = ?, next_attempt_nanos = ? WHERE webhook_id = ?")) {
      ps.setString(1, state.dbName());
      if (status == null) {
        ps.setNull(2, Types.INTEGER);
      } else {
        ps.setInt(2, status);
      }
      ps.setString(3, error == null ? null : error.substring(0, Math.min(error.length(), 500)));
      ps.setLong(4, nextAttemptNanos);
      ps.setString(5, webhookId);
      ps.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      RecordStore.rollbackQuietly(c, e);
      throw e;
    }
  }

  /**
   * Puts failed or dead requests back to pending, due now, with a fresh age (so the dead-letter
   * clock restarts). {@code id} is a webhook id or record id; null means every dead and failed one.
   *
   * @return how many were requeued
   */
  public static int retry(Connection c, String id, long nowNanos) throws SQLException {
    String where = id == null ? "state IN ('dead', 'failed')" : "state IN ('dead', 'failed', 'pending') AND (webhook_id = ? OR record_id = ?)";
    try (PreparedStatement ps = c.prepareStatement("UPDATE case_outbox SET state = 'pending', next_attempt_nanos = ?,"
        + " created_nanos = ? WHERE " + where)) {
      ps.setLong(1, nowNanos);
      ps.setLong(2, nowNanos);
      if (id != null) {
        ps.setString(3, id);
        ps.setString(4, id);
      }
      int n = ps.executeUpdate();
      c.commit();
      return n;
    } catch (SQLException e) {
      RecordStore.rollbackQuietly(c, e);
      throw e;
    }
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<OutboxEntry> select(Connection c, String where, int limit, Binder binder) throws SQLException {
    List<OutboxEntry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM case_outbox " + where + " LIMIT " + limit)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int status = rs.getInt(9);
          Integer lastStatus = rs.wasNull() ? null : status;
          out.add(new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              CaseState.ofDb(rs.getString(5)), rs.getLong(6), rs.getInt(7), rs.getLong(8), lastStatus,
              rs.getString(10), rs.getString(11), RecordStore.getLong(rs, 12)));
        }
      }
    }
    c.commit();
    return out;
  }
}
