package org.hotlineacd.benchmarks;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.EngineSettings;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;

/** Builds large synthetic centres for the benchmarks: one skill and one line per queue. */
public final class LargeCentre {
  private LargeCentre() {}

  /** A fixed start time for benchmark clocks. */
  public static final long T0 = 1_790_000_000_000_000_000L;

  /**
   * A centre of {@code queues} queues (one skill each) and {@code agents} agents.
   *
   * @param queuesPerAgent how many queues (skills) each agent serves, chosen at random
   */
  public static AcdConfig config(int queues, int agents, int queuesPerAgent, Strategy strategy, Duration wrapUp, long seed) {
    List<String> skills = new ArrayList<>(queues);
    List<QueueConfig> queueConfigs = new ArrayList<>(queues);
    List<LineConfig> lines = new ArrayList<>(queues);
    for (int q = 0; q < queues; q++) {
      String id = "q" + q;
      skills.add(id);
      queueConfigs.add(QueueConfig.simple(id, Map.of(id, 1), strategy).withWrapUp(wrapUp));
      lines.add(LineConfig.simple("line" + q, id, q % 3 == 0 ? 50 : 10));
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<AgentConfig> agentConfigs = new ArrayList<>(agents);
    for (int a = 0; a < agents; a++) {
      Map<String, Integer> sk = new HashMap<>();
      sk.put("q" + (a % queues), 1 + r.nextInt(10));
      while (sk.size() < Math.min(queuesPerAgent, queues)) {
        sk.put("q" + r.nextInt(queues), 1 + r.nextInt(10));
      }
      agentConfigs.add(new AgentConfig("a" + a, null, "SIM/a" + a, sk, null));
    }
    return new AcdConfig(new EngineSettings(ZoneId.of("Asia/Shanghai"), 3), skills, List.of("break"),
        lines, queueConfigs, agentConfigs, Map.of());
  }
}
