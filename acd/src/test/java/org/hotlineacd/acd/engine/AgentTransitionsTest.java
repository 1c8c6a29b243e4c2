package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.input.AgentHangUpRequest;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.HangUpCall;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;
import org.junit.jupiter.api.Test;

class AgentTransitionsTest {
  private static final AgentId A = AgentId.of("a1");

  private EngineHarness harness(Duration wrapUp, int maxNoAnswer) {
    QueueConfig q = EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE).withWrapUp(wrapUp);
    return new EngineHarness(EngineHarness.config(List.of(q),
        Map.of("a1", Map.of("general", 5), "a2", Map.of("general", 5)), maxNoAnswer));
  }

  private EngineHarness h() {
    return harness(Duration.ofSeconds(30), 2);
  }

  private void assertRefused(EngineHarness h, AgentState stateAfter, String code, String messagePart) {
    RequestRefused r = h.lastRefusal();
    assertThat(r).isNotNull();
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.message()).contains(messagePart);
    assertThat(h.state("a1")).isEqualTo(stateAfter);
  }

  @Test
  void login_entersNotReadyWithReasonLogin() {
    EngineHarness h = h();
    h.send(new AgentLogin(7, A));
    assertThat(h.state("a1")).isEqualTo(AgentState.NOT_READY);
    assertThat(h.agentView("a1").reason()).isEqualTo("login");
    assertThat(h.outputs(RequestAccepted.class)).containsExactly(new RequestAccepted(A, 7));
  }

  @Test
  void loginTwice_isRefusedAndChangesNothing() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new AgentLogin(9, A));
    assertRefused(h, AgentState.READY, "illegal-transition", "already logged in");
  }

  @Test
  void readyWhileLoggedOut_isRefused() {
    EngineHarness h = h();
    h.send(new AgentReady(1, A));
    assertRefused(h, AgentState.LOGGED_OUT, "illegal-transition", "log in first");
  }

  @Test
  void readyWhenReady_isRefused() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new AgentReady(1, A));
    assertRefused(h, AgentState.READY, "illegal-transition", "already ready");
  }

  @Test
  void notReady_withConfiguredReason_changesStateAndReason() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new AgentNotReady(3, A, "lunch"));
    assertThat(h.state("a1")).isEqualTo(AgentState.NOT_READY);
    assertThat(h.agentView("a1").reason()).isEqualTo("lunch");
    h.send(new AgentNotReady(4, A, "break"));
    assertThat(h.agentView("a1").reason()).isEqualTo("break");
  }

  @Test
  void notReady_withUnknownReason_isRefused() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new AgentNotReady(3, A, "nap"));
    assertRefused(h, AgentState.READY, "unknown-reason", "'nap' is not a configured not-ready reason");
  }

  @Test
  void notReady_whileLoggedOut_isRefused() {
    EngineHarness h = h();
    h.send(new AgentNotReady(3, A, "lunch"));
    assertRefused(h, AgentState.LOGGED_OUT, "illegal-transition", "log in first");
  }

  @Test
  void logout_fromReadyAndNotReady() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new AgentLogout(5, A));
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    h.send(new AgentLogin(6, A));
    h.send(new AgentLogout(7, A));
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    h.send(new AgentLogout(8, A));
    assertRefused(h, AgentState.LOGGED_OUT, "illegal-transition", "not logged in");
  }

  @Test
  void unknownAgent_isRefusedWithItsOwnCode() {
    EngineHarness h = h();
    h.send(new AgentLogin(1, AgentId.of("ghost")));
    RequestRefused r = h.lastRefusal();
    assertThat(r.code()).isEqualTo("unknown-agent");
    assertThat(r.message()).contains("'ghost' is not configured");
  }

  @Test
  void readyAgent_isRungForAnArrivingCall_andRefusesReadyNotReadyAndLogoutWhileRinging() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    assertThat(h.state("a1")).isEqualTo(AgentState.RINGING);
    assertThat(h.agentView("a1").call()).isEqualTo("c1");
    h.send(new AgentLogout(1, A));
    assertRefused(h, AgentState.RINGING, "illegal-transition", "ringing");
    h.send(new AgentNotReady(2, A, "break"));
    assertRefused(h, AgentState.RINGING, "illegal-transition", "ringing");
    h.send(new AgentReady(3, A));
    assertRefused(h, AgentState.RINGING, "illegal-transition", "ringing");
  }

  @Test
  void answer_putsAgentOnCall_andHangUpStartsWrapUpWithDeadline() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.at(4);
    h.answer("c1", "a1");
    assertThat(h.state("a1")).isEqualTo(AgentState.ON_CALL);
    h.send(new AgentLogout(1, A));
    assertRefused(h, AgentState.ON_CALL, "illegal-transition", "during a call");
    h.at(100);
    h.callerHangsUp("c1");
    assertThat(h.state("a1")).isEqualTo(AgentState.WRAP_UP);
    AgentStateChanged wrap = h.outputs(AgentStateChanged.class).getLast();
    assertThat(wrap.deadlineNanos()).isEqualTo(h.now + EngineHarness.seconds(30));
    SegmentTalkEnded talk = h.segments(SegmentTalkEnded.class).getFirst();
    assertThat(talk.talkNanos()).isEqualTo(EngineHarness.seconds(96));
    assertThat(talk.side()).isEqualTo(CallEndSide.CALLER);
    h.send(new AgentLogout(1, A));
    assertRefused(h, AgentState.WRAP_UP, "illegal-transition", "wrap-up");
  }

  @Test
  void wrapUp_endsByTimeout_thenReady() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.at(60);
    h.agentHangsUp("c1", "a1");
    h.at(89);
    assertThat(h.state("a1")).isEqualTo(AgentState.WRAP_UP);
    h.at(90);
    assertThat(h.state("a1")).isEqualTo(AgentState.READY);
    SegmentWrapUpEnded w = h.segments(SegmentWrapUpEnded.class).getFirst();
    assertThat(w.timedOut()).isTrue();
    assertThat(w.wrapUpNanos()).isEqualTo(EngineHarness.seconds(30));
  }

  @Test
  void wrapUpDone_endsWrapUpEarly_withTheCaseDetails() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.at(60);
    h.callerHangsUp("c1");
    h.at(70);
    h.send(new WrapUpDone(11, A, "resolved-online", "public-service", "asked about bus routes"));
    assertThat(h.state("a1")).isEqualTo(AgentState.READY);
    SegmentWrapUpEnded w = h.segments(SegmentWrapUpEnded.class).getFirst();
    assertThat(w.timedOut()).isFalse();
    assertThat(w.wrapUpNanos()).isEqualTo(EngineHarness.seconds(10));
    assertThat(w.disposition()).isEqualTo("resolved-online");
    h.at(200);
    assertThat(h.segments(SegmentWrapUpEnded.class)).hasSize(1);
  }

  @Test
  void wrapUpDone_outsideWrapUp_isRefused() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new WrapUpDone(1, A));
    assertRefused(h, AgentState.READY, "illegal-transition", "not in wrap-up");
  }

  @Test
  void readyDuringWrapUp_endsIt() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.callerHangsUp("c1");
    h.send(new AgentReady(1, A));
    assertThat(h.state("a1")).isEqualTo(AgentState.READY);
    assertThat(h.segments(SegmentWrapUpEnded.class)).hasSize(1);
  }

  @Test
  void notReadyDuringCall_isAppliedWhenWrapUpEnds() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.send(new AgentNotReady(1, A, "lunch"));
    assertThat(h.state("a1")).isEqualTo(AgentState.ON_CALL);
    h.callerHangsUp("c1");
    h.send(new WrapUpDone(2, A));
    assertThat(h.state("a1")).isEqualTo(AgentState.NOT_READY);
    assertThat(h.agentView("a1").reason()).isEqualTo("lunch");
  }

  @Test
  void zeroWrapUp_goesStraightBackToReady() {
    EngineHarness h = harness(Duration.ZERO, 2);
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.callerHangsUp("c1");
    assertThat(h.state("a1")).isEqualTo(AgentState.READY);
    assertThat(h.segments(SegmentWrapUpEnded.class).getFirst().wrapUpNanos()).isZero();
  }

  @Test
  void consecutiveUnansweredRings_putAgentNotReadyWithReasonNoAnswer() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.at(15);
    assertThat(h.outputs(CancelRing.class)).hasSize(1);
    assertThat(h.state("a1")).isEqualTo(AgentState.RINGING);
    h.at(30);
    assertThat(h.state("a1")).isEqualTo(AgentState.NOT_READY);
    assertThat(h.agentView("a1").reason()).isEqualTo("no-answer");
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
  }

  @Test
  void answerResetsTheNoAnswerCount() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.at(15); // first miss: count 1, the only agent is rung again at once
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
    h.at(16);
    h.answer("c1", "a1"); // count back to 0
    h.callerHangsUp("c1");
    h.send(new AgentReady(1, A));
    h.arrive("c2", "general");
    h.at(31); // one miss after the answer: count 1, below the limit of 2
    assertThat(h.state("a1")).isEqualTo(AgentState.RINGING);
    assertThat(h.outputs(AgentStateChanged.class))
        .noneMatch(c -> "no-answer".equals(c.reason()));
  }

  @Test
  void unreachablePhone_putsAgentNotReady_andTheCallGoesToAnotherAgent() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.at(1);
    h.loginReady("a2");
    h.arrive("c1", "general");
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
    h.send(new AgentLegFailed(CallId.of("c1"), A, LegFailure.UNREACHABLE, 20));
    assertThat(h.state("a1")).isEqualTo(AgentState.NOT_READY);
    assertThat(h.agentView("a1").reason()).isEqualTo(Engine.PHONE_UNREACHABLE_REASON);
    assertThat(h.ringingAgent("c1")).isEqualTo("a2");
  }

  @Test
  void hangUpRequest_onCall_sendsHangUp_andTheEndCountsAsAgentSide() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.send(new AgentHangUpRequest(5, A));
    assertThat(h.outputs(HangUpCall.class)).hasSize(1);
    h.callerHangsUp("c1");
    assertThat(h.segments(SegmentTalkEnded.class).getFirst().side()).isEqualTo(CallEndSide.AGENT);
  }

  @Test
  void hangUpRequest_withoutCall_isRefused() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.send(new AgentHangUpRequest(5, A));
    assertRefused(h, AgentState.READY, "illegal-transition", "no connected call");
    assertThat(h.outputs(HangUpCall.class)).isEmpty();
  }

  @Test
  void eventsForUnknownCallsOrAgents_changeNothing() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.answer("nope", "a1");
    h.callerHangsUp("nope");
    h.agentHangsUp("nope", "a1");
    h.arrive("c1", "no-such-line");
    h.arrive("c2", "general");
    h.answer("c2", "a2");
    assertThat(h.state("a1")).isEqualTo(AgentState.RINGING);
    assertThat(h.engine.ignoredInputs()).isEqualTo(5);
  }
}
