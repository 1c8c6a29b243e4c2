package org.hotlineacd.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.config.Strategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading and validating a large configuration (1,000 queues with overflow chains and relaxation,
 * 1,000 lines, 10,000 agents): what a reload costs before anything is applied. Baseline: reading
 * the same text into Jackson's plain YAML tree, i.e. the YAML parsing alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigLoadBenchmark {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private String text;

  /** Builds the text once. */
  @Setup
  public void setUp() {
    text = large(1_000, 10_000);
  }

  /** Parse, bind, check every field and every cross-reference. */
  @Benchmark
  public AcdConfig loadAndValidate() throws ConfigException {
    return ConfigLoader.parse(text, "large.yaml");
  }

  /** Baseline: the YAML parser alone. */
  @Benchmark
  public JsonNode baselineYamlTreeOnly() throws Exception {
    return YAML.readTree(text);
  }

  /** The same shape as the large-config test: each queue overflows to the next. */
  static String large(int queues, int agents) {
    StringBuilder y = new StringBuilder("settings: {timeZone: Asia/Shanghai}\nskills:\n");
    for (int q = 0; q < queues; q++) {
      y.append("  - s").append(q).append('\n');
    }
    y.append("lines:\n");
    for (int q = 0; q < queues; q++) {
      y.append("  - {id: l").append(q).append(", queue: q").append(q).append(", priority: ").append(q % 101).append("}\n");
    }
    y.append("queues:\n");
    for (int q = 0; q < queues; q++) {
      String overflow = q + 1 < queues ? "{kind: queue, target: q" + (q + 1) + "}" : "{kind: callback}";
      y.append("  - id: q").append(q).append('\n')
          .append("    skills: {s").append(q).append(": 3}\n")
          .append("    strategy: ").append(Strategy.values()[q % Strategy.values().length].configName()).append('\n')
          .append("    maxWait: 2m\n")
          .append("    overflow: ").append(overflow).append('\n')
          .append("    relaxation: [{after: 30s, minLevel: 1}]\n");
    }
    y.append("agents:\n");
    for (int a = 0; a < agents; a++) {
      y.append("  - {id: a").append(a).append(", endpoint: PJSIP/").append(10_000 + a)
          .append(", skills: {s").append(a % queues).append(": 5, s").append((a + 1) % queues).append(": 2}}\n");
    }
    return y.toString();
  }
}
