package org.hotlineacd.acd.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Telephony;
import org.junit.jupiter.api.Test;

class EngineLoopTest {
  private static final long T0 = 1_790_000_000_000_000_000L;

  private static AcdConfig config() {
    QueueConfig q = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withRingTimeout(Duration.ofSeconds(15));
    return new AcdConfig(null, List.of("general"), List.of("break"), List.of(LineConfig.simple("12345", "general", 1)),
        List.of(q), List.of(AgentConfig.simple("a1", Map.of("general", 1))), Map.of());
  }

  /** Records commands with the loop time at which they were delivered. */
  private static final class Recorder implements Telephony {
    final List<String> log = new ArrayList<>();
    EngineLoop loop;

    @Override
    public void start(InputSink sink) {}

    @Override
    public void execute(TelephonyCommand command) {
      log.add((loop.nowNanos() - T0) / 1_000_000_000L + "s " + command.getClass().getSimpleName());
    }
  }

  @Test
  void virtualTime_jumpsToTimersAndTasks_inDeadlineOrder_andFlushesOutputsToThePorts() {
    Recorder pbx = new Recorder();
    EngineLoop loop = new EngineLoop(new Engine(config(), SegmentListener.NONE), TimeSource.virtualFrom(T0));
    pbx.loop = loop;
    loop.telephony(pbx);
    loop.submit(new AgentLogin(1, AgentId.of("a1")));
    loop.submit(new AgentReady(2, AgentId.of("a1")));
    loop.schedule(T0 + 5_000_000_000L, () -> loop.submit(new CallArrived(CallId.of("c1"), "12345", "1")));
    long reached = loop.runUntil(T0 + 60_000_000_000L);
    assertThat(reached).isEqualTo(T0 + 60_000_000_000L);
    // Rung at 5 s; nobody answers: the engine's ring timer cancels at 20 s and rings again.
    assertThat(pbx.log).startsWith("5s RingAgent", "20s CancelRing", "20s RingAgent", "35s CancelRing");
    assertThat(loop.inputsApplied()).isEqualTo(3);
  }

  @Test
  void runOnLoop_runsBetweenInputs_andCompletesItsFuture() {
    EngineLoop loop = new EngineLoop(new Engine(config(), SegmentListener.NONE), TimeSource.virtualFrom(T0));
    long[] seen = new long[1];
    CompletableFuture<Void> done = loop.runOnLoop(now -> seen[0] = now);
    loop.runUntil(T0);
    assertThat(done).isCompleted();
    assertThat(seen[0]).isEqualTo(T0);
    CompletableFuture<Void> failing = loop.runOnLoop(now -> {
      throw new IllegalStateException("boom");
    });
    loop.runUntil(T0);
    assertThat(failing).isCompletedExceptionally();
  }

  @Test
  void aFailingPortDoesNotStopTheLoop() {
    EngineLoop loop = new EngineLoop(new Engine(config(), SegmentListener.NONE), TimeSource.virtualFrom(T0));
    List<String> seen = new ArrayList<>();
    loop.telephony(new Telephony() {
      @Override
      public void start(InputSink sink) {}

      @Override
      public void execute(TelephonyCommand command) {
        seen.add(command.getClass().getSimpleName());
        if (command instanceof RingAgent) {
          throw new IllegalStateException("adapter broke");
        }
      }
    });
    loop.submit(new AgentLogin(1, AgentId.of("a1")));
    loop.submit(new AgentReady(2, AgentId.of("a1")));
    loop.submit(new CallArrived(CallId.of("c1"), "12345", "1"));
    loop.runUntil(T0 + 16_000_000_000L);
    assertThat(seen).contains("RingAgent", CancelRing.class.getSimpleName());
  }
}
