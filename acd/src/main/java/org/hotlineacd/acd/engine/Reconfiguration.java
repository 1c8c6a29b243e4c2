package org.hotlineacd.acd.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.cti.model.AgentState;

/**
 * Applies a new configuration to a running engine, atomically (on the engine thread, between two
 * inputs) and without disturbing a call:
 *
 * <ul>
 *   <li>waiting calls keep their place and their wait: they move to the new queue of the same id
 *       with their original queue time and priority, at the relaxation tier their wait has reached,
 *       with their timers set again under the new rules (a max wait already passed fires at once);
 *   <li>ringing and connected calls are untouched; their agents keep them;
 *   <li>a removed queue takes no new calls and drains: it stays, marked removed, while any call is
 *       in it, and its agents keep serving it;
 *   <li>an agent whose skills change keeps its current call; a removed agent is logged out as soon
 *       as it is free; new agents start logged out;
 *   <li>then every available agent is offered the best waiting call under the new rules.
 * </ul>
 */
final class Reconfiguration {
  private Reconfiguration() {}

  static void apply(EngineState s, AgentFlow agents, CallFlow calls, AcdConfig next, long now) {
    s.indexSkills(next);
    for (Agent a : s.agents) {
      Routing.removeFromPools(a);
    }
    Map<String, QueueState> old = new HashMap<>(s.queuesById);
    Set<QueueState> inUse = new HashSet<>();
    for (Call c : s.calls.values()) {
      inUse.add(c.queue);
    }
    List<QueueState> queues = new ArrayList<>();
    Map<String, QueueState> byId = new HashMap<>();
    for (QueueConfig qc : next.queues()) {
      QueueState q = s.buildQueue(qc, queues.size());
      QueueState before = old.get(qc.id());
      if (before != null && !before.removed) {
        q.lastOffered.putAll(before.lastOffered);
        q.offerCounter = before.offerCounter;
        q.handleTimeEmaNanos = before.handleTimeEmaNanos;
      }
      queues.add(q);
      byId.put(qc.id(), q);
    }
    List<QueueState> draining = new ArrayList<>();
    for (QueueState q : old.values()) {
      if (!byId.containsKey(q.id()) && inUse.contains(q)) {
        draining.add(q);
      }
    }
    draining.sort((a, b) -> a.id().compareTo(b.id()));
    for (QueueState q : draining) {
      QueueState kept = q;
      if (q.removed) {
        q.index = queues.size();
      } else {
        kept = retire(s, q, queues.size());
      }
      queues.add(kept);
      byId.put(kept.id(), kept);
      for (Call c : s.calls.values()) {
        if (c.queue == q) {
          c.queue = kept;
        }
      }
    }
    s.queues.clear();
    s.queues.addAll(queues);
    s.queuesById.clear();
    s.queuesById.putAll(byId);

    moveCalls(s, calls, old, now);
    updateAgents(s, next);
    s.lines.clear();
    for (LineConfig line : next.lines()) {
      s.lines.put(line.id(), line);
    }
    s.notReadyReasons.clear();
    s.notReadyReasons.addAll(next.notReadyReasons());
    s.config = next;

    for (Agent a : s.agents) {
      a.memberships = Eligibility.memberships(a, s.queues, s.queuesById);
      if (a.loggedIn()) {
        for (Agent.Membership m : a.memberships) {
          m.queue().loggedInMembers++;
        }
      }
    }
    for (Agent a : new ArrayList<>(s.agents)) {
      if (a.removed && (a.state == AgentState.READY || a.state == AgentState.NOT_READY)) {
        agents.logout(a, now);
      }
    }
    for (Agent a : new ArrayList<>(s.agents)) {
      agents.offerNext(a, now);
    }
    for (Agent a : new ArrayList<>(s.agents)) {
      if (a.removed && a.state == AgentState.LOGGED_OUT) {
        forget(s, a);
      }
    }
  }

  /** A copy of a removed queue that keeps its rules and calls, marked removed. */
  private static QueueState retire(EngineState s, QueueState q, int index) {
    QueueState kept = s.buildQueue(q.config, index);
    kept.removed = true;
    kept.handleTimeEmaNanos = q.handleTimeEmaNanos;
    return kept;
  }

  private static void moveCalls(EngineState s, CallFlow calls, Map<String, QueueState> old, long now) {
    List<Call> all = new ArrayList<>(s.calls.values());
    for (Call c : all) {
      QueueState target = s.queuesById.get(c.queue.id());
      if (target == null) {
        continue;
      }
      c.queue = target;
      if (c.phase == Call.Phase.CONNECTED) {
        continue;
      }
      c.cancelQueueTimers();
      c.tier = tierReached(target, now - c.queuedNanos());
      if (c.phase == Call.Phase.WAITING) {
        target.addWaiting(c);
      }
      calls.rescheduleQueueTimers(c, now);
    }
  }

  static int tierReached(QueueState q, long waitedNanos) {
    int tier = 0;
    while (tier + 1 < q.tiers() && q.tierStartNanos[tier + 1] <= waitedNanos) {
      tier++;
    }
    return tier;
  }

  private static void updateAgents(EngineState s, AcdConfig next) {
    Set<String> wanted = new HashSet<>();
    for (AgentConfig ac : next.agents()) {
      wanted.add(ac.id());
      Agent a = s.agentsById.get(new org.hotlineacd.cti.model.AgentId(ac.id()));
      if (a == null) {
        s.addAgent(ac);
      } else {
        a.config = ac;
        a.levels = s.levelsOf(ac);
        a.removed = false;
      }
    }
    for (Agent a : s.agents) {
      if (!wanted.contains(a.id.value())) {
        a.removed = true;
      }
    }
    for (QueueState q : s.queues) {
      q.loggedInMembers = 0;
    }
    s.agentsByEndpoint.clear();
    for (Agent a : s.agents) {
      if (!a.removed && !a.config.endpoint().isEmpty()) {
        s.agentsByEndpoint.computeIfAbsent(a.config.endpoint(), k -> new ArrayList<>(1)).add(a);
      }
    }
  }

  /** Drops a removed agent that is logged out. */
  static void forget(EngineState s, Agent a) {
    s.agents.remove(a);
    s.agentsById.remove(a.id);
    for (QueueState q : s.queues) {
      q.lastOffered.remove(a);
    }
  }
}
