package org.hotlineacd.cti.model;

/** Why an agent's phone did not pick up a call it was rung for. */
public enum LegFailure {
  /** It rang until the ring timeout. */
  NO_ANSWER,
  /** The phone said busy or rejected the call. */
  BUSY,
  /** The endpoint is not registered or not reachable. */
  UNREACHABLE,
  /** Any other failure (congestion, a failed originate). */
  FAILED
}
