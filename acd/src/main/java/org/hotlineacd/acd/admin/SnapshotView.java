package org.hotlineacd.acd.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.cti.model.AgentState;

/** The engine snapshot as a JSON-ready map: states by their labels, times in seconds. */
final class SnapshotView {
  private SnapshotView() {}

  static Map<String, Object> of(EngineSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", Instant.ofEpochSecond(0, s.atNanos()).toString());
    m.put("callsInAcd", s.callsInAcd());
    m.put("agentsByState", states(s.agentsByState()));
    List<Object> queues = new ArrayList<>();
    for (EngineSnapshot.QueueView q : s.queues()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", q.id());
      v.put("name", q.name());
      v.put("waiting", q.waiting());
      v.put("longestWaitSeconds", q.longestWaitNanos() / 1e9);
      v.put("loggedInAgents", q.loggedInAgents());
      v.put("agentsByState", states(q.agentsByState()));
      queues.add(v);
    }
    m.put("queues", queues);
    List<Object> agents = new ArrayList<>();
    for (EngineSnapshot.AgentView a : s.agents()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", a.id());
      v.put("state", a.state().label());
      if (a.reason() != null) {
        v.put("reason", a.reason());
      }
      if (a.call() != null) {
        v.put("call", a.call());
      }
      v.put("sinceSeconds", Math.max(0, s.atNanos() - a.sinceNanos()) / 1e9);
      agents.add(v);
    }
    m.put("agents", agents);
    return m;
  }

  private static Map<String, Integer> states(Map<AgentState, Integer> byState) {
    Map<String, Integer> m = new LinkedHashMap<>();
    byState.forEach((k, v) -> m.put(k.label(), v));
    return m;
  }
}
