package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A centre far larger than the sample still loads and validates completely (correctness only). */
class ConfigLargeTest {
  private static final int QUEUES = 1_000;
  private static final int AGENTS = 10_000;

  @TempDir Path dir;

  /** 1,000 queues (each overflowing to the next, the last to a callback) and 10,000 agents. */
  private static String largeConfig(String lastAgentSkill) {
    StringBuilder y = new StringBuilder("settings: {timeZone: Asia/Shanghai}\nskills:\n");
    for (int q = 0; q < QUEUES; q++) {
      y.append("  - s").append(q).append('\n');
    }
    y.append("lines:\n");
    for (int q = 0; q < QUEUES; q++) {
      y.append("  - {id: l").append(q).append(", queue: q").append(q).append(", priority: ").append(q % 101).append("}\n");
    }
    y.append("queues:\n");
    for (int q = 0; q < QUEUES; q++) {
      String overflow = q + 1 < QUEUES ? "{kind: queue, target: q" + (q + 1) + "}" : "{kind: callback}";
      y.append("  - id: q").append(q).append('\n')
          .append("    skills: {s").append(q).append(": 3}\n")
          .append("    strategy: ").append(Strategy.values()[q % Strategy.values().length].configName()).append('\n')
          .append("    maxWait: 2m\n")
          .append("    overflow: ").append(overflow).append('\n')
          .append("    relaxation: [{after: 30s, minLevel: 1}]\n");
    }
    y.append("agents:\n");
    for (int a = 0; a < AGENTS; a++) {
      String second = a == AGENTS - 1 ? lastAgentSkill : "s" + ((a + 1) % QUEUES);
      y.append("  - {id: a").append(a).append(", endpoint: PJSIP/").append(10_000 + a)
          .append(", skills: {s").append(a % QUEUES).append(": 5, ").append(second).append(": 2}}\n");
    }
    return y.toString();
  }

  @Test
  void thousandQueuesAndTenThousandAgents_loadAndValidate() throws IOException, ConfigException {
    Path file = dir.resolve("large.yaml");
    Files.writeString(file, largeConfig("s1"));

    AcdConfig config = ConfigLoader.load(file);

    assertThat(config.queues()).hasSize(QUEUES);
    assertThat(config.agents()).hasSize(AGENTS);
    assertThat(config.lines()).hasSize(QUEUES);
    assertThat(config.checkReferences()).isEmpty();
    assertThat(config.queues().getLast().overflow().kind()).isEqualTo(Overflow.Kind.CALLBACK);
    assertThat(config.agents().getLast().endpoint()).isEqualTo("PJSIP/" + (10_000 + AGENTS - 1));
  }

  @Test
  void problemInTheLastAgent_isFoundWithItsLine() throws IOException {
    Path file = dir.resolve("large.yaml");
    String yaml = largeConfig("ghost");
    Files.writeString(file, yaml);
    int lastLine = (int) yaml.lines().count();

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(lastLine);
      assertThat(p.path()).isEqualTo("agents[" + (AGENTS - 1) + "].skills.ghost");
      assertThat(p.message()).isEqualTo("unknown skill 'ghost' (agent a" + (AGENTS - 1) + ")");
    });
  }
}
