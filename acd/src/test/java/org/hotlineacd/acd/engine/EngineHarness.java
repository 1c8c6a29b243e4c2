package org.hotlineacd.acd.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.EngineSettings;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.Output;
import org.hotlineacd.cti.output.RequestRefused;
import org.hotlineacd.cti.output.RingAgent;

/**
 * Drives an engine directly on a manual clock and records everything it emits; checks the
 * engine's invariants after every step. No threads, no sleeps.
 */
final class EngineHarness {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final long T0 = toNanos(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, ZONE));

  final Engine engine;
  final List<Output> outputs = new ArrayList<>();
  final List<SegmentEvent> segments = new ArrayList<>();
  long now = T0;
  private long requestId;

  EngineHarness(AcdConfig config) {
    this(config, SegmentListener.NONE);
  }

  /** A harness whose segments also go to {@code also} (the figures, say). */
  EngineHarness(AcdConfig config, SegmentListener also) {
    this.engine = new Engine(config.requireConsistent(), e -> {
      segments.add(e);
      also.on(e);
    });
  }

  static long toNanos(ZonedDateTime t) {
    return t.toInstant().getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static long seconds(double s) {
    return (long) (s * 1_000_000_000L);
  }

  /** A config with the given queues, agents (id -> skills) and one line per queue named after it. */
  static AcdConfig config(List<QueueConfig> queues, Map<String, Map<String, Integer>> agents, int maxNoAnswer) {
    List<String> skills = new ArrayList<>();
    for (QueueConfig q : queues) {
      for (String s : q.skills().keySet()) {
        if (!skills.contains(s)) {
          skills.add(s);
        }
      }
    }
    agents.values().forEach(m -> m.keySet().forEach(s -> {
      if (!skills.contains(s)) {
        skills.add(s);
      }
    }));
    List<LineConfig> lines = new ArrayList<>();
    for (QueueConfig q : queues) {
      lines.add(LineConfig.simple(q.id(), q.id(), 10));
    }
    List<AgentConfig> agentConfigs = new ArrayList<>();
    agents.forEach((id, sk) -> agentConfigs.add(AgentConfig.simple(id, sk)));
    agentConfigs.sort((a, b) -> a.id().compareTo(b.id()));
    return new AcdConfig(new EngineSettings(ZONE, maxNoAnswer), skills, List.of("break", "lunch"),
        lines, queues, agentConfigs, Map.of());
  }

  static QueueConfig queue(String id, String skill, Strategy strategy) {
    return QueueConfig.simple(id, Map.of(skill, 1), strategy).withRingTimeout(Duration.ofSeconds(15));
  }

  void at(double secondsFromStart) {
    now = T0 + seconds(secondsFromStart);
    engine.advanceTo(now);
    engine.drainOutputs(outputs::add);
    engine.checkInvariants();
  }

  void send(Input input) {
    engine.apply(input, now);
    engine.drainOutputs(outputs::add);
    engine.checkInvariants();
  }

  long nextRequestId() {
    return ++requestId;
  }

  void loginReady(String... agents) {
    for (String a : agents) {
      send(new AgentLogin(nextRequestId(), AgentId.of(a)));
      send(new AgentReady(nextRequestId(), AgentId.of(a)));
    }
  }

  void arrive(String call, String line) {
    send(new CallArrived(CallId.of(call), line, "1380000" + call));
  }

  void answer(String call, String agent) {
    send(new AgentLegAnswered(CallId.of(call), AgentId.of(agent)));
  }

  void callerHangsUp(String call) {
    send(new CallerHungUp(CallId.of(call)));
  }

  void agentHangsUp(String call, String agent) {
    send(new AgentHungUp(CallId.of(call), AgentId.of(agent)));
  }

  <T> List<T> outputs(Class<T> type) {
    return outputs.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T> List<T> segments(Class<T> type) {
    return segments.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The agent the last RingAgent for this call went to, or null. */
  String ringingAgent(String call) {
    String agent = null;
    for (RingAgent r : outputs(RingAgent.class)) {
      if (r.call().value().equals(call)) {
        agent = r.agent().value();
      }
    }
    return agent;
  }

  RequestRefused lastRefusal() {
    List<RequestRefused> r = outputs(RequestRefused.class);
    return r.isEmpty() ? null : r.get(r.size() - 1);
  }

  AgentState state(String agent) {
    return agentView(agent).state();
  }

  EngineSnapshot.AgentView agentView(String agent) {
    return engine.snapshot(now).agents().stream().filter(a -> a.id().equals(agent)).findFirst().orElseThrow();
  }

  EngineSnapshot.QueueView queueView(String queue) {
    return engine.snapshot(now).queue(queue);
  }

  void clearOutputs() {
    outputs.clear();
  }
}
