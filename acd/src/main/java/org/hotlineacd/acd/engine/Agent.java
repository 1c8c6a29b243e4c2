package org.hotlineacd.acd.engine;

import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;

/** One agent's live state. Owned by the engine thread; never shared. */
final class Agent {
  final AgentId id;
  final int ordinal;
  AgentConfig config;
  /** Skill levels by skill index; 0 where the agent lacks the skill. */
  int[] levels;
  /** The queues this agent can serve, with the first tier at which it qualifies. */
  Membership[] memberships = new Membership[0];

  AgentState state = AgentState.LOGGED_OUT;
  String reason;
  long stateSinceNanos;
  /** When the agent last became ready: the longest-idle key. */
  long idleSinceNanos;
  boolean reachable = true;
  /** Removed from the configuration while busy: logged out as soon as it is free. */
  boolean removed;
  boolean inPools;

  /** The call this agent rings for or talks to, or null. */
  Call call;
  /** The segment this agent wraps up, or null. */
  WrapUp wrapUp;
  Timer wrapUpTimer;
  /** A not-ready reason asked for during a call, applied when the wrap-up ends. */
  String pendingNotReady;
  /** A supervisor logged the agent out while it was busy: applied as soon as it is free. */
  boolean pendingLogout;

  long callsTaken;
  long talkNanos;
  int consecutiveNoAnswer;

  Agent(AgentConfig config, int ordinal, int[] levels) {
    this.id = new AgentId(config.id());
    this.config = config;
    this.ordinal = ordinal;
    this.levels = levels;
  }

  boolean loggedIn() {
    return state != AgentState.LOGGED_OUT;
  }

  /** Ready and reachable: the only agents kept in the idle pools. */
  boolean available() {
    return state == AgentState.READY && reachable;
  }

  record Membership(QueueState queue, int tier) {}

  /** What an agent in wrap-up is finishing. */
  record WrapUp(
      org.hotlineacd.acd.segment.SegmentKey key,
      long startedNanos,
      long deadlineNanos,
      QueueState queue,
      long talkNanos) {}

  @Override
  public String toString() {
    return id.value();
  }
}
