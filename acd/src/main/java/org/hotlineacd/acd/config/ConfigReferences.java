package org.hotlineacd.acd.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the references between parts of a configuration. */
final class ConfigReferences {
  private ConfigReferences() {}

  static List<String> check(AcdConfig c) {
    List<String> problems = new ArrayList<>();
    Set<String> skills = new HashSet<>(c.skills());
    duplicates(c.queues().stream().map(QueueConfig::id).toList(), "queues", problems);
    duplicates(c.lines().stream().map(LineConfig::id).toList(), "lines", problems);
    duplicates(c.agents().stream().map(AgentConfig::id).toList(), "agents", problems);
    Map<String, QueueConfig> queues = AcdConfig.byId(c.queues(), QueueConfig::id);
    for (int i = 0; i < c.lines().size(); i++) {
      LineConfig line = c.lines().get(i);
      if (!queues.containsKey(line.queue())) {
        problems.add("lines[" + i + "].queue: unknown queue '" + line.queue() + "' (line " + line.id() + ")");
      }
      if (line.hours() != null && !c.businessHours().containsKey(line.hours())) {
        problems.add("lines[" + i + "].hours: unknown business-hours calendar '" + line.hours() + "' (line " + line.id()
            + "; " + (c.businessHours().isEmpty() ? "none are defined under businessHours"
                : "one of " + String.join(", ", c.businessHours().keySet())) + ")");
      }
    }
    for (int i = 0; i < c.queues().size(); i++) {
      QueueConfig q = c.queues().get(i);
      String at = "queues[" + i + "]";
      for (String skill : q.skills().keySet()) {
        if (!skills.contains(skill)) {
          problems.add(at + ".skills." + skill + ": unknown skill '" + skill + "' (queue " + q.id() + ")");
        }
      }
      if (q.overflow() != null) {
        checkTarget(c, queues, q.overflow(), at + ".overflow.target", problems);
      }
      if ((!q.joinWhenEmpty() || q.leaveWhenEmpty()) && q.overflow() == null) {
        problems.add(at + ".overflow: queue " + q.id()
            + " overflows when it has no agents (joinWhenEmpty false or leaveWhenEmpty true) but names no overflow target");
      }
      for (int r = 0; r < q.relaxation().size(); r++) {
        for (String added : q.relaxation().get(r).addQueues()) {
          if (!queues.containsKey(added)) {
            problems.add(at + ".relaxation[" + r + "].addQueues: unknown queue '" + added + "'");
          }
        }
      }
    }
    for (int i = 0; i < c.agents().size(); i++) {
      AgentConfig a = c.agents().get(i);
      for (String skill : a.skills().keySet()) {
        if (!skills.contains(skill)) {
          problems.add("agents[" + i + "].skills." + skill + ": unknown skill '" + skill + "' (agent " + a.id() + ")");
        }
      }
    }
    for (BusinessHours b : c.businessHours().values()) {
      checkTarget(c, queues, b.closed(), "businessHours." + b.name() + ".closed.target", problems);
    }
    String reason = c.security().disconnectReason();
    if (reason != null && !c.notReadyReasons().contains(reason)) {
      problems.add("security.disconnectReason: unknown not-ready reason '" + reason + "' (one of "
          + String.join(", ", c.notReadyReasons()) + ")");
    }
    overflowLoops(c, queues, problems);
    return problems;
  }

  private static void checkTarget(
      AcdConfig c, Map<String, QueueConfig> queues, Overflow o, String at, List<String> problems) {
    switch (o.kind()) {
      case QUEUE -> {
        if (!queues.containsKey(o.target())) {
          problems.add(at + ": unknown queue '" + o.target() + "'");
        }
      }
      case EXTERNAL -> {
        if (!c.transferTargets().containsKey(o.target())) {
          problems.add(at + ": unknown transfer target '" + o.target() + "'");
        }
      }
      case VOICEMAIL, CALLBACK -> {
        // free-form mailbox or list name
      }
    }
  }

  /**
   * Each queue overflows to at most one queue, so following the chains once, remembering which
   * queues are finished, finds every loop in linear time, each exactly once.
   */
  private static void overflowLoops(AcdConfig c, Map<String, QueueConfig> queues, List<String> problems) {
    Set<String> done = new HashSet<>();
    for (QueueConfig start : c.queues()) {
      Map<String, Integer> onPath = new HashMap<>();
      List<String> path = new ArrayList<>();
      QueueConfig q = start;
      while (q != null && !done.contains(q.id())
          && q.overflow() != null && q.overflow().kind() == Overflow.Kind.QUEUE) {
        onPath.put(q.id(), path.size());
        path.add(q.id());
        String next = q.overflow().target();
        Integer at = onPath.get(next);
        if (at != null) {
          List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
          cycle.add(next);
          problems.add("queues: overflow loop " + String.join(" -> ", cycle));
          break;
        }
        q = queues.get(next);
      }
      done.addAll(path);
    }
  }

  private static void duplicates(List<String> ids, String where, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        problems.add(where + "[" + i + "].id: duplicate id '" + ids.get(i) + "'");
      }
    }
  }
}
