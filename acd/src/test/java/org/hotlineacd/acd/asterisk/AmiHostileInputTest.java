package org.hotlineacd.acd.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.asterisk.AmiText;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.ConsultFailed;
import org.junit.jupiter.api.Test;

/** Garbage and hostile input on the AMI socket, a refused login, and header injection through caller data. */
class AmiHostileInputTest {
  private static final Duration PING = Duration.ofSeconds(30);

  @Test
  void garbageUnknownEventsMissingHeadersAndAHugeHeader_changeNothing_andTheConnectionSurvives() throws Exception {
    try (AmiScenario s = new AmiScenario(List.of(), List.of(), PING)) {
      s.awaitStatus(AmiStatus.State.CONNECTED);
      s.server.send("this is not a header\r\n\u0000\u0001\u00ff binary\r\n\r\n");
      s.server.send("Event: NoSuchEvent\r\nFoo: bar\r\n\r\n");
      s.server.send("Event: Hangup\r\n\r\n");
      s.server.send("Event: UserEvent\r\nUserEvent: AcdEnqueue\r\n\r\n");
      s.server.send("Event: OriginateResponse\r\nActionID: 999\r\nResponse: Failure\r\nReason: 0\r\n\r\n");
      s.server.send("Event: Newstate\r\nChannel: " + "x".repeat(1 << 20) + "\r\nUniqueid: 1.1\r\nChannelStateDesc: Up\r\n\r\n");
      s.server.send("Event: Hold\r\nUniqueid: nobody\r\n\r\n");
      s.server.send("Event: UserEvent\r\nUserEvent: AcdEnqueue\r\nUniqueid: 42.1\r\nChannel: PJSIP/x-1\r\n"
          + "Queue: support\r\nCallerIDNum: 555\r\n\r\n");
      s.awaitInputs(in -> in.stream().anyMatch(CallArrived.class::isInstance));
      assertThat(s.names()).containsExactly("PbxResyncStarted[scope=, suspendRouting=true]", "PbxResynced[scope=, calls=[]]",
          "CallArrived[call=42.1, line=support, callerNumber=555, callerData={}]");
      assertThat(s.inputs()).noneMatch(ConsultFailed.class::isInstance);
      assertThat(s.ami.status().get(0).state()).isEqualTo(AmiStatus.State.CONNECTED);
    }
  }

  @Test
  void refusedLogin_isShownAsLoginFailed_andTheEngineHearsNothingElse() throws Exception {
    // a 1 s ping timeout is also the login's response timeout, should the first login be cut mid-way
    try (AmiScenario s = new AmiScenario(List.of(), List.of(), Duration.ofSeconds(1))) {
      s.server.failLogin(true);
      s.server.dropConnection();
      s.awaitStatus(AmiStatus.State.LOGIN_FAILED);
      assertThat(s.ami.status().get(0).lastProblem()).contains("login refused").doesNotContain("acdsecret");
      assertThat(s.names()).allMatch(n -> n.startsWith("Pbx"));
    }
  }

  @Test
  void callerDataWithControlCharacters_cannotInjectAHeaderIntoTheOriginate() throws Exception {
    try (AmiScenario s = new AmiScenario(List.of(), List.of(new AmiScenario.A("a1", "PJSIP/agent1001")), PING)) {
      s.awaitStatus(AmiStatus.State.CONNECTED);
      s.server.send("Event: UserEvent\r\nUserEvent: AcdEnqueue\r\nUniqueid: 7.7\r\nChannel: PJSIP/c-7\r\n"
          + "Queue: support\r\nCallerIDNum: 555\rAction: Hangup\u2028Channel: PJSIP/victim\r\n\r\n");
      String originate = s.server.awaitAction("Originate", 10_000);
      assertThat(originate).isNotNull();
      for (String line : originate.split("\r\n|\r|\n|\u2028")) {
        assertThat(line.toLowerCase()).doesNotStartWith("action: hangup").doesNotStartWith("channel: pjsip/victim");
      }
      assertThat(AmiText.clean("a\r\nb\u0000c\u2028d\u007f")).isEqualTo("abcd");
    }
  }
}
