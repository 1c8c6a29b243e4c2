package org.hotlineacd.cti.input;

import java.util.Map;
import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/**
 * A caller reached a line (DNIS) and asks for an agent.
 *
 * @param call the call's identity
 * @param line the dialled line, mapped to a queue and a priority by configuration
 * @param callerNumber the caller's number as presented (may be empty when withheld)
 * @param callerData channel variables the dialplan passes on for the screen pop
 */
public record CallArrived(CallId call, String line, String callerNumber, Map<String, String> callerData)
    implements TelephonyEvent {
  /** Validates and copies. */
  public CallArrived {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(line, "line");
    callerNumber = callerNumber == null ? "" : callerNumber;
    callerData = callerData == null ? Map.of() : Map.copyOf(callerData);
  }

  /** A call without caller data. */
  public CallArrived(CallId call, String line, String callerNumber) {
    this(call, line, callerNumber, Map.of());
  }
}
