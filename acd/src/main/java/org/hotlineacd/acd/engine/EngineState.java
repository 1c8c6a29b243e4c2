package org.hotlineacd.acd.engine;

import org.hotlineacd.cti.LogSafe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.Output;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the engine owns, split by aggregate: the agent roster, the queues with their
 * indexes, the calls in flight, the timers and the outbox. Only the engine thread touches it.
 */
final class EngineState {
  private static final Logger LOG = LoggerFactory.getLogger(EngineState.class);

  AcdConfig config;
  final Map<String, Integer> skillIndex = new HashMap<>();
  final List<QueueState> queues = new ArrayList<>();
  final Map<String, QueueState> queuesById = new HashMap<>();
  final Map<String, LineConfig> lines = new HashMap<>();
  final List<Agent> agents = new ArrayList<>();
  final Map<AgentId, Agent> agentsById = new HashMap<>();
  final Map<String, List<Agent>> agentsByEndpoint = new HashMap<>();
  final Set<String> notReadyReasons = new HashSet<>();
  final Map<CallId, Call> calls = new LinkedHashMap<>();
  final TimerQueue timers = new TimerQueue();
  /** Call id prefixes of PBXs being resynchronised: their waiting calls are not routed. */
  final Set<String> suspendedScopes = new HashSet<>();
  final SegmentListener segments;

  private final List<Output> outbox = new ArrayList<>();
  private long commandCounter;
  /** Agent ordinals break ties in every ordering: never reused, even after an agent is removed. */
  private int nextAgentOrdinal;
  private long callSeq;
  private long ignoredInputs;
  private long closedArrivals;
  private long unloggedIgnored;
  private long lastIgnoredLogNanos = Long.MIN_VALUE / 2;

  EngineState(AcdConfig config, SegmentListener segments) {
    this.config = config;
    this.segments = segments;
    indexSkills(config);
    notReadyReasons.addAll(config.notReadyReasons());
    for (LineConfig line : config.lines()) {
      lines.put(line.id(), line);
    }
    for (QueueConfig qc : config.queues()) {
      QueueState q = buildQueue(qc, queues.size());
      queues.add(q);
      queuesById.put(qc.id(), q);
    }
    for (AgentConfig ac : config.agents()) {
      addAgent(ac);
    }
    for (Agent a : agents) {
      a.memberships = Eligibility.memberships(a, queues, queuesById);
    }
  }

  /** Gives every skill an index; indexes are never reused, so removed queues keep theirs. */
  void indexSkills(AcdConfig c) {
    for (String skill : c.skills()) {
      skillIndex.putIfAbsent(skill, skillIndex.size());
    }
  }

  QueueState buildQueue(QueueConfig qc, int index) {
    int[] skills = new int[qc.skills().size()];
    int[] levels = new int[skills.length];
    int i = 0;
    for (Map.Entry<String, Integer> e : qc.skills().entrySet()) {
      skills[i] = skillIndex(e.getKey());
      levels[i] = e.getValue();
      i++;
    }
    return new QueueState(qc, index, skills, levels);
  }

  int[] levelsOf(AgentConfig ac) {
    int[] levels = new int[skillIndex.size()];
    ac.skills().forEach((skill, level) -> levels[skillIndex(skill)] = level);
    return levels;
  }

  Agent addAgent(AgentConfig ac) {
    Agent a = new Agent(ac, nextAgentOrdinal++, levelsOf(ac));
    agents.add(a);
    agentsById.put(a.id, a);
    if (!ac.endpoint().isEmpty()) {
      agentsByEndpoint.computeIfAbsent(ac.endpoint(), k -> new ArrayList<>(1)).add(a);
    }
    return a;
  }

  int skillIndex(String skill) {
    Integer idx = skillIndex.get(skill);
    if (idx == null) {
      throw new IllegalArgumentException("unknown skill '" + skill + "' (not listed under skills)");
    }
    return idx;
  }

  /** Whether the call's PBX is being resynchronised (a handful of scopes at most). */
  boolean suspended(Call c) {
    if (suspendedScopes.isEmpty()) {
      return false;
    }
    for (String scope : suspendedScopes) {
      if (c.id.value().startsWith(scope)) {
        return true;
      }
    }
    return false;
  }

  long nextCommandId() {
    return ++commandCounter;
  }

  long nextCallSeq() {
    return ++callSeq;
  }

  void emit(Output output) {
    outbox.add(output);
  }

  void segment(SegmentEvent event) {
    segments.on(event);
  }

  void drainOutputs(Consumer<? super Output> sink) {
    if (outbox.isEmpty()) {
      return;
    }
    // Copy first: a port may react synchronously (the simulator does) and must not see a list
    // that changes under it.
    List<Output> batch = new ArrayList<>(outbox);
    outbox.clear();
    for (Output o : batch) {
      sink.accept(o);
    }
  }

  int pendingOutputs() {
    return outbox.size();
  }

  /**
   * Notes an input that names an unknown or unsuitable call or agent; it changes nothing. Each one
   * is logged once, but at most one line per second of engine time (a flood of bad input must not
   * turn into a flood of log lines); the next line says how many went unlogged.
   */
  void ignored(String what, Object input, long nowNanos) {
    ignoredInputs++;
    if (nowNanos - lastIgnoredLogNanos < 1_000_000_000L) {
      unloggedIgnored++;
      return;
    }
    lastIgnoredLogNanos = nowNanos;
    if (LOG.isWarnEnabled()) {
      if (unloggedIgnored > 0) {
        LOG.warn("ignored input ({}): {} ({} more ignored inputs not logged)", what, LogSafe.describe(input), unloggedIgnored);
      } else {
        LOG.warn("ignored input ({}): {}", what, LogSafe.describe(input));
      }
    }
    unloggedIgnored = 0;
  }

  /** Notes an agent request refused by the transition table (normal operation, not a fault). */
  void refused(String why, Object request) {
    ignoredInputs++;
    if (LOG.isInfoEnabled()) {
      LOG.info("refused {}: {}", LogSafe.describe(request), why);
    }
  }

  /** Notes a call that arrived on a line while its business-hours calendar was closed. */
  void closed(String line, String calendar, org.hotlineacd.acd.config.Overflow action, CallId call) {
    closedArrivals++;
    if (LOG.isInfoEnabled()) {
      LOG.info("call {} arrived on line {} while {} is closed: {} {}", call, line, calendar,
          action.kind().configName(), action.target());
    }
  }

  long closedArrivals() {
    return closedArrivals;
  }

  long ignoredInputs() {
    return ignoredInputs;
  }
}
