package org.hotlineacd.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.Output;
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
 * Routing decisions in a large centre: {@code queues} queues, {@code agents} logged-in agents all
 * busy, and {@code waiting} calls queued. One operation is the steady-state cycle "an agent's call
 * ends, the agent (wrap-up 0) takes the best waiting call across its queues, answers it, and a new
 * call arrives and finds no idle agent": two routing decisions and three inputs. The per-operation
 * time is therefore an upper bound for one decision.
 *
 * <p>{@code baseline} measures the same cycle with 0 waiting calls besides the one in play (only
 * the call bookkeeping), so the difference is the cost of the indexes at scale.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingDecisionBenchmark {
  @Param({"100", "1000", "10000"})
  int agents;

  @Param({"1000"})
  int queues;

  @Param({"50000"})
  int waiting;

  private Engine engine;
  private long now;
  private long callCounter;
  private long requestId;
  /** The call each agent is talking to, by agent index. */
  private CallId[] callOf;
  private String[] lines;
  private RingAgent lastRing;
  private int nextAgent;

  @Setup(Level.Trial)
  public void setUp() {
    AcdConfig config = LargeCentre.config(queues, agents, 3, Strategy.LONGEST_IDLE, Duration.ZERO, 42);
    engine = new Engine(config, SegmentListener.NONE);
    now = LargeCentre.T0;
    lines = new String[queues];
    for (int q = 0; q < queues; q++) {
      lines[q] = "line" + q;
    }
    callOf = new CallId[agents];
    for (int a = 0; a < agents; a++) {
      AgentId id = AgentId.of("a" + a);
      engine.apply(new AgentLogin(++requestId, id), tick());
      engine.apply(new AgentReady(++requestId, id), tick());
      drain();
    }
    // Every agent takes one call: all busy.
    for (int a = 0; a < agents; a++) {
      CallId c = arrive(a % queues);
      RingAgent ring = lastRing;
      if (ring == null || !ring.call().equals(c)) {
        throw new IllegalStateException("agent a" + a + " was not rung for its call");
      }
      engine.apply(new AgentLegAnswered(c, ring.agent()), tick());
      drain();
      callOf[Integer.parseInt(ring.agent().value().substring(1))] = c;
    }
    for (int i = 0; i < waiting; i++) {
      arrive((int) ((i * 7919L) % queues));
    }
  }

  private long tick() {
    return now += 1_000_000;
  }

  private CallId arrive(int queue) {
    CallId c = CallId.of("c" + (++callCounter));
    lastRing = null;
    engine.apply(new CallArrived(c, lines[queue], "1380000"), tick());
    drain();
    return c;
  }

  private void drain() {
    engine.drainOutputs(this::take);
  }

  private void take(Output o) {
    if (o instanceof RingAgent r) {
      lastRing = r;
    }
  }

  @Benchmark
  public Object agentFreedTakesBestCall_thenNewArrivalQueues() {
    int a = nextAgent;
    nextAgent = (nextAgent + 1) % agents;
    lastRing = null;
    engine.apply(new CallerHungUp(callOf[a]), tick());
    drain();
    RingAgent ring = lastRing;
    if (ring != null) {
      engine.apply(new AgentLegAnswered(ring.call(), ring.agent()), tick());
      drain();
      callOf[a] = ring.call();
    }
    return arrive((int) (callCounter % queues));
  }
}
