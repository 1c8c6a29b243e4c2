package org.hotlineacd.acd.records;

import java.util.Objects;

/**
 * One finished queue segment as stored (table {@code call_segment}). Times are epoch nanoseconds;
 * a field that does not apply to the segment's outcome is {@code null} (or 0 for durations).
 *
 * @param recordId the call record the segment belongs to
 * @param index 0 for the call's first segment
 * @param outcome how the segment stopped waiting
 * @param leftQueueNanos when it stopped waiting: answered, abandoned or overflowed
 * @param waitNanos {@code leftQueueNanos - queuedNanos}
 * @param endSide who ended the talk ({@code caller}, {@code agent}, {@code system}), or the
 *     abandoning caller
 */
public record SegmentRecord(
    String recordId,
    String callId,
    int index,
    String queue,
    String line,
    String callerNumber,
    int priority,
    String transferInLabel,
    long queuedNanos,
    Outcome outcome,
    String agent,
    int offers,
    long leftQueueNanos,
    long waitNanos,
    boolean abandonedWhileRinging,
    String overflowCause,
    String overflowKind,
    String overflowTarget,
    Long talkEndedNanos,
    long talkNanos,
    long holdNanos,
    String endSide,
    String transferLabel,
    Long wrapUpEndedNanos,
    long wrapUpNanos,
    boolean wrapUpTimedOut,
    String disposition,
    String category,
    String summary) {

  /** How a segment (or a whole call) left the queue. */
  public enum Outcome {
    /** An agent answered. */
    ANSWERED,
    /** The caller hung up before any answer. */
    ABANDONED,
    /** An overflow rule took it out of the queue. */
    OVERFLOWED;

    /** The stored name, lower case. */
    public String dbName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The outcome with this stored name. */
    public static Outcome ofDb(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Validates. */
  public SegmentRecord {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(outcome, "outcome");
  }
}
