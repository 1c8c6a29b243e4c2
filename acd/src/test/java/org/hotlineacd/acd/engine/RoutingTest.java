package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.Overflow;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Relaxation;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.config.TransferTarget;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.RouteCall;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static Map<String, Map<String, Integer>> agents(Object... idSkillLevel) {
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    for (int i = 0; i < idSkillLevel.length; i += 3) {
      m.computeIfAbsent((String) idSkillLevel[i], k -> new LinkedHashMap<>())
          .put((String) idSkillLevel[i + 1], (Integer) idSkillLevel[i + 2]);
    }
    return m;
  }

  private static EngineHarness single(Strategy strategy, Map<String, Map<String, Integer>> agents) {
    QueueConfig q = EngineHarness.queue("general", "general", strategy);
    return new EngineHarness(EngineHarness.config(List.of(q), agents, 5));
  }

  /** Answers, ends and wraps up a call at once, so the agent is ready again. */
  private static void serve(EngineHarness h, String call) {
    String agent = h.ringingAgent(call);
    h.answer(call, agent);
    h.callerHangsUp(call);
    h.send(new WrapUpDone(h.nextRequestId(), AgentId.of(agent)));
  }

  @Test
  void longestIdle_picksTheAgentReadyLongest() {
    EngineHarness h = single(Strategy.LONGEST_IDLE, agents("a1", "general", 1, "a2", "general", 1, "a3", "general", 1));
    h.loginReady("a2");
    h.at(1);
    h.loginReady("a3");
    h.at(2);
    h.loginReady("a1");
    h.arrive("c1", "general");
    assertThat(h.ringingAgent("c1")).isEqualTo("a2");
    serve(h, "c1");
    h.at(3);
    h.arrive("c2", "general");
    assertThat(h.ringingAgent("c2")).isEqualTo("a3");
  }

  @Test
  void fewestCalls_picksTheAgentWithFewestCallsSinceLogin() {
    EngineHarness h = single(Strategy.FEWEST_CALLS, agents("a1", "general", 1, "a2", "general", 1));
    h.loginReady("a1");
    h.arrive("c1", "general");
    serve(h, "c1");
    h.arrive("c2", "general");
    serve(h, "c2");
    h.at(10);
    h.loginReady("a2");
    h.arrive("c3", "general");
    serve(h, "c3");
    // a1: 2 calls (idle since t=0), a2: 1 call (idle since t=10)
    h.at(20);
    h.arrive("c4", "general");
    assertThat(h.ringingAgent("c4")).isEqualTo("a2");
  }

  @Test
  void leastTalkTime_prefersLessTalkOverLongerIdle() {
    EngineHarness h = single(Strategy.LEAST_TALK_TIME, agents("a1", "general", 1, "a2", "general", 1));
    h.loginReady("a1", "a2");
    h.arrive("c1", "general"); // a1 (longest idle)
    h.answer("c1", "a1");
    h.at(200);
    h.callerHangsUp("c1"); // a1: 200 s of talk, ready from t=200
    h.send(new WrapUpDone(h.nextRequestId(), AgentId.of("a1")));
    h.at(250);
    h.arrive("c2", "general"); // a2 idles since t=0: longest idle, takes it
    assertThat(h.ringingAgent("c2")).isEqualTo("a2");
    h.answer("c2", "a2");
    h.at(300);
    h.callerHangsUp("c2"); // a2: 50 s of talk, ready from t=300
    h.send(new WrapUpDone(h.nextRequestId(), AgentId.of("a2")));
    h.at(301);
    h.arrive("c3", "general"); // longest idle would be a1; least talk is a2
    assertThat(h.ringingAgent("c3")).isEqualTo("a2");
  }

  @Test
  void roundRobin_cyclesThroughTheAgents() {
    EngineHarness h = single(Strategy.ROUND_ROBIN, agents("a1", "general", 1, "a2", "general", 1, "a3", "general", 1));
    h.loginReady("a3", "a2", "a1");
    List<String> order = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      h.at(i);
      h.arrive("c" + i, "general");
      order.add(h.ringingAgent("c" + i));
      serve(h, "c" + i);
    }
    assertThat(order).containsExactly("a1", "a2", "a3", "a1", "a2", "a3");
  }

  @Test
  void bestSkill_picksTheHighestLevelThenLongestIdle() {
    EngineHarness h = single(Strategy.BEST_SKILL,
        agents("a1", "general", 3, "a2", "general", 8, "a3", "general", 8, "a4", "general", 5));
    h.loginReady("a1");
    h.at(1);
    h.loginReady("a3");
    h.at(2);
    h.loginReady("a2", "a4");
    h.arrive("c1", "general");
    assertThat(h.ringingAgent("c1")).isEqualTo("a3");
    h.arrive("c2", "general");
    assertThat(h.ringingAgent("c2")).isEqualTo("a2");
    h.arrive("c3", "general");
    assertThat(h.ringingAgent("c3")).isEqualTo("a4");
  }

  private static AcdConfig twoQueues(int generalPriority, int enterprisePriority) {
    QueueConfig general = EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE);
    QueueConfig enterprise = EngineHarness.queue("enterprise", "enterprise", Strategy.LONGEST_IDLE);
    AcdConfig base = EngineHarness.config(List.of(general, enterprise),
        agents("a1", "general", 5, "a1", "enterprise", 5), 5);
    return new AcdConfig(base.settings(), base.skills(), base.notReadyReasons(),
        List.of(LineConfig.simple("12345", "general", generalPriority),
            LineConfig.simple("12345-enterprise", "enterprise", enterprisePriority),
            LineConfig.simple("12345-vip", "general", 90)),
        base.queues(), base.agents(), Map.of());
  }

  @Test
  void priority_higherPriorityCallIsServedFirstEvenIfItArrivedLater() {
    EngineHarness h = new EngineHarness(twoQueues(10, 50));
    h.arrive("c1", "12345");
    h.at(5);
    h.arrive("c2", "12345-vip");
    h.at(6);
    h.loginReady("a1");
    assertThat(h.ringingAgent("c2")).isEqualTo("a1");
  }

  @Test
  void multiQueueAgent_takesTheHighestPriorityAcrossQueues() {
    EngineHarness h = new EngineHarness(twoQueues(10, 50));
    h.arrive("c1", "12345");
    h.at(5);
    h.arrive("c2", "12345-enterprise");
    h.at(6);
    h.loginReady("a1");
    assertThat(h.ringingAgent("c2")).isEqualTo("a1");
    assertThat(h.ringingAgent("c1")).isNull();
  }

  @Test
  void multiQueueAgent_takesTheLongestWaitAcrossQueuesAtEqualPriority() {
    EngineHarness h = new EngineHarness(twoQueues(10, 10));
    h.arrive("c1", "12345-enterprise");
    h.at(5);
    h.arrive("c2", "12345");
    h.at(6);
    h.loginReady("a1");
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
  }

  @Test
  void unansweredRing_putsTheCallBackAtItsPlaceWithItsOriginalWait() {
    EngineHarness h = single(Strategy.LONGEST_IDLE, agents("a1", "general", 1, "a2", "general", 1));
    h.loginReady("a1");
    h.arrive("c1", "general"); // rings a1 at t=0
    h.at(5);
    h.arrive("c2", "general"); // waits
    h.at(15); // a1 misses: c1 goes back ahead of c2; a1 is ready again and takes c1 again
    assertThat(h.outputs(CancelRing.class)).hasSize(1);
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
    h.at(16);
    h.loginReady("a2");
    assertThat(h.ringingAgent("c2")).isEqualTo("a2");
    h.at(20);
    h.answer("c1", "a1");
    SegmentAnswered answered = h.segments(SegmentAnswered.class).getFirst();
    assertThat(answered.waitNanos()).isEqualTo(EngineHarness.seconds(20));
    assertThat(answered.offers()).isEqualTo(2);
  }

  @Test
  void unansweredRing_offersTheCallToAnotherReadyAgentFirst() {
    EngineHarness h = single(Strategy.LONGEST_IDLE, agents("a1", "general", 1, "a2", "general", 1));
    h.loginReady("a1");
    h.at(1);
    h.arrive("c1", "general");
    h.at(2);
    h.arrive("c2", "general");
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
    h.at(3);
    h.loginReady("a2");
    assertThat(h.ringingAgent("c2")).isEqualTo("a2");
    h.at(16); // a1 misses c1; nobody else is free: a1 gets it again
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
  }

  @Test
  void callerHangsUpWhileRinging_isAnAbandon_andTheAgentKeepsItsIdlePlace() {
    EngineHarness h = single(Strategy.LONGEST_IDLE, agents("a1", "general", 1, "a2", "general", 1));
    h.loginReady("a1");
    h.at(1);
    h.loginReady("a2");
    h.arrive("c1", "general");
    h.at(4);
    h.callerHangsUp("c1");
    assertThat(h.outputs(CancelRing.class)).hasSize(1);
    SegmentAbandoned ab = h.segments(SegmentAbandoned.class).getFirst();
    assertThat(ab.whileRinging()).isTrue();
    assertThat(ab.waitNanos()).isEqualTo(EngineHarness.seconds(3));
    assertThat(h.state("a1")).isEqualTo(AgentState.READY);
    h.arrive("c2", "general");
    assertThat(h.ringingAgent("c2")).isEqualTo("a1");
  }

  @Test
  void ringAndScreenPop_carryCallerNumberDataQueueAndWait() {
    EngineHarness h = single(Strategy.LONGEST_IDLE, agents("a1", "general", 1));
    h.send(new CallArrived(CallId.of("c1"), "general", "13912345678", Map.of("lang", "zh")));
    h.at(7);
    h.loginReady("a1");
    RingAgent ring = h.outputs(RingAgent.class).getFirst();
    assertThat(ring.endpoint()).isEqualTo("SIM/a1");
    assertThat(ring.ringTimeoutNanos()).isEqualTo(EngineHarness.seconds(15));
    assertThat(ring.callerData()).containsEntry("lang", "zh");
    CallOffered pop = h.outputs(CallOffered.class).getFirst();
    assertThat(pop.queue()).isEqualTo("general");
    assertThat(pop.callerNumber()).isEqualTo("13912345678");
    assertThat(pop.waitedNanos()).isEqualTo(EngineHarness.seconds(7));
  }

  @Test
  void relaxation_acceptsLowerLevelsAfterTheirDelay() {
    QueueConfig q = QueueConfig.simple("general", Map.of("general", 7), Strategy.LONGEST_IDLE)
        .withRelaxation(List.of(new Relaxation(Duration.ofSeconds(20), 3, List.of())));
    EngineHarness h = new EngineHarness(EngineHarness.config(List.of(q),
        agents("junior", "general", 3, "novice", "general", 1), 5));
    h.loginReady("junior", "novice");
    h.arrive("c1", "general");
    h.at(19);
    assertThat(h.ringingAgent("c1")).isNull();
    h.at(20);
    assertThat(h.ringingAgent("c1")).isEqualTo("junior");
  }

  @Test
  void relaxation_addsAnotherQueuesAgentsAfterTheirDelay() {
    QueueConfig enterprise = QueueConfig.simple("enterprise", Map.of("enterprise", 1), Strategy.LONGEST_IDLE)
        .withRelaxation(List.of(new Relaxation(Duration.ofSeconds(20), 0, List.of()),
            new Relaxation(Duration.ofSeconds(60), 0, List.of("policy"))));
    QueueConfig policy = QueueConfig.simple("policy", Map.of("policy", 1), Strategy.BEST_SKILL);
    EngineHarness h = new EngineHarness(EngineHarness.config(List.of(enterprise, policy),
        agents("specialist", "policy", 9), 5));
    h.loginReady("specialist");
    h.arrive("c1", "enterprise");
    h.at(59);
    assertThat(h.ringingAgent("c1")).isNull();
    h.at(60);
    assertThat(h.ringingAgent("c1")).isEqualTo("specialist");
  }

  @Test
  void relaxedAgentBecomingReady_takesOnlyCallsThatReachedItsTier() {
    QueueConfig q = QueueConfig.simple("general", Map.of("general", 7), Strategy.LONGEST_IDLE)
        .withRelaxation(List.of(new Relaxation(Duration.ofSeconds(20), 3, List.of())));
    EngineHarness h = new EngineHarness(EngineHarness.config(List.of(q), agents("junior", "general", 3), 5));
    h.arrive("c1", "general");
    h.at(10);
    h.arrive("c2", "general");
    h.at(25); // c1 reached tier 1, c2 has not
    h.loginReady("junior");
    assertThat(h.ringingAgent("c1")).isEqualTo("junior");
    h.answer("c1", "junior");
    h.callerHangsUp("c1");
    h.send(new WrapUpDone(h.nextRequestId(), AgentId.of("junior")));
    assertThat(h.ringingAgent("c2")).isNull();
    h.at(30);
    assertThat(h.ringingAgent("c2")).isEqualTo("junior");
  }

  private static AcdConfig overflowConfig(QueueConfig general) {
    QueueConfig policy = QueueConfig.simple("policy", Map.of("policy", 1), Strategy.BEST_SKILL);
    AcdConfig base = EngineHarness.config(List.of(general, policy),
        agents("g1", "general", 5, "p1", "policy", 5), 5);
    return new AcdConfig(base.settings(), base.skills(), base.notReadyReasons(), base.lines(),
        base.queues(), base.agents(),
        Map.of("in-province-other-city", new TransferTarget("in-province-other-city", "PJSIP/trunk/0512", "")));
  }

  @Test
  void maxWait_overflowsToAnotherQueue_asANewSegment() {
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withOverflow(Duration.ofSeconds(90), 0, new Overflow(Overflow.Kind.QUEUE, "policy"));
    EngineHarness h = new EngineHarness(overflowConfig(general));
    h.loginReady("p1");
    h.send(new org.hotlineacd.cti.input.AgentLogin(h.nextRequestId(), AgentId.of("g1")));
    h.arrive("c1", "general");
    h.at(89);
    assertThat(h.ringingAgent("c1")).isNull();
    h.at(90);
    SegmentOverflowed o = h.segments(SegmentOverflowed.class).getFirst();
    assertThat(o.cause()).isEqualTo("max-wait");
    assertThat(o.target()).isEqualTo("policy");
    assertThat(o.waitNanos()).isEqualTo(EngineHarness.seconds(90));
    List<SegmentQueued> queued = h.segments(SegmentQueued.class);
    assertThat(queued).hasSize(2);
    assertThat(queued.get(1).key().index()).isEqualTo(1);
    assertThat(queued.get(1).key().queue()).isEqualTo("policy");
    assertThat(h.ringingAgent("c1")).isEqualTo("p1");
  }

  @Test
  void maxLength_overflowsArrivalsToAnExternalTarget() {
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withOverflow(null, 2, new Overflow(Overflow.Kind.EXTERNAL, "in-province-other-city"));
    EngineHarness h = new EngineHarness(overflowConfig(general));
    h.send(new org.hotlineacd.cti.input.AgentLogin(h.nextRequestId(), AgentId.of("g1")));
    h.arrive("c1", "general");
    h.arrive("c2", "general");
    h.arrive("c3", "general");
    RouteCall route = h.outputs(RouteCall.class).getFirst();
    assertThat(route.call().value()).isEqualTo("c3");
    assertThat(route.kind()).isEqualTo("external");
    assertThat(route.dialString()).isEqualTo("PJSIP/trunk/0512");
    assertThat(h.segments(SegmentOverflowed.class).getFirst().cause()).isEqualTo("max-length");
    assertThat(h.queueView("general").waiting()).isEqualTo(2);
  }

  @Test
  void joinWhenEmptyFalse_overflowsAtOnceWhenNoAgentIsLoggedIn() {
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withOverflow(null, 0, new Overflow(Overflow.Kind.VOICEMAIL, "general-mailbox"))
        .withEmptyRules(false, false);
    EngineHarness h = new EngineHarness(overflowConfig(general));
    h.arrive("c1", "general");
    assertThat(h.outputs(RouteCall.class)).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo("voicemail"));
    h.send(new org.hotlineacd.cti.input.AgentLogin(h.nextRequestId(), AgentId.of("g1")));
    h.arrive("c2", "general");
    assertThat(h.outputs(RouteCall.class)).hasSize(1);
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
  }

  @Test
  void joinWhenEmptyTrue_queuesWithNoAgentLoggedIn() {
    EngineHarness h = single(Strategy.LONGEST_IDLE, agents("a1", "general", 1));
    h.arrive("c1", "general");
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
    h.at(12);
    assertThat(h.queueView("general").longestWaitNanos()).isEqualTo(EngineHarness.seconds(12));
  }

  @Test
  void leaveWhenEmpty_overflowsWaitingCallsWhenTheLastAgentLogsOut() {
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withOverflow(null, 0, new Overflow(Overflow.Kind.CALLBACK, "callbacks"))
        .withEmptyRules(true, true);
    EngineHarness h = new EngineHarness(overflowConfig(general));
    h.send(new org.hotlineacd.cti.input.AgentLogin(h.nextRequestId(), AgentId.of("g1")));
    h.arrive("c1", "general");
    h.arrive("c2", "general");
    h.send(new AgentLogout(h.nextRequestId(), AgentId.of("g1")));
    assertThat(h.outputs(RouteCall.class)).extracting(r -> r.call().value()).containsExactly("c1", "c2");
    assertThat(h.segments(SegmentOverflowed.class)).allMatch(o -> o.cause().equals("no-agents"));
    assertThat(h.queueView("general").waiting()).isZero();
  }

  @Test
  void waitingCallsHearTheirPositionAndEstimatedWait() {
    QueueConfig q = EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE)
        .withAnnounceEvery(Duration.ofSeconds(30));
    EngineHarness h = new EngineHarness(EngineHarness.config(List.of(q), agents("a1", "general", 1), 5));
    h.send(new org.hotlineacd.cti.input.AgentLogin(h.nextRequestId(), AgentId.of("a1")));
    h.arrive("c1", "general");
    h.at(1);
    h.arrive("c2", "general");
    h.at(2);
    h.arrive("c3", "general");
    h.at(32);
    List<AnnouncePosition> a = h.outputs(AnnouncePosition.class);
    assertThat(a).extracting(AnnouncePosition::position).containsExactly(1, 2, 3);
    assertThat(a.get(2).estimatedWaitNanos()).isGreaterThan(a.get(1).estimatedWaitNanos());
    h.callerHangsUp("c1");
    h.at(62);
    List<AnnouncePosition> later = h.outputs(AnnouncePosition.class).subList(3, 5);
    assertThat(later).extracting(AnnouncePosition::position).containsExactly(1, 2);
  }

  @Test
  void agentSkillsDecideWhichQueuesItServes() {
    EngineHarness onlyGeneral = new EngineHarness(EngineHarness.config(
        List.of(EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE),
            EngineHarness.queue("enterprise", "enterprise", Strategy.LONGEST_IDLE)),
        agents("a1", "general", 5), 5));
    onlyGeneral.loginReady("a1");
    onlyGeneral.arrive("c1", "enterprise");
    assertThat(onlyGeneral.ringingAgent("c1")).isNull();
    onlyGeneral.arrive("c2", "general");
    assertThat(onlyGeneral.ringingAgent("c2")).isEqualTo("a1");
    assertThat(onlyGeneral.queueView("enterprise").loggedInAgents()).isZero();
    assertThat(onlyGeneral.queueView("general").loggedInAgents()).isEqualTo(1);
  }
}
