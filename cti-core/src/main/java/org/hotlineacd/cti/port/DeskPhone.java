package org.hotlineacd.cti.port;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/**
 * The agent's phone as the desktop can work it: answering a ringing call with a click instead of
 * the handset. Safe to call from any thread and never blocks; whether the phone answered comes
 * back to the engine as the usual telephony event ({@code AgentLegAnswered}), which the engine
 * checks against the call it is ringing the agent for.
 */
@FunctionalInterface
public interface DeskPhone {
  /** Asks the phone of {@code agent} to answer {@code call}; false if this PBX cannot do that. */
  boolean answer(AgentId agent, CallId call);

  /** A PBX whose phones are answered only on the handset. */
  DeskPhone NONE = (agent, call) -> false;
}
