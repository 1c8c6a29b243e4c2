package org.hotlineacd.acd.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.hotlineacd.cti.amireplay.AmiReplayServer;
import org.hotlineacd.cti.amireplay.Transcript;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CompleteTransferRequest;
import org.hotlineacd.cti.input.ConsultRequest;
import org.hotlineacd.cti.input.HoldRequest;
import org.hotlineacd.cti.input.RecordingRequest;
import org.hotlineacd.cti.input.TransferRequest;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.TransferDestination;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.EndpointReachability;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.input.PbxResynced;
import org.hotlineacd.cti.model.AgentState;
import org.junit.jupiter.api.Test;

/**
 * Each recorded scenario replayed through the real Asterisk-Java client into the real engine: the
 * exact sequence of engine inputs and the final call and agent states.
 */
class AmiScenarioTest {
  private static final Duration PING = Duration.ofSeconds(30);
  private static final String START = "PbxResyncStarted[scope=, suspendRouting=true]";
  private static final String SYNCED = "PbxResynced[scope=, calls=[]]";

  private static AmiScenario.A agent(String id, String endpoint) {
    return new AmiScenario.A(id, endpoint);
  }

  private static Predicate<List<Input>> has(Class<?> type) {
    return in -> in.stream().anyMatch(type::isInstance);
  }

