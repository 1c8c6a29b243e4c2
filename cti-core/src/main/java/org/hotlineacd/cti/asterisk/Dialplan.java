package org.hotlineacd.cti.asterisk;

import java.util.Objects;

/**
 * The names the ACD and the dialplan agree on (see {@code docs/asterisk.md} and the samples in
 * {@code config/asterisk/}).
 *
 * @param lineHeader the channel variable naming the line when the UserEvent has no {@code AcdLine} header; {@code Queue} is the fallback
 * @param agentContext where an answered agent leg waits until it is bridged
 * @param parkContext where a caller goes back to wait (transfer to a queue or an agent)
 * @param routeContext where callers leave the ACD: extensions {@code voicemail}, {@code callback} and {@code external}
 * @param consultContext where attended transfers dial: extension {@code external}
 * @param dialVariable the channel variable that carries a dial string to {@code routeContext}/{@code consultContext}
 * @param waitApplication the application a waiting caller runs (to recognise waiting callers on resync)
 * @param recordingDirectory where MixMonitor writes ({@code /var/spool/asterisk/monitor})
 * @param recordingFormat the file extension MixMonitor writes ({@code wav})
 * @param originateCallerName the caller-id name an agent phone shows
 * @param holdContext where {@code HoldCall} parks both legs of a connected call: extension {@code
 *     caller} (music on hold) and {@code agent} (silence); the ACD bridges them again to unhold
 * @param announceContext where {@code AnnouncePosition} sends a waiting caller: extension {@code s}
 *     says {@code ACD_POSITION} and {@code ACD_WAIT_MIN} and goes back to {@code parkContext}
 */
public record Dialplan(String lineHeader, String agentContext, String parkContext,
    String routeContext, String consultContext, String dialVariable, String waitApplication,
    String recordingDirectory, String recordingFormat, String originateCallerName, String holdContext,
    String announceContext) {
  /** The contract of the shipped sample dialplan. */
  public static final Dialplan DEFAULT = new Dialplan("ACD_LINE", "acd-agent-hold", "acd-park",
      "acd-route", "acd-consult", "ACD_DIAL", "MusicOnHold", "/var/spool/asterisk/monitor", "wav", "ACD");

  /** As above, with the sample's {@code acd-held} and {@code acd-announce} contexts. */
  public Dialplan(String lineHeader, String agentContext, String parkContext, String routeContext,
      String consultContext, String dialVariable, String waitApplication, String recordingDirectory,
      String recordingFormat, String originateCallerName) {
    this(lineHeader, agentContext, parkContext, routeContext, consultContext, dialVariable, waitApplication,
        recordingDirectory, recordingFormat, originateCallerName, "acd-held", "acd-announce");
  }

  /** Validates. */
  public Dialplan {
    Objects.requireNonNull(lineHeader, "lineHeader");
    Objects.requireNonNull(agentContext, "agentContext");
    Objects.requireNonNull(parkContext, "parkContext");
    Objects.requireNonNull(routeContext, "routeContext");
    Objects.requireNonNull(consultContext, "consultContext");
    Objects.requireNonNull(dialVariable, "dialVariable");
    Objects.requireNonNull(waitApplication, "waitApplication");
    Objects.requireNonNull(recordingDirectory, "recordingDirectory");
    Objects.requireNonNull(recordingFormat, "recordingFormat");
    Objects.requireNonNull(originateCallerName, "originateCallerName");
    Objects.requireNonNull(holdContext, "holdContext");
    Objects.requireNonNull(announceContext, "announceContext");
  }
}
