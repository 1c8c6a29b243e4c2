package org.hotlineacd.acd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.benchmarks.LargeCentre;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.RingAgent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision, alone, in a centre of {@code agents} logged-in agents, 1,000 queues and
 * 50,000 waiting calls (this class sits in the engine's package to reach the package-private
 * {@link Routing}):
 *
 * <ul>
 *   <li>{@code pickCall}: an agent becomes free: the best waiting call across the queues it serves
 *       (all agents busy, 50,000 calls waiting);
 *   <li>{@code pickAgent}: a call arrives: the best idle agent for it (all agents idle);
 *   <li>{@code baseline}: reading one agent from an array, for scale.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingPickBenchmark {
  private static final int QUEUES = 1000;
  private static final int WAITING = 50_000;

  @Param({"100", "1000", "10000"})
  int agents;

  private Agent[] busyAgents;
  private Call[] arrivingCalls;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    AcdConfig config = config(agents);
    // A: every agent busy, 50,000 calls waiting.
    Engine busy = new Engine(config, SegmentListener.NONE);
    long now = 1_790_000_000_000_000_000L;
    long req = 0;
    for (int a = 0; a < agents; a++) {
      busy.apply(new AgentLogin(++req, AgentId.of("a" + a)), ++now);
      busy.apply(new AgentReady(++req, AgentId.of("a" + a)), ++now);
    }
    List<RingAgent> rings = new ArrayList<>();
    for (int c = 0; c < agents + WAITING; c++) {
      busy.apply(new CallArrived(CallId.of("c" + c), "line" + (c * 7919 % QUEUES), "138"), ++now);
      busy.drainOutputs(o -> {
        if (o instanceof RingAgent r) {
          rings.add(r);
        }
      });
    }
    for (RingAgent r : rings) {
      busy.apply(new AgentLegAnswered(r.call(), r.agent()), ++now);
    }
    busy.drainOutputs(o -> {});
    busyAgents = busy.state().agents.toArray(new Agent[0]);
    int waiting = busy.state().queues.stream().mapToInt(q -> q.waitingCount).sum();
    if (waiting < WAITING - agents) {
      throw new IllegalStateException("only " + waiting + " calls wait");
    }
    // B: every agent idle; the calls that arrive are taken from a copy where each rang someone.
    Engine idle = new Engine(config, SegmentListener.NONE);
    for (int a = 0; a < agents; a++) {
      idle.apply(new AgentLogin(++req, AgentId.of("a" + a)), ++now);
      idle.apply(new AgentReady(++req, AgentId.of("a" + a)), ++now);
    }
    Engine probe = new Engine(config, SegmentListener.NONE);
    for (int a = 0; a < agents; a++) {
      probe.apply(new AgentLogin(++req, AgentId.of("a" + a)), ++now);
      probe.apply(new AgentReady(++req, AgentId.of("a" + a)), ++now);
    }
    arrivingCalls = new Call[1024];
    for (int i = 0; i < arrivingCalls.length; i++) {
      CallId id = CallId.of("p" + i);
      probe.apply(new CallArrived(id, "line" + (i * 31 % QUEUES), "138"), ++now);
      Call c = probe.state().calls.get(id);
      // The same call, pointed at the idle engine's queue: pickAgent reads only queue and tier.
      c.queue = idle.state().queuesById.get(c.queue.id());
      arrivingCalls[i] = c;
    }
  }

  static AcdConfig config(int agents) {
    return LargeCentre.config(QUEUES, agents, 3, Strategy.LONGEST_IDLE, Duration.ZERO, 11);
  }

  @Benchmark
  public Call pickCall() {
    Agent a = busyAgents[next];
    next = (next + 1) % busyAgents.length;
    return Routing.pickCall(a);
  }

  @Benchmark
  public Agent pickAgent() {
    Call c = arrivingCalls[next & 1023];
    next++;
    return Routing.pickAgent(c);
  }

  @Benchmark
  public Agent baseline() {
    Agent a = busyAgents[next];
    next = (next + 1) % busyAgents.length;
    return a;
  }
}
