package org.hotlineacd.acd.engine;

import java.util.NavigableSet;

/**
 * The routing decisions, over the indexes only. Picking an agent for a call looks at the head of
 * one idle set per tier the call has reached; picking a call for an agent looks at the head of one
 * waiting set per (queue the agent serves, tier it qualifies at or above). Neither scans agents or
 * calls: each decision costs O(tiers x memberships x log n).
 */
final class Routing {
  private Routing() {}

  /** The best idle agent for a waiting call under its queue's strategy, or null. */
  static Agent pickAgent(Call call) {
    QueueState q = call.queue;
    Agent best = null;
    for (int t = 0; t <= call.tier; t++) {
      NavigableSet<Agent> pool = q.idle[t];
      if (pool.isEmpty()) {
        continue;
      }
      Agent head = pool.first();
      if (best == null || q.idle[0].comparator().compare(head, best) < 0) {
        best = head;
      }
    }
    return best;
  }

  /**
   * The call an agent who just became available should take: the highest priority, then the
   * longest wait, across every queue it serves; or null.
   */
  static Call pickCall(Agent agent) {
    Call best = null;
    for (Agent.Membership m : agent.memberships) {
      QueueState q = m.queue();
      if (q.waitingCount == 0) {
        continue;
      }
      for (int t = m.tier(); t < q.tiers(); t++) {
        NavigableSet<Call> set = q.waiting[t];
        if (set.isEmpty()) {
          continue;
        }
        Call head = set.first();
        if (best == null || QueueState.CALL_ORDER.compare(head, best) < 0) {
          best = head;
        }
      }
    }
    return best;
  }

  /** Puts an available agent into the idle set of every queue it serves. */
  static void addToPools(Agent agent) {
    if (agent.inPools || !agent.available()) {
      return;
    }
    for (Agent.Membership m : agent.memberships) {
      m.queue().idle[m.tier()].add(agent);
    }
    agent.inPools = true;
  }

  /** Takes an agent out of every idle set (before any of its ordering keys change). */
  static void removeFromPools(Agent agent) {
    if (!agent.inPools) {
      return;
    }
    for (Agent.Membership m : agent.memberships) {
      m.queue().idle[m.tier()].remove(agent);
    }
    agent.inPools = false;
  }
}
