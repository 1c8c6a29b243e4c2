package org.hotlineacd.cti.model;

/** The states an agent moves through; see the engine's transition table. */
public enum AgentState {
  /** Not working: offered no calls. */
  LOGGED_OUT,
  /** Logged in and waiting for a call. */
  READY,
  /** Logged in, but offered no calls, for a configured reason. */
  NOT_READY,
  /** The agent's phone rings for exactly one call, reserved for it. */
  RINGING,
  /** Talking to (or holding) exactly one caller. */
  ON_CALL,
  /** After-call work; ends by the agent or by the queue's wrap-up timeout. */
  WRAP_UP;

  /** The lowercase name used in configuration, protocols and metric tags ({@code not-ready}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
