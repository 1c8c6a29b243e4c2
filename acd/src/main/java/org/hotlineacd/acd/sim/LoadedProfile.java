package org.hotlineacd.acd.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.cti.sim.TrafficProfile;

/**
 * A traffic profile read from a file, with the roster the ACD needs for its simulated agents.
 *
 * @param profile what the simulated hotline plays
 * @param roster one {@link AgentConfig} per simulated agent ({@code AgentConfig.simple}: endpoint
 *     {@code SIM/<id>}, the group's skills), to add with {@link AcdConfig#withAgents}
 * @param references the line ids, skills and not-ready reasons the profile names, with positions,
 *     for {@link #problemsAgainst}
 */
public record LoadedProfile(TrafficProfile profile, List<AgentConfig> roster, List<Reference> references) {
  /**
   * A name the profile uses that the ACD configuration must define.
   *
   * @param kind {@code line}, {@code skill} or {@code reason}
   * @param field the path in the profile, such as {@code lines[0].line}
   */
  public record Reference(String kind, String value, String file, YamlPosition position, String field) {
    Reference(String kind, String value, String file, YamlTree.Pos pos, String field) {
      this(kind, value, file, new YamlPosition(pos.line(), pos.column()), field);
    }

    String where() {
      return file + ":" + position.line() + ":" + position.column() + ": " + field;
    }
  }

  /** A 1-based line and column in the profile file. */
  public record YamlPosition(int line, int column) {}

  /** Copies. */
  public LoadedProfile {
    Objects.requireNonNull(profile, "profile");
    roster = List.copyOf(roster);
    references = List.copyOf(references);
  }

  /**
   * What does not fit the ACD configuration the simulation runs against, one sentence each with
   * file, line, column and field: lines it does not define, skills it does not know, break reasons
   * it does not list. Empty when the two fit. (The loader cannot check this alone: the profile
   * and {@code acd.yaml} only meet in the command line.)
   */
  public List<String> problemsAgainst(AcdConfig config) {
    Set<String> lines = new HashSet<>(config.lines().stream().map(LineConfig::id).toList());
    Set<String> skills = new HashSet<>(config.skills());
    Set<String> reasons = new HashSet<>(config.notReadyReasons());
    List<String> problems = new ArrayList<>();
    for (Reference r : references) {
      boolean known = switch (r.kind()) {
        case "line" -> lines.contains(r.value());
        case "skill" -> skills.contains(r.value());
        default -> reasons.contains(r.value());
      };
      if (!known) {
        problems.add(r.where() + ": the ACD configuration defines no " + r.kind() + " '" + r.value() + "'");
      }
    }
    Set<String> configured = new HashSet<>(config.agents().stream().map(AgentConfig::id).toList());
    for (AgentConfig a : roster) {
      if (configured.contains(a.id())) {
        problems.add("simulated agent " + a.id() + " is already an agent of the ACD configuration");
      }
    }
    return problems;
  }
}
