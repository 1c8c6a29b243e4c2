package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.Overflow;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Relaxation;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.junit.jupiter.api.Test;

class ReconfigurationTest {
  private static final Map<String, Map<String, Integer>> AGENTS = Map.of(
      "g1", Map.of("general", 5), "g2", Map.of("general", 2), "p1", Map.of("policy", 9));

  private static QueueConfig general(Strategy strategy) {
    return QueueConfig.simple("general", Map.of("general", 4), strategy).withWrapUp(Duration.ofSeconds(10));
  }

  private static AcdConfig config(List<QueueConfig> queues, Map<String, Map<String, Integer>> agents) {
    return EngineHarness.config(queues, agents, 3);
  }

  private static QueueConfig policy() {
    return QueueConfig.simple("policy", Map.of("policy", 1), Strategy.BEST_SKILL);
  }

  private static void reconfigure(EngineHarness h, AcdConfig next) {
    h.engine.reconfigure(next.requireConsistent(), h.now);
    h.engine.drainOutputs(h.outputs::add);
    h.engine.checkInvariants();
  }

  @Test
  void waitingCallsKeepTheirPlaceAndWait_underNewRules() {
    EngineHarness h = new EngineHarness(config(List.of(general(Strategy.LONGEST_IDLE), policy()), AGENTS));
    h.arrive("c1", "general");
    h.at(10);
    h.arrive("c2", "general");
    h.at(20);
    reconfigure(h, config(List.of(general(Strategy.BEST_SKILL), policy()), AGENTS));
    assertThat(h.queueView("general").waiting()).isEqualTo(2);
    assertThat(h.queueView("general").longestWaitNanos()).isEqualTo(EngineHarness.seconds(20));
    h.at(25);
    h.loginReady("g1");
    assertThat(h.ringingAgent("c1")).isEqualTo("g1");
    h.answer("c1", "g1");
    assertThat(h.segments(SegmentAnswered.class).getFirst().waitNanos()).isEqualTo(EngineHarness.seconds(25));
  }

  @Test
  void connectedCallIsUntouched_whenTheAgentsSkillsChange() {
    EngineHarness h = new EngineHarness(config(List.of(general(Strategy.LONGEST_IDLE), policy()), AGENTS));
    h.loginReady("g1");
    h.arrive("c1", "general");
    h.answer("c1", "g1");
    reconfigure(h, config(List.of(general(Strategy.LONGEST_IDLE), policy()),
        Map.of("g1", Map.of("policy", 3), "g2", Map.of("general", 2), "p1", Map.of("policy", 9))));
    assertThat(h.state("g1")).isEqualTo(AgentState.ON_CALL);
    h.at(30);
    h.callerHangsUp("c1");
    h.send(new WrapUpDone(1, AgentId.of("g1")));
    h.arrive("c2", "general");
    assertThat(h.ringingAgent("c2")).isNull();
    h.arrive("c3", "policy");
    assertThat(h.ringingAgent("c3")).isEqualTo("g1");
  }

  @Test
  void removedQueue_takesNoNewCallsButDrains() {
    AcdConfig before = config(List.of(general(Strategy.LONGEST_IDLE), policy()), AGENTS);
    EngineHarness h = new EngineHarness(before);
    h.arrive("p-1", "policy");
    h.arrive("p-2", "policy");
    AcdConfig without = new AcdConfig(before.settings(), before.skills(), before.notReadyReasons(),
        List.of(LineConfig.simple("general", "general", 10)), List.of(general(Strategy.LONGEST_IDLE)),
        before.agents(), Map.of());
    reconfigure(h, without);
    assertThat(h.queueView("policy").waiting()).isEqualTo(2);
    h.arrive("p-3", "policy"); // the line is gone: ignored, nothing changes
    assertThat(h.queueView("policy").waiting()).isEqualTo(2);
    h.loginReady("p1");
    assertThat(h.ringingAgent("p-1")).isEqualTo("p1");
    h.answer("p-1", "p1");
    h.callerHangsUp("p-1");
    h.send(new WrapUpDone(1, AgentId.of("p1")));
    assertThat(h.ringingAgent("p-2")).isEqualTo("p1");
    h.answer("p-2", "p1");
    h.callerHangsUp("p-2");
    reconfigure(h, without);
    assertThat(h.queueView("policy")).isNull();
  }

  @Test
  void removedAgent_isLoggedOutWhenFree_andNewAgentsStartLoggedOut() {
    EngineHarness h = new EngineHarness(config(List.of(general(Strategy.LONGEST_IDLE), policy()), AGENTS));
    h.loginReady("g1", "g2");
    h.arrive("c1", "general");
    h.answer("c1", "g1");
    reconfigure(h, config(List.of(general(Strategy.LONGEST_IDLE), policy()),
        Map.of("g2", Map.of("general", 5), "n1", Map.of("general", 6))));
    assertThat(h.state("g1")).isEqualTo(AgentState.ON_CALL);
    assertThat(h.state("n1")).isEqualTo(AgentState.LOGGED_OUT);
    h.callerHangsUp("c1");
    h.send(new WrapUpDone(1, AgentId.of("g1")));
    assertThat(h.engine.snapshot(h.now).agents()).noneMatch(a -> a.id().equals("g1"));
    h.send(new AgentLogin(2, AgentId.of("n1")));
    assertThat(h.state("n1")).isEqualTo(AgentState.NOT_READY);
  }

  @Test
  void newRelaxation_appliesToCallsThatAlreadyWaitedLongEnough() {
    EngineHarness h = new EngineHarness(config(List.of(general(Strategy.LONGEST_IDLE), policy()), AGENTS));
    h.loginReady("g2"); // level 2, the queue asks 4
    h.arrive("c1", "general");
    h.at(30);
    assertThat(h.ringingAgent("c1")).isNull();
    reconfigure(h, config(List.of(general(Strategy.LONGEST_IDLE)
        .withRelaxation(List.of(new Relaxation(Duration.ofSeconds(20), 2, List.of()))), policy()), AGENTS));
    assertThat(h.ringingAgent("c1")).isEqualTo("g2");
  }

  @Test
  void shorterMaxWait_overflowsCallsThatAlreadyWaitedLonger() {
    EngineHarness h = new EngineHarness(config(List.of(general(Strategy.LONGEST_IDLE), policy()), AGENTS));
    h.arrive("c1", "general");
    h.at(120);
    reconfigure(h, config(List.of(general(Strategy.LONGEST_IDLE)
        .withOverflow(Duration.ofSeconds(60), 0, new Overflow(Overflow.Kind.QUEUE, "policy")), policy()), AGENTS));
    h.at(120);
    SegmentOverflowed o = h.segments(SegmentOverflowed.class).getFirst();
    assertThat(o.cause()).isEqualTo("max-wait");
    assertThat(o.waitNanos()).isEqualTo(EngineHarness.seconds(120));
    assertThat(h.queueView("policy").waiting()).isEqualTo(1);
  }
}
