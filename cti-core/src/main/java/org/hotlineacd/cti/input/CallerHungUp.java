package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/** The caller's channel hung up: an abandon while waiting or ringing, the end of a connected call. */
public record CallerHungUp(CallId call) implements TelephonyEvent {
  /** Validates. */
  public CallerHungUp {
    Objects.requireNonNull(call, "call");
  }
}
