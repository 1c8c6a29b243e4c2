package org.hotlineacd.acd.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.RequestAccepted;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.hotlineacd.acd.browser.HeadlessChromium;

/**
 * The agent page in headless Chromium against the running server and simulated PBX: log in, go
 * ready with the keyboard shortcut, see the ringing call's screen pop, answer, hang up, finish the
 * wrap-up form. Skipped, saying what to install, where Chromium is missing.
 */
@Timeout(120)
class AgentPageBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void anAgent_logsIn_goesReady_answersTheScreenPoppedCall_andWrapsUp() throws Exception {
    Path chromium = HeadlessChromium.binary().orElse(null);
    Assumptions.assumeTrue(chromium != null,
        "headless Chromium is not installed: apt-get install chromium chromium-driver (Debian) to run the agent page test");
    try (DeskHarness h = DeskHarness.start(true, s -> new BridgeSettings.Sessions(List.of(), s.takeover(), s.heartbeat(),
            s.heartbeatTimeout(), s.reconnectGrace(), s.disconnectReason(), s.tokenLifetime(), s.maxFrameBytes(),
            s.maxMessagesPerSecond()));
        HeadlessChromium browser = new HeadlessChromium(chromium, h.httpUri("/agent"))) {
      browser.awaitTrue("document.readyState === 'complete' && document.getElementById('link').textContent === 'online'", WAIT);
      browser.eval("""
          document.getElementById('agent').value = 'd1';
          document.getElementById('secret').value = '%s';
          document.getElementById('login').click(); true""".formatted(DeskHarness.SECRET));
      browser.awaitTrue("!document.getElementById('desk').hidden && document.getElementById('state').textContent === 'not ready'", WAIT);
      assertThat(browser.eval("document.getElementById('who').textContent").asText()).contains("d1");

      browser.eval("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'r', altKey: true, bubbles: true})); true");
      browser.awaitTrue("document.getElementById('state').textContent === 'ringing'", WAIT);
      browser.awaitTrue("!document.getElementById('callPanel').hidden && document.getElementById('callerNumber').textContent.length > 3", WAIT);
      assertThat(browser.eval("document.getElementById('line').textContent").asText()).isEqualTo("12345");
      assertThat(browser.eval("document.getElementById('queue').textContent").asText()).isEqualTo("general");

      browser.eval("document.getElementById('answer').click(); true");
      browser.awaitTrue("document.getElementById('state').textContent === 'on call'", WAIT);
      browser.eval("document.getElementById('hangUp').click(); true");
      browser.awaitTrue("document.getElementById('state').textContent === 'wrap up' && !document.getElementById('wrapPanel').hidden", WAIT);

      assertThat(h.notices).as("notices so far").isNotEmpty();
      h.notices.clear();
      browser.eval("""
          document.getElementById('disposition').value = 'dispatch-to-department';
          document.getElementById('category').value = 'housing';
          document.getElementById('summary').value = 'leaking roof in a public housing block';
          document.getElementById('wrapUpDone').click(); true""");
      browser.awaitTrue("document.getElementById('message').textContent.startsWith('wrapUp')", WAIT);
      assertThat(browser.eval("document.getElementById('message').textContent").asText()).isEqualTo("wrapUp: done");
      browser.awaitTrue("['ready', 'ringing'].includes(document.getElementById('state').textContent)", WAIT);
      // the engine's side: wrap-up ended as done (ready), and the request was accepted (it says so after the state)
      h.awaitNotice(n -> n instanceof AgentStateChanged s && s.agent().value().equals("d1") && s.state() == AgentState.READY, WAIT);
      h.awaitNotice(n -> n instanceof RequestAccepted a && a.agent().value().equals("d1"), WAIT);
      assertThat(browser.eval("document.getElementById('message').className").asText()).isNotEqualTo("error");
    }
  }
}
