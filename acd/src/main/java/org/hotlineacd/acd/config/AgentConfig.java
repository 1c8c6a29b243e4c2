package org.hotlineacd.acd.config;

import java.util.Map;
import java.util.Objects;

/**
 * One agent.
 *
 * @param endpoint the phone the ACD rings (e.g. {@code PJSIP/1001})
 * @param skills skill levels, 1-10
 * @param secretHash the desktop login secret, hashed (see the configuration reference); may be
 *     {@code null} for agents that only exist in simulations
 */
public record AgentConfig(
    String id, String name, String endpoint, Map<String, Integer> skills, String secretHash) {
  /** Validates and copies. */
  public AgentConfig {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    endpoint = endpoint == null ? "" : endpoint;
    skills = skills == null ? Map.of() : Map.copyOf(skills);
    skills.forEach(
        (skill, level) -> {
          if (level == null || level < 1 || level > 10) {
            throw new IllegalArgumentException(
                "agent " + id + ": skill " + skill + " level must be 1-10, was " + level);
          }
        });
  }

  /** An agent with a name equal to its id and an endpoint {@code SIM/id}. */
  public static AgentConfig simple(String id, Map<String, Integer> skills) {
    return new AgentConfig(id, id, "SIM/" + id, skills, null);
  }
}
