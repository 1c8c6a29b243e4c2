package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.cti.input.ChannelPresent;
import org.hotlineacd.cti.input.PbxResyncStarted;
import org.hotlineacd.cti.input.PbxResynced;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;
import org.junit.jupiter.api.Test;

/** The engine side of resynchronisation with a PBX that changed while nobody listened. */
class ResyncTest {
  private static EngineHarness h() {
    return new EngineHarness(EngineHarness.config(List.of(EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE)),
        Map.of("a1", Map.of("general", 1), "a2", Map.of("general", 1)), 3));
  }

  private static ChannelPresent waiting(String call, long sinceNanos) {
    return new ChannelPresent(CallId.of(call), true, "general", "138", Map.of(), sinceNanos);
  }

  private static ChannelPresent talking(String call) {
    return new ChannelPresent(CallId.of(call), false, null, "138", Map.of(), 0);
  }

  @Test
  void afterALostConnection_waitingCallsAreNotOfferedUntilConfirmed_thenKeepTheirWait() {
    EngineHarness h = h();
    h.arrive("c1", "general");
    h.at(10);
    h.send(new PbxResyncStarted("", true));
    h.loginReady("a1");
    assertThat(h.ringingAgent("c1")).isNull();
    assertThat(h.state("a1")).isEqualTo(AgentState.READY);
    h.at(12);
    h.send(new PbxResynced("", List.of(waiting("c1", EngineHarness.T0))));
    assertThat(h.ringingAgent("c1")).isEqualTo("a1");
    h.at(15);
    h.answer("c1", "a1");
    assertThat(h.segments(SegmentAnswered.class).getFirst().waitNanos()).isEqualTo(EngineHarness.seconds(15));
  }

  @Test
  void callsThatDisappeared_areEnded_waitingAsAbandonedAndConnectedBySystem() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.arrive("c2", "general");
    h.at(30);
    h.send(new PbxResyncStarted("", true));
    h.send(new PbxResynced("", List.of()));
    assertThat(h.segments(SegmentTalkEnded.class).getFirst().side()).isEqualTo(CallEndSide.SYSTEM);
    assertThat(h.segments(SegmentAbandoned.class)).singleElement()
        .satisfies(a -> assertThat(a.key().call().value()).isEqualTo("c2"));
    assertThat(h.engine.snapshot(h.now).callsInAcd()).isZero();
    assertThat(h.state("a1")).isEqualTo(AgentState.READY); // wrap-up 0 in this queue
  }

  @Test
  void aWaitingCallerTheEngineDidNotKnow_isQueuedWithItsOriginalWait() {
    EngineHarness h = h();
    h.at(40);
    h.send(new PbxResyncStarted("", false));
    h.send(new PbxResynced("", List.of(waiting("lost-1", EngineHarness.T0 + EngineHarness.seconds(25)))));
    SegmentQueued q = h.segments(SegmentQueued.class).getFirst();
    assertThat(q.key().queuedNanos()).isEqualTo(EngineHarness.T0 + EngineHarness.seconds(25));
    assertThat(h.queueView("general").longestWaitNanos()).isEqualTo(EngineHarness.seconds(15));
  }

  @Test
  void connectedCallsThatStillExist_stayConnected() {
    EngineHarness h = h();
    h.loginReady("a1");
    h.arrive("c1", "general");
    h.answer("c1", "a1");
    h.send(new PbxResyncStarted("", true));
    h.send(new PbxResynced("", List.of(talking("c1"))));
    assertThat(h.state("a1")).isEqualTo(AgentState.ON_CALL);
    assertThat(h.segments(SegmentTalkEnded.class)).isEmpty();
  }

  @Test
  void callsArrivingDuringTheResync_countAsConfirmed() {
    EngineHarness h = h();
    h.send(new PbxResyncStarted("", false));
    h.arrive("c9", "general");
    h.send(new PbxResynced("", List.of()));
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
  }
}
