package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/** A connected caller was put on hold. */
public record CallHeld(CallId call) implements TelephonyEvent {
  /** Validates. */
  public CallHeld {
    Objects.requireNonNull(call, "call");
  }
}
