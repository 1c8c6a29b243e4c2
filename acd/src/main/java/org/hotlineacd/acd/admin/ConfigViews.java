package org.hotlineacd.acd.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.Durations;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Relaxation;
import org.hotlineacd.cti.admin.ConfigSection;

/**
 * Configuration items as JSON-ready maps with the keys and value forms of the configuration file
 * (durations as {@code 30s}), so what the API returns can be sent back changed. Agents show {@code
 * hasSecret} instead of their secret's hash.
 */
final class ConfigViews {
  private ConfigViews() {}

  static List<Object> items(AcdConfig c, ConfigSection section) {
    List<Object> out = new ArrayList<>();
    switch (section) {
      case LINES -> c.lines().forEach(l -> out.add(line(l)));
      case QUEUES -> c.queues().forEach(q -> out.add(queue(q)));
      case SKILLS -> c.skills().forEach(s -> out.add(Map.of("id", s)));
      case AGENTS -> c.agents().forEach(a -> out.add(agent(a)));
    }
    return out;
  }

  static Map<String, Object> line(LineConfig l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", l.id());
    m.put("name", l.name());
    m.put("queue", l.queue());
    m.put("priority", l.priority());
    if (!l.callerData().isEmpty()) {
      m.put("callerData", l.callerData());
    }
    if (l.transferInLabel() != null) {
      m.put("transferInLabel", l.transferInLabel());
    }
    if (l.hours() != null) {
      m.put("hours", l.hours());
    }
    return m;
  }

  static Map<String, Object> queue(QueueConfig q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id());
    m.put("name", q.name());
    m.put("skills", new TreeMap<>(q.skills()));
    m.put("strategy", q.strategy().configName());
    m.put("ringTimeout", d(q.ringTimeout()));
    m.put("wrapUp", d(q.wrapUp()));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("answerTarget", d(q.thresholds().answerTarget()));
    t.put("shortAbandon", d(q.thresholds().shortAbandon()));
    t.put("longCall", d(q.thresholds().longCall()));
    t.put("formula", q.thresholds().formula().configName());
    m.put("thresholds", t);
    if (q.maxWait() != null) {
      m.put("maxWait", d(q.maxWait()));
    }
    if (q.maxLength() > 0) {
      m.put("maxLength", q.maxLength());
    }
    if (q.overflow() != null) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", q.overflow().kind().configName());
      if (!q.overflow().target().isEmpty()) {
        o.put("target", q.overflow().target());
      }
      m.put("overflow", o);
    }
    if (!q.relaxation().isEmpty()) {
      List<Object> steps = new ArrayList<>();
      for (Relaxation r : q.relaxation()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("after", d(r.after()));
        if (r.minLevel() > 0) {
          s.put("minLevel", r.minLevel());
        }
        if (!r.addQueues().isEmpty()) {
          s.put("addQueues", r.addQueues());
        }
        steps.add(s);
      }
      m.put("relaxation", steps);
    }
    m.put("joinWhenEmpty", q.joinWhenEmpty());
    m.put("leaveWhenEmpty", q.leaveWhenEmpty());
    if (q.announceEvery() != null) {
      m.put("announceEvery", d(q.announceEvery()));
    }
    return m;
  }

  static Map<String, Object> agent(AgentConfig a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("name", a.name());
    m.put("endpoint", a.endpoint());
    m.put("skills", new TreeMap<>(a.skills()));
    m.put("hasSecret", a.secretHash() != null);
    return m;
  }

  private static String d(Duration d) {
    return Durations.format(d);
  }
}
