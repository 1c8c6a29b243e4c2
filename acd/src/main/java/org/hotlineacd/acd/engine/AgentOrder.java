package org.hotlineacd.acd.engine;

import java.util.Comparator;

/**
 * The routing strategies as orderings of a queue's idle agents: the first agent of the ordered set
 * is the one the strategy picks. Every key is stable while the agent is idle (it changes only while
 * the agent rings, talks or wraps up, when it is out of the sets), so the sets stay consistent.
 */
final class AgentOrder {
  private AgentOrder() {}

  private static final Comparator<Agent> LONGEST_IDLE =
      Comparator.<Agent>comparingLong(a -> a.idleSinceNanos).thenComparingInt(a -> a.ordinal);

  static Comparator<Agent> forQueue(QueueState queue) {
    return switch (queue.config.strategy()) {
      case LONGEST_IDLE -> LONGEST_IDLE;
      case FEWEST_CALLS ->
          Comparator.<Agent>comparingLong(a -> a.callsTaken).thenComparing(LONGEST_IDLE);
      case LEAST_TALK_TIME ->
          Comparator.<Agent>comparingLong(a -> a.talkNanos).thenComparing(LONGEST_IDLE);
      case ROUND_ROBIN ->
          Comparator.<Agent>comparingLong(a -> queue.lastOffered.getOrDefault(a, -1L))
              .thenComparingInt(a -> a.ordinal);
      case BEST_SKILL ->
          Comparator.<Agent>comparingInt(a -> -queue.skillScore(a)).thenComparing(LONGEST_IDLE);
    };
  }
}
