package org.hotlineacd.acd.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.Relaxation;

/**
 * Which queues an agent can serve, and from which relaxation tier on. Computed when an agent's
 * skills or the queues change, never during a routing decision.
 *
 * <p>Tier 0 asks every required skill at its base level. Tier {@code k} applies the first {@code
 * k} relaxation steps cumulatively: the latest {@code minLevel} lowers every requirement to at most
 * that level, and every {@code addQueues} entry admits the agents who qualify for that queue's
 * tier 0.
 */
final class Eligibility {
  private Eligibility() {}

  static Agent.Membership[] memberships(Agent agent, List<QueueState> queues, Map<String, QueueState> byId) {
    List<Agent.Membership> result = new ArrayList<>();
    for (QueueState q : queues) {
      // A removed queue stays in the list until its last call is served, so it can drain.
      int tier = firstTier(agent, q, byId);
      if (tier >= 0) {
        result.add(new Agent.Membership(q, tier));
      }
    }
    return result.toArray(new Agent.Membership[0]);
  }

  /** The first tier at which the agent qualifies for the queue, or -1. */
  static int firstTier(Agent agent, QueueState q, Map<String, QueueState> byId) {
    if (meets(agent, q, Integer.MAX_VALUE)) {
      return 0;
    }
    int cap = Integer.MAX_VALUE;
    List<Relaxation> steps = q.config.relaxation();
    for (int k = 1; k <= steps.size(); k++) {
      Relaxation step = steps.get(k - 1);
      if (step.minLevel() > 0) {
        cap = step.minLevel();
      }
      if (cap != Integer.MAX_VALUE && meets(agent, q, cap)) {
        return k;
      }
      for (String added : step.addQueues()) {
        QueueState other = byId.get(added);
        if (other != null && meets(agent, other, Integer.MAX_VALUE)) {
          return k;
        }
      }
    }
    return -1;
  }

  private static boolean meets(Agent agent, QueueState q, int cap) {
    for (int i = 0; i < q.skillIndexes.length; i++) {
      int required = Math.min(q.minLevels[i], cap);
      if (agent.levels[q.skillIndexes[i]] < required) {
        return false;
      }
    }
    return true;
  }
}
