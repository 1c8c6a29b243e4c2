package org.hotlineacd.acd.records;

import java.util.List;
import java.util.Objects;

/**
 * One call from its first queue entry until its last segment finished (table {@code call_record}):
 * what a case is created from. Whole-call figures follow docs/figures.md: the wait runs from the
 * first queue entry to the first answer (or to when the call left the ACD unanswered); talk, hold
 * and wrap-up are sums over the segments.
 *
 * @param recordId the stable id of this call's record: the call id and its first queue entry in
 *     epoch milliseconds (PBX call ids may repeat across restarts; this does not); it is also the
 *     case's idempotency key
 * @param localDay the local date of the first queue entry in the reporting zone (ISO)
 * @param queuePath the queues the call went through, in order
 * @param agents the agents who answered it, in order
 * @param transfersOut the labels it was transferred to (external targets and {@code queue:ID})
 * @param endCause why it ended: {@code completed}, {@code transferred:LABEL}, {@code abandoned},
 *     {@code abandoned-while-ringing} or {@code overflow:CAUSE}
 * @param recordingFile the base name of the call's first recording (an agent started one), or
 *     {@code null}
 * @param disposition the last wrap-up's disposition (category and summary likewise)
 * @param caseNumber the case system's number for the case, once it replied
 */
public record CallRecord(
    String recordId,
    String callId,
    String callerNumber,
    String line,
    long firstQueuedNanos,
    String localDay,
    long endedNanos,
    List<String> queuePath,
    List<String> agents,
    SegmentRecord.Outcome outcome,
    long waitNanos,
    long talkNanos,
    long holdNanos,
    long wrapUpNanos,
    List<String> transfersOut,
    String transferInLabel,
    String endSide,
    String endCause,
    String recordingFile,
    String disposition,
    String category,
    String summary,
    boolean wrapUpTimedOut,
    String caseNumber,
    List<SegmentRecord> segments) {

  /** Validates and copies. */
  public CallRecord {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(outcome, "outcome");
    queuePath = List.copyOf(queuePath);
    agents = List.copyOf(agents);
    transfersOut = List.copyOf(transfersOut);
    segments = segments == null ? List.of() : List.copyOf(segments);
  }

  /** Whether an agent took it (and wrapped it up): such a call becomes a case. */
  public boolean handled() {
    return outcome == SegmentRecord.Outcome.ANSWERED;
  }
}