  @Test
  void s02_callerHangsUp_callEndsByTheCaller_agentIsReadyAgain() throws Exception {
    try (AmiScenario s = new AmiScenario("02-caller-hangs-up", List.of(agent("a1001", "PJSIP/agent1001")), PING)) {
      s.awaitInputs(has(CallerHungUp.class));
      s.awaitState(snap -> snap.callsInAcd() == 0 && snap.agentsIn(AgentState.READY) == 1);
      assertThat(s.names()).containsExactly(
          START,
          "CallArrived[call=1795785645.0, line=support, callerNumber=5550001, callerData={}]",
          SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1001, reachable=true]",
          "AgentLegAnswered[call=1795785645.0, agent=a1001]",
          "CallerHungUp[call=1795785645.0]");
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RingAgent", "ConnectCall");
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: Bridge") && a.contains("channel1: PJSIP/caller1-00000000")
          && a.contains("channel2: PJSIP/agent1001-00000001"));
    }
  }

  @Test
  void s03_agentHangsUp_callEndsByTheAgent() throws Exception {
    try (AmiScenario s = new AmiScenario("03-agent-hangs-up", List.of(agent("a1002", "PJSIP/agent1002")), PING)) {
      s.awaitInputs(has(AgentHungUp.class));
      s.awaitState(snap -> snap.callsInAcd() == 0 && snap.agentsIn(AgentState.READY) == 1);
      assertThat(s.names()).containsExactly(
          START,
          "CallArrived[call=1795785681.10, line=support, callerNumber=5550002, callerData={}]",
          SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1002, reachable=true]",
          "AgentLegAnswered[call=1795785681.10, agent=a1002]",
          "AgentHungUp[call=1795785681.10, agent=a1002]");
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s04_callerAbandons_whileNoAgentIsReady() throws Exception {
    try (AmiScenario s = new AmiScenario("04-caller-abandons", List.of(), PING)) {
      s.awaitInputs(has(PbxResynced.class));
      s.awaitState(snap -> snap.callsInAcd() == 0);
      assertThat(s.names()).containsExactly(START,
          "CallArrived[call=1795785698.14, line=support, callerNumber=5550003, callerData={}]",
          "CallerHungUp[call=1795785698.14]", SYNCED);
      assertThat(s.commands).isEmpty();
    }
  }

  @Test
  void s05_unreachableThenNoAnswerThenAnswered_callGoesToTheThirdAgent() throws Exception {
    try (AmiScenario s = new AmiScenario("05-agent-noanswer-then-second-agent", List.of(
        agent("a1008", "PJSIP/agent1008"), agent("a1002", "PJSIP/agent1002"), agent("a1004", "PJSIP/agent1004")), PING)) {
      s.awaitInputs(has(CallerHungUp.class));
      s.awaitState(snap -> snap.callsInAcd() == 0);
      List<String> n = s.names();
      assertThat(n).filteredOn(x -> x.contains("AgentLeg")).containsExactly(
          "AgentLegFailed[call=" + callOf(s) + ", agent=a1008, reason=UNREACHABLE, cause=0]",
          "AgentLegFailed[call=" + callOf(s) + ", agent=a1002, reason=NO_ANSWER, cause=0]",
          "AgentLegAnswered[call=" + callOf(s) + ", agent=a1004]");
      assertThat(n.get(n.size() - 1)).isEqualTo("CallerHungUp[call=" + callOf(s) + "]");
      assertThat(s.agent("a1008").state()).isEqualTo(AgentState.NOT_READY);
      assertThat(s.agent("a1004").state()).isEqualTo(AgentState.READY);
    }
  }

  @Test
  void s12_agentRegistration_reachabilityFollowsThePhone() throws Exception {
    try (AmiScenario s = new AmiScenario("12-agent-registration", List.of(agent("a1007", "PJSIP/agent1007")), PING)) {
      s.awaitInputs(in -> in.stream().filter(EndpointReachability.class::isInstance).count() >= 2);
      s.awaitInputs(has(PbxResynced.class));
      assertThat(s.names()).filteredOn(x -> x.contains("Reachability")).containsExactly(
          "EndpointReachability[endpoint=PJSIP/agent1007, reachable=false]",
          "EndpointReachability[endpoint=PJSIP/agent1007, reachable=true]");
    }
  }

  @Test
  void s09_dropMidCall_reconnectResyncs_connectedCallStays_waitingCallerIsRoutedAgain() throws Exception {
    List<Transcript> recorded = AmiReplayServer.scenario(AmiScenario.TRANSCRIPTS.resolve("09-resync-after-reconnect"));
    // c2 is served up to the first event after the resync (the calls then end, as recorded): the
    // state in between must hold still for the test to see it, however loaded the machine is
    try (AmiScenario s = new AmiScenario(List.of(recorded.get(0), recorded.get(1).before("MusicOnHoldStop")),
        List.of(agent("a1006", "PJSIP/agent1006")), PING)) {
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      s.awaitState(snap -> snap.callsInAcd() == 2 && snap.queue("support").waiting() == 1);
      assertThat(s.agent("a1006").state()).isEqualTo(AgentState.ON_CALL);
      assertThat(s.agent("a1006").call()).isEqualTo("1795785955.46");
      assertThat(s.snapshot.get().queue("support").waiting()).isEqualTo(1);
      assertThat(s.names()).filteredOn(x -> x.startsWith("Pbx") || x.contains("HungUp")).containsExactly(
          START, SYNCED, START,
          "PbxResynced[scope=, calls=[ChannelPresent[call=1795785955.46, waiting=false, line=null, callerNumber=5550004, "
              + "callerData={}, waitingSinceNanos=" + since(s, "1795785955.46") + "], ChannelPresent[call=1795785957.50, "
              + "waiting=true, line=800, callerNumber=5550005, callerData={}, waitingSinceNanos=" + since(s, "1795785957.50") + "]]]");
      assertThat(s.engine.resyncCorrections()).isZero();
    }
  }

  @Test
  void s02b_localChannels_callerHangsUpThroughTheHandsetHalf() throws Exception {
    try (AmiScenario s = new AmiScenario("02b-caller-hangs-up-local",
        List.of(agent("a1001", "Local/1001@sim-agent-phones")), PING)) {
      s.awaitStatus(AmiStatus.State.CONNECTED);
      s.actAs("Originate"); // the customer's handset (the recording's driver) places the call into 800
      s.awaitAction("Bridge");
      s.awaitInputs(has(AgentLegAnswered.class));
      s.actAs("Hangup"); // the customer hangs up the ;1 handset half
      s.awaitInputs(has(CallerHungUp.class));
      s.awaitState(snap -> snap.callsInAcd() == 0 && snap.agentsIn(AgentState.READY) == 1);
      assertThat(s.names()).containsExactly(
          START, SYNCED,
          // the ;2 half waits in 800 and raises AcdEnqueue; the caller id of a Local originate is the driver's
          "CallArrived[call=1795785666.5, line=support, callerNumber=5559999, callerData={}]",
          "EndpointReachability[endpoint=Local/1001@sim-agent-phones, reachable=true]",
          "AgentLegAnswered[call=1795785666.5, agent=a1001]",
          // the handset half (;1) is hung up; the ;2 half's HangupRequest (cause 0) is the caller's hang-up
          "CallerHungUp[call=1795785666.5]");
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RingAgent", "ConnectCall");
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: Bridge")
          && a.contains("channel1: Local/800@acd-inbound-00000000;2") && a.contains("channel2: Local/1001@sim-agent-phones-00000001;1"));
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s06a_blindTransferFromThePhone_agentLegEnds_callLeavesTheAcd() throws Exception {
    try (AmiScenario s = new AmiScenario("06a-blind-transfer", List.of(agent("a1001", "PJSIP/agent1001")), PING)) {
      s.awaitAction("Bridge");
      s.awaitInputs(has(AgentLegAnswered.class));
      s.actAs("BlindTransfer"); // the agent transfers on the phone (#1) or another AMI client does
      s.awaitInputs(has(AgentHungUp.class));
      s.actAs("Logoff");
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      s.awaitState(snap -> snap.callsInAcd() == 0);
      assertThat(s.names()).containsExactly(
          START,
          "CallArrived[call=1795785746.20, line=support, callerNumber=5550001, callerData={}]",
          SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1001, reachable=true]",
          "AgentLegAnswered[call=1795785746.20, agent=a1001]",
          // Asterisk hangs the transferer up: for the ACD the agent's part of the call is over. The
          // Unhold it sends first (the call was never held) and the caller's later hang-up in 700
          // are not told: the caller has left the ACD.
          "AgentHungUp[call=1795785746.20, agent=a1001]",
          START, SYNCED);
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RingAgent", "ConnectCall");
      assertThat(s.agent("a1001").state()).isEqualTo(AgentState.READY);
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s06b_blindTransferByTheAcd_redirectOfTheCallerLeg() throws Exception {
    try (AmiScenario s = new AmiScenario("06b-redirect-transfer", List.of(agent("a1001", "PJSIP/agent1001")), PING)) {
      s.awaitAction("Bridge");
      s.awaitInputs(has(AgentLegAnswered.class));
      s.awaitState(snap -> snap.agentsIn(AgentState.ON_CALL) == 1);
      s.request(new TransferRequest(900, AgentId.of("a1001"), TransferDestination.external("110")));
      String redirect = s.awaitAction("Redirect");
      s.actAs("Logoff");
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      s.awaitState(snap -> snap.callsInAcd() == 0);
      assertThat(s.names()).containsExactly(
          START,
          "CallArrived[call=1795785781.25, line=support, callerNumber=5550001, callerData={}]",
          SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1001, reachable=true]",
          "AgentLegAnswered[call=1795785781.25, agent=a1001]",
          // the agent leg falls out of the bridge and hangs up, the caller later hangs up in 700:
          // neither is the engine's business any more
          START, SYNCED);
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RingAgent", "ConnectCall", "RouteCall");
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: SetVar") && a.contains("channel: PJSIP/caller1-0000000b")
          && a.contains("variable: ACD_DIAL") && a.contains("value: PJSIP/police/110"));
      assertThat(redirect).contains("channel: PJSIP/caller1-0000000b", "context: acd-route", "exten: external");
      assertThat(s.agent("a1001").state()).isEqualTo(AgentState.READY);
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s06c_attendedTransferByTheAcd_atxferThenHangupOfTheAgentLeg() throws Exception {
    try (AmiScenario s = new AmiScenario("06c-attended-transfer", List.of(agent("a1001", "PJSIP/agent1001")), PING)) {
      s.awaitAction("Bridge");
      s.awaitInputs(has(AgentLegAnswered.class));
      s.awaitState(snap -> snap.agentsIn(AgentState.ON_CALL) == 1);
      s.request(new ConsultRequest(900, AgentId.of("a1001"), "110"));
      s.awaitAction("Atxfer");
      s.awaitInputs(has(CallHeld.class));
      s.request(new CompleteTransferRequest(901, AgentId.of("a1001")));
      s.awaitAction("Hangup");
      s.actAs("Logoff");
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      s.awaitState(snap -> snap.callsInAcd() == 0);
      assertThat(s.names()).containsExactly(
          START,
          "CallArrived[call=1795785817.30, line=support, callerNumber=5550001, callerData={}]",
          SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1001, reachable=true]",
          "AgentLegAnswered[call=1795785817.30, agent=a1001]",
          // Atxfer puts the caller on hold (the Hold names the agent leg); the consultation counts as hold
          "CallHeld[call=1795785817.30]",
          // completed by hanging up the agent leg: AttendedTransfer Success, nothing more for the engine
          START, SYNCED);
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName())
          .containsExactly("RingAgent", "ConnectCall", "ConsultCall", "CompleteTransfer");
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: Atxfer") && a.contains("channel: PJSIP/agent1001-0000000f")
          && a.contains("context: acd-consult") && a.contains("exten: external"));
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: SetVar") && a.contains("variable: __ACD_DIAL"));
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: Hangup") && a.contains("channel: PJSIP/agent1001-0000000f"));
      assertThat(s.agent("a1001").state()).isEqualTo(AgentState.READY);
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s07_holdFromThePhone_recordingStartedAndStoppedByTheAcd() throws Exception {
    try (AmiScenario s = new AmiScenario("07-hold-mixmonitor", List.of(agent("a1005", "PJSIP/agent1005")), PING)) {
      s.awaitAction("Bridge");
      s.awaitState(snap -> snap.agentsIn(AgentState.ON_CALL) == 1);
      s.request(new RecordingRequest(900, AgentId.of("a1005"), true));
      s.awaitAction("MixMonitor");
      s.awaitInputs(has(CallHeld.class));
      s.actAs("MixMonitorMute");
      s.awaitInputs(has(CallUnheld.class));
      s.actAs("MixMonitorMute");
      s.request(new RecordingRequest(901, AgentId.of("a1005"), false));
      s.awaitAction("StopMixMonitor");
      s.awaitInputs(has(CallerHungUp.class));
      s.awaitState(snap -> snap.callsInAcd() == 0);
      assertThat(s.names()).containsExactly(
          START,
          "CallArrived[call=1795785863.37, line=support, callerNumber=5550005, callerData={}]",
          SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1005, reachable=true]",
          "AgentLegAnswered[call=1795785863.37, agent=a1005]",
          "CallHeld[call=1795785863.37]", // the phone's re-INVITE sendonly: Hold on the agent leg
          "CallUnheld[call=1795785863.37]",
          "CallerHungUp[call=1795785863.37]");
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName())
          .containsExactly("RingAgent", "ConnectCall", "Recording", "Recording");
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: MixMonitor") && a.contains("channel: PJSIP/caller5-00000011")
          && a.contains("file: /var/spool/asterisk/monitor/1795785863.37-s0.wav") && a.contains("options: b"));
      assertThat(s.server.received()).anyMatch(a -> a.contains("action: StopMixMonitor") && a.contains("channel: PJSIP/caller5-00000011"));
      assertThat(s.agent("a1005").state()).isEqualTo(AgentState.READY);
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s07_holdFromTheDesktop_redirectsBothLegsApart_andBridgesThemAgain() throws Exception {
    try (AmiScenario s = new AmiScenario("07-hold-mixmonitor", List.of(agent("a1005", "PJSIP/agent1005")), PING)) {
      s.awaitAction("Bridge");
      s.awaitState(snap -> snap.agentsIn(AgentState.ON_CALL) == 1);
      s.request(new HoldRequest(900, AgentId.of("a1005"), true));
      String hold = s.awaitAction("Redirect");
      s.awaitInputs(has(CallHeld.class));
      s.request(new HoldRequest(901, AgentId.of("a1005"), false));
      String unhold = s.awaitAction("Bridge");
      s.awaitInputs(has(CallUnheld.class));
      assertThat(hold).contains("channel: PJSIP/caller5-00000011", "extrachannel: PJSIP/agent1005-00000012",
          "context: acd-held", "exten: caller", "extracontext: acd-held", "extraexten: agent");
      assertThat(unhold).contains("channel1: PJSIP/caller5-00000011", "channel2: PJSIP/agent1005-00000012");
      assertThat(s.names()).filteredOn(x -> x.startsWith("Call")).containsExactly(
          "CallArrived[call=1795785863.37, line=support, callerNumber=5550005, callerData={}]",
          "CallHeld[call=1795785863.37]", "CallUnheld[call=1795785863.37]");
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName())
          .containsExactly("RingAgent", "ConnectCall", "HoldCall", "HoldCall");
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s08a_appQueueAnswered_isNotTheAcdsCall() throws Exception {
    try (AmiScenario s = new AmiScenario("08a-queue-answered", List.of(agent("a1009", "PJSIP/agent1009"),
        agent("a1010", "PJSIP/agent1010")), PING)) {
      s.awaitStatus(AmiStatus.State.CONNECTED);
      for (String a : List.of("QueueSummary", "QueueStatus", "QueuePause", "QueueStatus", "QueuePause", "QueueStatus",
          "QueueSummary", "QueueStatus", "Logoff")) {
        s.actAs(a);
      }
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      // app_queue's caller, its member legs, AgentCalled/AgentConnect/QueueCallerJoin: none is an ACD call
      assertThat(s.names()).containsExactly(START, SYNCED,
          "EndpointReachability[endpoint=PJSIP/agent1009, reachable=true]",
          "EndpointReachability[endpoint=PJSIP/agent1010, reachable=true]",
          START, SYNCED);
      assertNothingOfTheAcd(s, "a1009", "a1010");
    }
  }

  @Test
  void s08b_appQueueAbandon_isNotTheAcdsCall() throws Exception {
    try (AmiScenario s = new AmiScenario("08b-queue-abandon", List.of(agent("a1009", "PJSIP/agent1009"),
        agent("a1010", "PJSIP/agent1010")), PING)) {
      s.awaitStatus(AmiStatus.State.CONNECTED);
      for (String a : List.of("QueuePause", "QueuePause", "QueueStatus", "QueueSummary", "QueuePause", "QueuePause",
          "QueueSummary", "Logoff")) {
        s.actAs(a);
      }
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      assertThat(s.names()).filteredOn(x -> !x.startsWith("EndpointReachability")).containsExactly(START, SYNCED, START, SYNCED);
      assertNothingOfTheAcd(s, "a1009", "a1010");
    }
  }

  @Test
  void s10_errors_refusedLogin_failedActions_failedOriginateWithoutDialEnd() throws Exception {
    try (AmiScenario s = new AmiScenario("10-errors", List.of(agent("a1008", "PJSIP/agent1008")), PING)) {
      s.awaitStatus(AmiStatus.State.CONNECTED);
      // connection 1: the wrong secret is refused (after the recorded action before login); no exception, retried
      AmiStatus first = s.ami.status().get(0);
      assertThat(first.failures()).isEqualTo(1);
      assertThat(first.connects()).isEqualTo(1);
      assertThat(first.lastProblem()).contains("login refused for user 'acd'").doesNotContain("acdsecret");
      for (String a : List.of("FooBarAction", "Originate", "Hangup", "Bridge", "Redirect", "QueueStatus", "QueuePause")) {
        s.actAs(a);
      }
      s.server.send(ENQUEUE);
      s.awaitInputs(has(AgentLegFailed.class));
      s.actAs("Logoff");
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2);
      // the driver's failed actions (answers with ActionIDs the client never used, a RequestBadFormat
      // event) change nothing; the ACD's own Originate answered "Originate failed" ends the ring at
      // once although no channel, DialEnd or OriginateResponse ever follows
      assertThat(s.names()).containsExactly(START, SYNCED,
          "CallArrived[call=1795785700.99, line=support, callerNumber=5550001, callerData={}]",
          "AgentLegFailed[call=1795785700.99, agent=a1008, reason=FAILED, cause=0]",
          START, SYNCED);
      assertThat(s.commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RingAgent");
      // the caller was not among the channels after the reconnect: ended, and counted as drift
      s.awaitState(snap -> snap.callsInAcd() == 0);
      assertThat(s.ami.status().get(0).drift()).isEqualTo(1);
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  @Test
  void s11_asteriskRestart_shutdownReconnectFullyBootedResync() throws Exception {
    List<Transcript> recorded = AmiReplayServer.scenario(AmiScenario.TRANSCRIPTS.resolve("11-asterisk-restart"));
    String shutdown = recorded.get(0).server().stream().map(Transcript.Message::text)
        .filter(m -> m.startsWith("Event: Shutdown")).findFirst().orElseThrow();
    // c1 is served up to the Shutdown, which Asterisk sent a second after the login; the test sends
    // it (and the EOF that followed) once the ACD is logged in and in step, as it was recorded
    try (AmiScenario s = new AmiScenario(List.of(recorded.get(0).before("Shutdown"), recorded.get(1)),
        List.of(agent("a1001", "PJSIP/agent1001")), PING)) {
      s.awaitInputs(has(PbxResynced.class));
      s.awaitStatus(AmiStatus.State.CONNECTED);
      assertThat(s.server.send(shutdown)).isTrue();
      s.server.dropConnection();
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 2 && s.server.connections() >= 2);
      s.awaitStatus(AmiStatus.State.CONNECTED);
      s.server.send(FULLY_BOOTED); // as recorded in c2; here it comes after our resync, as it may on a real restart
      s.awaitInputs(in -> in.stream().filter(PbxResynced.class::isInstance).count() >= 3);
      s.awaitStatus(AmiStatus.State.CONNECTED);
      assertThat(s.names()).containsExactly(
          START, SYNCED,
          // Shutdown, then EOF: routing is suspended until the restarted Asterisk is read
          START,
          // logged in after the restart; PeerStatus Reachable for the agent whose contact survived
          "EndpointReachability[endpoint=PJSIP/agent1001, reachable=true]",
          SYNCED,
          // FullyBooted on a live connection (Asterisk restarted under us): resync without suspending
          "PbxResyncStarted[scope=, suspendRouting=false]", SYNCED);
      assertThat(s.ami.status().get(0).connects()).isEqualTo(2);
      assertThat(s.engine.ignoredInputs()).isZero();
    }
  }

  private static final String FULLY_BOOTED = "Event: FullyBooted\r\nPrivilege: system,all\r\nTimestamp: 1795786020.749353\r\n"
      + "Uptime: 0\r\nLastReload: 0\r\nStatus: Fully Booted\r\n\r\n";

  private static void assertNothingOfTheAcd(AmiScenario s, String... agents) throws InterruptedException {
    s.awaitState(snap -> snap.agentsIn(AgentState.READY) == agents.length);
    assertThat(s.commands).isEmpty();
    assertThat(s.snapshot.get().callsInAcd()).isZero();
    assertThat(s.server.received()).noneMatch(a -> a.contains("action: Originate") || a.contains("action: Bridge")
        || a.contains("action: Hangup") || a.contains("action: Redirect"));
    assertThat(s.engine.ignoredInputs()).isZero();
  }

  /** Not recorded: a caller announced like the recorded ones (02), for scenarios whose recording has no ACD call. */
  private static final String ENQUEUE = "Event: UserEvent\r\nPrivilege: user,all\r\nChannel: PJSIP/caller1-00000042\r\n"
      + "ChannelState: 6\r\nChannelStateDesc: Up\r\nCallerIDNum: 5550001\r\nCallerIDName: caller1\r\n"
      + "Context: acd-inbound\r\nExten: 800\r\nPriority: 4\r\nUniqueid: 1795785700.99\r\nLinkedid: 1795785700.99\r\n"
      + "UserEvent: AcdEnqueue\r\nQueue: support\r\n\r\n";

  private static String callOf(AmiScenario s) {
    return s.inputs().stream().filter(i -> i instanceof org.hotlineacd.cti.input.CallArrived)
        .map(i -> ((org.hotlineacd.cti.input.CallArrived) i).call().value()).findFirst().orElseThrow();
  }

  private static long since(AmiScenario s, String call) {
    return s.inputs().stream().filter(PbxResynced.class::isInstance).map(PbxResynced.class::cast)
        .flatMap(r -> r.calls().stream()).filter(c -> c.call().value().equals(call))
        .mapToLong(c -> c.waitingSinceNanos()).findFirst().orElseThrow();
  }
}
