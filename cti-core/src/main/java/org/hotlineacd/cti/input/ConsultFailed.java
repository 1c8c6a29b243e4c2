package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/** The consultation leg of an attended transfer failed or hung up before completion. */
public record ConsultFailed(CallId call) implements TelephonyEvent {
  /** Validates. */
  public ConsultFailed {
    Objects.requireNonNull(call, "call");
  }
}
