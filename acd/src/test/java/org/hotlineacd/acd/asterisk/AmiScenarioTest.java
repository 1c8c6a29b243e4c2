package org.hotlineacd.acd.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.hotlineacd.cti.input.AgentHungUp;
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
    try (AmiScenario s = new AmiScenario("09-resync-after-reconnect", List.of(agent("a1006", "PJSIP/agent1006")), PING)) {
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
