package org.hotlineacd.cti.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A caller's previous calls, from the call records: what the screen pop shows an agent before
 * answering. An implementation may block (it reads storage); callers run it off event loops and
 * the engine thread, and cache it.
 */
@FunctionalInterface
public interface CallerHistory {
  /**
   * The calls from {@code callerNumber} that started at or after {@code since}, newest first.
   * When the history cannot be read it throws (an unchecked exception) rather than answering with
   * an empty list, so that a cache never keeps "no previous calls" for a caller it could not look up.
   */
  List<PastCall> callsFrom(String callerNumber, Instant since);

  /** No history at all (no call records kept). */
  CallerHistory NONE = (number, since) -> List.of();

  /**
   * One earlier call of the same caller.
   *
   * @param agent the agent who talked to the caller, or {@code null} (abandoned)
   * @param talk how long the agent talked, zero when nobody answered
   * @param disposition the wrap-up disposition, or {@code null}
   * @param category the case category, or {@code null}
   * @param summary the case summary, or {@code null}
   */
  record PastCall(
      Instant startedAt,
      String line,
      String queue,
      String agent,
      Duration talk,
      String disposition,
      String category,
      String summary) {
    /** Validates. */
    public PastCall {
      Objects.requireNonNull(startedAt, "startedAt");
      talk = talk == null ? Duration.ZERO : talk;
    }
  }
}
