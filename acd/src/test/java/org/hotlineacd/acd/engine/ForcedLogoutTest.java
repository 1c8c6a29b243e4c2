package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.ForcedLogout;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.output.RequestAccepted;
import org.junit.jupiter.api.Test;

/** A supervisor's logout: at once for a free agent, after the call and wrap-up for a busy one. */
class ForcedLogoutTest {
  private static final AgentId A = AgentId.of("a1");

  private static EngineHarness h(Duration wrapUp) {
    QueueConfig q = EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE).withWrapUp(wrapUp);
    return new EngineHarness(EngineHarness.config(List.of(q),
        Map.of("a1", Map.of("general", 5), "a2", Map.of("general", 5)), 2));
  }

  @Test
  void readyOrNotReadyAgent_isLoggedOutAtOnce() {
    EngineHarness h = h(Duration.ofSeconds(30));
    h.loginReady("a1");
    h.send(new ForcedLogout(11, A, "supervisor"));
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    assertThat(h.outputs(RequestAccepted.class)).contains(new RequestAccepted(A, 11));
    h.send(new AgentLogin(12, A));
    h.send(new ForcedLogout(13, A, "supervisor"));
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    h.engine.checkInvariants();
  }

  @Test
  void loggedOutAgent_isRefused() {
    EngineHarness h = h(Duration.ofSeconds(30));
    h.send(new ForcedLogout(1, A, "supervisor"));
    assertThat(h.lastRefusal().code()).isEqualTo("illegal-transition");
    assertThat(h.lastRefusal().message()).contains("not logged in");
  }

  @Test
  void agentOnACall_keepsTheCall_thenLeavesAtTheEndOfWrapUp_withoutANewOffer() {
    EngineHarness h = h(Duration.ofSeconds(30));
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.send(new ForcedLogout(5, A, "supervisor"));
    assertThat(h.state("a1")).isEqualTo(AgentState.ON_CALL);
    assertThat(h.outputs(RequestAccepted.class)).contains(new RequestAccepted(A, 5));
    h.engine.checkInvariants();
    h.arrive("c2", "general"); // waits: a1 is busy and leaving
    h.agentHangsUp("c1", "a1");
    assertThat(h.state("a1")).isEqualTo(AgentState.WRAP_UP);
    h.send(new WrapUpDone(6, A, null, null, null));
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
    h.engine.checkInvariants();
  }

  @Test
  void pendingLogout_winsOverAPendingNotReady_andAppliesWhenTheWrapUpTimesOut() {
    EngineHarness h = h(Duration.ofSeconds(30));
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.send(new AgentNotReady(4, A, "lunch"));
    h.send(new ForcedLogout(5, A, "supervisor"));
    h.agentHangsUp("c1", "a1");
    h.at(100);
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    h.engine.checkInvariants();
  }

  @Test
  void ringingAgent_whoseRingFails_isLoggedOutInsteadOfGoingReady() {
    EngineHarness h = h(Duration.ZERO);
    h.loginReady("a1");
    h.arrive("c1", "general");
    assertThat(h.state("a1")).isEqualTo(AgentState.RINGING);
    h.send(new ForcedLogout(5, A, "supervisor"));
    assertThat(h.state("a1")).isEqualTo(AgentState.RINGING);
    h.send(new AgentLegFailed(CallId.of("c1"), A, LegFailure.BUSY, 17));
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
    h.engine.checkInvariants();
  }

  @Test
  void ringingAgent_whoAnswers_talksThenLeaves() {
    EngineHarness h = h(Duration.ZERO);
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.send(new ForcedLogout(5, A, "supervisor"));
    h.answer("c1", "a1");
    assertThat(h.state("a1")).isEqualTo(AgentState.ON_CALL);
    h.callerHangsUp("c1");
    assertThat(h.state("a1")).isEqualTo(AgentState.LOGGED_OUT);
    h.send(new AgentLogin(6, A));
    assertThat(h.state("a1")).isEqualTo(AgentState.NOT_READY);
    h.engine.checkInvariants();
  }
}
