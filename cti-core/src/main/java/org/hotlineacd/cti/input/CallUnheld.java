package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/** A held caller was taken off hold. */
public record CallUnheld(CallId call) implements TelephonyEvent {
  /** Validates. */
  public CallUnheld {
    Objects.requireNonNull(call, "call");
  }
}
