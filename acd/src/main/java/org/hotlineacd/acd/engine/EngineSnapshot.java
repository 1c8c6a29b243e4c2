package org.hotlineacd.acd.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.cti.model.AgentState;

/**
 * An immutable picture of the engine at one instant: what wallboards, gauges, the admin API and
 * the CLI read, never the engine's own objects.
 *
 * @param agentsByState logged-in and logged-out agents by state, for the whole centre
 */
public record EngineSnapshot(
    long atNanos,
    List<QueueView> queues,
    Map<AgentState, Integer> agentsByState,
    List<AgentView> agents,
    int callsInAcd) {

  /** One queue's live state. */
  public record QueueView(
      String id,
      String name,
      int waiting,
      long longestWaitNanos,
      int loggedInAgents,
      Map<AgentState, Integer> agentsByState) {}

  /** One agent's live state. */
  public record AgentView(String id, AgentState state, String reason, String call, long sinceNanos) {}

  static EngineSnapshot of(EngineState s, long now) {
    List<Map<AgentState, Integer>> perQueue = new ArrayList<>(s.queues.size());
    for (int i = 0; i < s.queues.size(); i++) {
      perQueue.add(new EnumMap<>(AgentState.class));
    }
    Map<AgentState, Integer> total = new EnumMap<>(AgentState.class);
    List<AgentView> agents = new ArrayList<>(s.agents.size());
    for (Agent a : s.agents) {
      total.merge(a.state, 1, Integer::sum);
      if (a.loggedIn()) {
        for (Agent.Membership m : a.memberships) {
          perQueue.get(m.queue().index).merge(a.state, 1, Integer::sum);
        }
      }
      agents.add(new AgentView(a.id.value(), a.state, a.reason, a.call == null ? null : a.call.id.value(), a.stateSinceNanos));
    }
    List<QueueView> queues = new ArrayList<>(s.queues.size());
    for (QueueState q : s.queues) {
      long longest = q.byAge.isEmpty() ? 0 : now - q.byAge.first().queuedNanos();
      queues.add(new QueueView(q.id(), q.config.name(), q.waitingCount, Math.max(0, longest),
          q.loggedInMembers, Collections.unmodifiableMap(perQueue.get(q.index))));
    }
    return new EngineSnapshot(now, List.copyOf(queues), Collections.unmodifiableMap(total),
        Collections.unmodifiableList(agents), s.calls.size());
  }

  /** The view of one queue, or null. */
  public QueueView queue(String id) {
    for (QueueView q : queues) {
      if (q.id().equals(id)) {
        return q;
      }
    }
    return null;
  }

  /** How many agents are in this state. */
  public int agentsIn(AgentState state) {
    return agentsByState.getOrDefault(state, 0);
  }
}
