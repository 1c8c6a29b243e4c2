package org.hotlineacd.cti.input;

import java.util.Objects;
import org.hotlineacd.cti.model.CallId;

/**
 * A phone endpoint registered or went away. An unreachable endpoint's agent is offered no calls.
 *
 * @param endpoint the endpoint as configured on the agent (e.g. {@code PJSIP/1001})
 */
public record EndpointReachability(String endpoint, boolean reachable) implements TelephonyEvent {
  /** Validates. */
  public EndpointReachability {
    Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  public CallId call() {
    return null;
  }
}
