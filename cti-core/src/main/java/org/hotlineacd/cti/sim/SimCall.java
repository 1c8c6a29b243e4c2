package org.hotlineacd.cti.sim;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/** One simulated caller, from dialling in to hanging up. */
final class SimCall {
  enum Phase {
    /** Queued or ringing an agent: the caller's patience runs. */
    WAITING,
    /** Talking to an agent. */
    CONNECTED,
    /** Hung up, routed away or ended: no more events. */
    GONE
  }

  final CallId id;
  final long talkNanos;
  final boolean agentEnds;
  Phase phase = Phase.WAITING;
  AgentId agent;
  /** Counts connections, so the end of an earlier talk (before a transfer) does not end a later one. */
  int connection;

  SimCall(CallId id, long talkNanos, boolean agentEnds) {
    this.id = id;
    this.talkNanos = talkNanos;
    this.agentEnds = agentEnds;
  }
}
