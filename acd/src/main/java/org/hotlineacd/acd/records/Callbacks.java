package org.hotlineacd.acd.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The abandoned-call callback list of one local day: every caller number with an abandoned call
 * that day and no call answered by an agent after its last abandon that day, because a hotline
 * calls those people back. Computed from the day's call records (indexed by day and number).
 */
public final class Callbacks {
  private Callbacks() {}

  /**
   * One number to call back.
   *
   * @param abandons how many abandoned calls the number made that day (before any later answer)
   * @param lastAbandonedNanos when the last abandoned call entered the queue (epoch nanos)
   * @param longestWaitNanos the longest wait among its abandoned calls
   * @param recordId the last abandoned call's record
   */
  public record Callback(String callerNumber, int abandons, long firstAbandonedNanos, long lastAbandonedNanos,
      long longestWaitNanos, String line, String queue, String recordId) {}

  /** The callback list of a local day (ISO date), oldest abandon first. */
  public static List<Callback> of(RecordStore store, Connection c, String localDay) throws SQLException {
    return of(store.callsOfDay(c, localDay));
  }

  /** The callback list from one day's call records, in queue-entry order. */
  public static List<Callback> of(List<CallRecord> dayCalls) {
    Map<String, List<CallRecord>> byNumber = new LinkedHashMap<>();
    for (CallRecord r : dayCalls) {
      if (r.callerNumber() != null && !r.callerNumber().isBlank()) {
        byNumber.computeIfAbsent(r.callerNumber(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Callback> out = new ArrayList<>();
    for (Map.Entry<String, List<CallRecord>> e : byNumber.entrySet()) {
      CallRecord lastAbandon = null;
      CallRecord firstAbandon = null;
      int abandons = 0;
      long longest = 0;
      for (CallRecord r : e.getValue()) {
        if (r.outcome() == SegmentRecord.Outcome.ABANDONED) {
          firstAbandon = firstAbandon == null ? r : firstAbandon;
          lastAbandon = r;
          abandons++;
          longest = Math.max(longest, r.waitNanos());
        } else if (r.outcome() == SegmentRecord.Outcome.ANSWERED) {
          // Reached an agent: earlier abandons are settled.
          firstAbandon = null;
          lastAbandon = null;
          abandons = 0;
          longest = 0;
        }
      }
      if (lastAbandon != null) {
        out.add(new Callback(e.getKey(), abandons, firstAbandon.firstQueuedNanos(), lastAbandon.firstQueuedNanos(),
            longest, lastAbandon.line(), lastAbandon.queuePath().get(lastAbandon.queuePath().size() - 1),
            lastAbandon.recordId()));
      }
    }
    out.sort(java.util.Comparator.comparingLong(Callback::firstAbandonedNanos));
    return out;
  }
}
