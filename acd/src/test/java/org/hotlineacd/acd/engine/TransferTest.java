package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.config.TransferTarget;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CancelConsultRequest;
import org.hotlineacd.cti.input.CompleteTransferRequest;
import org.hotlineacd.cti.input.ConsultFailed;
import org.hotlineacd.cti.input.ConsultRequest;
import org.hotlineacd.cti.input.HoldRequest;
import org.hotlineacd.cti.input.RecordingRequest;
import org.hotlineacd.cti.input.TransferRequest;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.TransferDestination;
import org.hotlineacd.cti.output.CallStatus;
import org.hotlineacd.cti.output.CancelConsult;
import org.hotlineacd.cti.output.CompleteTransfer;
import org.hotlineacd.cti.output.ConsultCall;
import org.hotlineacd.cti.output.HoldCall;
import org.hotlineacd.cti.output.ParkCall;
import org.hotlineacd.cti.output.Recording;
import org.hotlineacd.cti.output.RouteCall;
import org.junit.jupiter.api.Test;

class TransferTest {
  private static final AgentId G1 = AgentId.of("g1");

  private EngineHarness h() {
    QueueConfig general = EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE).withWrapUp(Duration.ofSeconds(20));
    QueueConfig policy = EngineHarness.queue("policy", "policy", Strategy.BEST_SKILL);
    AcdConfig base = EngineHarness.config(List.of(general, policy),
        Map.of("g1", Map.of("general", 5), "g2", Map.of("general", 5), "p1", Map.of("policy", 9)), 3);
    AcdConfig config = new AcdConfig(base.settings(), base.skills(), base.notReadyReasons(), base.lines(),
        base.queues(), base.agents(), Map.of("110", new TransferTarget("110", "PJSIP/110-trunk/110", "police")));
    EngineHarness h = new EngineHarness(config);
    h.loginReady("g1");
    h.arrive("c1", "general");
    h.at(5);
    h.answer("c1", "g1");
    h.at(65);
    return h;
  }

  @Test
  void blindTransferToQueue_endsTalk_parksTheCaller_andStartsASegmentThere() {
    EngineHarness h = h();
    h.loginReady("p1");
    h.send(new TransferRequest(1, G1, TransferDestination.queue("policy")));
    assertThat(h.outputs(ParkCall.class)).singleElement().satisfies(p -> assertThat(p.agent()).isEqualTo(G1));
    SegmentTalkEnded talk = h.segments(SegmentTalkEnded.class).getFirst();
    assertThat(talk.transferLabel()).isEqualTo("queue:policy");
    assertThat(talk.talkNanos()).isEqualTo(EngineHarness.seconds(60));
    assertThat(talk.side()).isEqualTo(CallEndSide.AGENT);
    assertThat(h.state("g1")).isEqualTo(AgentState.WRAP_UP);
    SegmentQueued second = h.segments(SegmentQueued.class).get(1);
    assertThat(second.key().index()).isEqualTo(1);
    assertThat(second.key().queue()).isEqualTo("policy");
    assertThat(second.key().queuedNanos()).isEqualTo(h.now);
    assertThat(h.ringingAgent("c1")).isEqualTo("p1");
    h.at(70);
    h.answer("c1", "p1");
    assertThat(h.segments(SegmentAnswered.class).get(1).waitNanos()).isEqualTo(EngineHarness.seconds(5));
  }

  @Test
  void blindTransferToAReadyAgent_ringsThatAgent() {
    EngineHarness h = h();
    h.loginReady("g2");
    h.send(new TransferRequest(1, G1, TransferDestination.agent("g2")));
    assertThat(h.ringingAgent("c1")).isEqualTo("g2");
    assertThat(h.segments(SegmentTalkEnded.class).getFirst().transferLabel()).isEqualTo("queue:general");
  }

  @Test
  void blindTransferToAnAgentWhoIsNotReady_isRefusedAndChangesNothing() {
    EngineHarness h = h();
    h.send(new TransferRequest(1, G1, TransferDestination.agent("g2")));
    assertThat(h.lastRefusal().code()).isEqualTo("illegal-transition");
    assertThat(h.lastRefusal().message()).contains("not ready");
    h.send(new TransferRequest(2, G1, TransferDestination.agent("nobody")));
    assertThat(h.lastRefusal().code()).isEqualTo("unknown-target");
    assertThat(h.state("g1")).isEqualTo(AgentState.ON_CALL);
    assertThat(h.outputs(ParkCall.class)).isEmpty();
  }

  @Test
  void blindTransferToExternalLabel_routesTheCallOutWithTheDialString() {
    EngineHarness h = h();
    h.send(new TransferRequest(1, G1, TransferDestination.external("110")));
    RouteCall r = h.outputs(RouteCall.class).getFirst();
    assertThat(r.dialString()).isEqualTo("PJSIP/110-trunk/110");
    assertThat(r.target()).isEqualTo("110");
    assertThat(h.segments(SegmentTalkEnded.class).getFirst().transferLabel()).isEqualTo("110");
    assertThat(h.engine.snapshot(h.now).callsInAcd()).isZero();
    h.send(new TransferRequest(2, G1, TransferDestination.external("119")));
    assertThat(h.lastRefusal().message()).contains("no connected call");
  }

  @Test
  void unknownExternalLabel_isRefusedNamingTheConfiguredOnes() {
    EngineHarness h = h();
    h.send(new TransferRequest(1, G1, TransferDestination.external("119")));
    assertThat(h.lastRefusal().code()).isEqualTo("unknown-target");
    assertThat(h.lastRefusal().message()).contains("'119'").contains("110");
  }

  @Test
  void attendedTransfer_consultThenComplete_leavesTheAcdUnderTheLabel() {
    EngineHarness h = h();
    h.send(new ConsultRequest(1, G1, "110"));
    ConsultCall consult = h.outputs(ConsultCall.class).getFirst();
    assertThat(consult.dialString()).isEqualTo("PJSIP/110-trunk/110");
    assertThat(h.outputs(CallStatus.class).getLast().consultTarget()).isEqualTo("110");
    h.send(new HoldRequest(2, G1, true));
    assertThat(h.lastRefusal().message()).contains("attended transfer");
    h.at(80);
    h.send(new CompleteTransferRequest(3, G1));
    assertThat(h.outputs(CompleteTransfer.class)).hasSize(1);
    assertThat(h.segments(SegmentTalkEnded.class).getFirst().transferLabel()).isEqualTo("110");
    assertThat(h.state("g1")).isEqualTo(AgentState.WRAP_UP);
  }

  @Test
  void attendedTransfer_cancelOrFailure_returnsToTheCaller() {
    EngineHarness h = h();
    h.send(new ConsultRequest(1, G1, "110"));
    h.send(new CancelConsultRequest(2, G1));
    assertThat(h.outputs(CancelConsult.class)).hasSize(1);
    h.send(new CompleteTransferRequest(3, G1));
    assertThat(h.lastRefusal().message()).contains("no attended transfer");
    h.send(new ConsultRequest(4, G1, "110"));
    h.send(new ConsultFailed(CallId.of("c1")));
    assertThat(h.outputs(CallStatus.class).getLast().consultTarget()).isNull();
    assertThat(h.state("g1")).isEqualTo(AgentState.ON_CALL);
  }

  @Test
  void holdRequest_sendsHold_andHoldTimeIsCountedInTalkFromTheEvents() {
    EngineHarness h = h();
    h.send(new HoldRequest(1, G1, true));
    assertThat(h.outputs(HoldCall.class)).singleElement().satisfies(c -> assertThat(c.hold()).isTrue());
    h.send(new CallHeld(CallId.of("c1")));
    assertThat(h.outputs(CallStatus.class).getLast().held()).isTrue();
    h.at(95);
    h.send(new CallUnheld(CallId.of("c1")));
    h.at(100);
    h.callerHangsUp("c1");
    SegmentTalkEnded talk = h.segments(SegmentTalkEnded.class).getFirst();
    assertThat(talk.holdNanos()).isEqualTo(EngineHarness.seconds(30));
    assertThat(talk.talkNanos()).isEqualTo(EngineHarness.seconds(95));
  }

  @Test
  void recording_startAndStop_keepsTheFileNameOnTheSegment() {
    EngineHarness h = h();
    h.send(new RecordingRequest(1, G1, true));
    Recording start = h.outputs(Recording.class).getFirst();
    assertThat(start.start()).isTrue();
    assertThat(start.fileName()).isEqualTo("c1-s0");
    h.send(new RecordingRequest(2, G1, true));
    assertThat(h.lastRefusal().message()).contains("already being recorded");
    h.callerHangsUp("c1");
    assertThat(h.segments(SegmentTalkEnded.class).getFirst().recordingFile()).isEqualTo("c1-s0");
  }

  @Test
  void callControlWithoutACall_isRefused() {
    EngineHarness h = h();
    h.callerHangsUp("c1");
    h.send(new HoldRequest(1, G1, true));
    assertThat(h.lastRefusal().message()).contains("no connected call");
    h.send(new RecordingRequest(2, G1, true));
    assertThat(h.lastRefusal().message()).contains("no connected call");
    h.send(new ConsultRequest(3, G1, "110"));
    assertThat(h.lastRefusal().message()).contains("no connected call");
  }
}
