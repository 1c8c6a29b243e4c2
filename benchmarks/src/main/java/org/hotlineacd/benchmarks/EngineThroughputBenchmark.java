package org.hotlineacd.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.ConnectCall;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Telephony;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine throughput on one core: inputs go through the loop's MPSC inbox and the handlers. A
 * responder PBX answers every ring and hangs up every connected call at once, through the same
 * inbox, so each call is three inputs (arrival, answer, hang-up) plus the routing, timers and
 * outputs they cause. Reported as time per input; inputs per second = 1e9 / that.
 *
 * <p>{@code baseline} pushes the same number of inputs through the inbox to an engine that ignores
 * them all (unknown line), measuring the inbox and dispatch alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineThroughputBenchmark {
  private static final int CALLS = 10_000;
  private static final int INPUTS = CALLS * 3;

  @Param({"200"})
  int agents;

  private EngineLoop loop;
  private long callCounter;
  private CallId[] ids;
  private String[] lines;

  /** Answers every ring and ends every connected call at once. */
  static final class Responder implements Telephony {
    private InputSink sink;

    @Override
    public void start(InputSink value) {
      this.sink = value;
    }

    @Override
    public void execute(TelephonyCommand command) {
      if (command instanceof RingAgent r) {
        sink.submit(new AgentLegAnswered(r.call(), r.agent()));
      } else if (command instanceof ConnectCall c) {
        sink.submit(new CallerHungUp(c.call()));
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    AcdConfig config = LargeCentre.config(20, agents, 2, Strategy.LONGEST_IDLE, Duration.ZERO, 7);
    Engine engine = new Engine(config, SegmentListener.NONE);
    loop = new EngineLoop(engine, TimeSource.virtualFrom(LargeCentre.T0)).telephony(new Responder());
    for (int a = 0; a < agents; a++) {
      loop.submit(new AgentLogin(a * 2L, AgentId.of("a" + a)));
      loop.submit(new AgentReady(a * 2L + 1, AgentId.of("a" + a)));
    }
    loop.runUntil(LargeCentre.T0);
    lines = new String[20];
    for (int q = 0; q < 20; q++) {
      lines[q] = "line" + q;
    }
    ids = new CallId[CALLS];
  }

  @Setup(Level.Invocation)
  public void makeIds() {
    for (int i = 0; i < CALLS; i++) {
      ids[i] = CallId.of("c" + (++callCounter));
    }
  }

  @Benchmark
  @OperationsPerInvocation(INPUTS)
  public long callsThroughInboxAndHandlers() {
    for (int i = 0; i < CALLS; i++) {
      loop.submit(new CallArrived(ids[i], lines[i % 20], "13800000000"));
    }
    return loop.runUntil(loop.nowNanos());
  }

  @Benchmark
  @OperationsPerInvocation(INPUTS)
  public long baseline_inboxAndDispatchOnly() {
    for (int i = 0; i < INPUTS; i++) {
      loop.submit(new CallArrived(ids[i % CALLS], "no-such-line", "13800000000"));
    }
    return loop.runUntil(loop.nowNanos());
  }
}
