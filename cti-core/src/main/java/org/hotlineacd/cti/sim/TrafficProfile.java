package org.hotlineacd.cti.sim;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the simulated hotline needs to know: its callers per line and its agents.
 *
 * @param name a label for logs and reports
 * @param timeZone the zone in which intraday curves and shifts are read
 * @param lines the callers, at most one entry per line
 * @param groups the agents; their ids must not collide
 */
public record TrafficProfile(String name, ZoneId timeZone, List<LineTraffic> lines, List<AgentGroup> groups) {
  /** Validates and copies. */
  public TrafficProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    Set<String> seen = new HashSet<>();
    for (LineTraffic l : lines) {
      if (!seen.add(l.line())) {
        throw new IllegalArgumentException("line " + l.line() + " appears twice");
      }
    }
    Set<String> ids = new HashSet<>();
    for (AgentGroup g : groups) {
      for (String id : g.agentIds()) {
        if (!ids.add(id)) {
          throw new IllegalArgumentException("agent id " + id + " is produced by two groups");
        }
      }
    }
  }

  /** The number of simulated agents over all groups. */
  public int agentCount() {
    return groups.stream().mapToInt(AgentGroup::count).sum();
  }
}
