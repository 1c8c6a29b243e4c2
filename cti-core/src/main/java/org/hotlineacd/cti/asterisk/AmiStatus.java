package org.hotlineacd.cti.asterisk;

/**
 * One server's connection as health checks and metrics see it: an immutable sample.
 *
 * @param state where the connection is in its life cycle
 * @param sinceEpochMillis when it entered that state
 * @param connects successful logins so far
 * @param failures failed connection or login attempts so far
 * @param eventsReceived AMI events received so far
 * @param drift corrections made by resynchronisation and reconciliation (calls or legs whose state
 *     the ACD had wrong)
 * @param lastProblem the last error, as a sentence without secrets, or empty
 */
public record AmiStatus(String server, State state, long sinceEpochMillis, long connects, long failures,
    long eventsReceived, long drift, String lastProblem) {
  /** The life cycle of a server connection. */
  public enum State {
    /** Not started yet, or stopped. */
    STOPPED,
    /** Opening the socket and logging in. */
    CONNECTING,
    /** Logged in; reading what exists before routing again. */
    RESYNCING,
    /** Logged in, in step, routing. */
    CONNECTED,
    /** Lost; waiting for the next attempt. */
    RECONNECTING,
    /** The last login was refused (wrong user or secret, or not permitted from this host); retrying slowly. */
    LOGIN_FAILED
  }

  /** Whether calls on this server are being routed. */
  public boolean healthy() {
    return state == State.CONNECTED;
  }
}
