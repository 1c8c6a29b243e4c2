package org.hotlineacd.acd.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.RequestAccepted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The agent protocol end to end: a real WebSocket client against the running server, the engine
 * on the simulated PBX. Frames are awaited, never slept for.
 */
@Timeout(60)
class AgentProtocolTest {
  private DeskHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void fullCall_fromLoginToWrapUp() throws Exception {
    h = DeskHarness.start(true);
    try (DeskClient d = DeskClient.connect(h)) {
      JsonNode snap = d.login("d1");
      assertThat(snap.path("state").path("state").asText()).isEqualTo("not-ready");
      assertThat(snap.path("state").path("reason").asText()).isEqualTo("login");
      assertThat(snap.path("choices").path("dispositions").findValuesAsText("id"))
          .containsExactly("resolved-online", "dispatch-to-department");
      assertThat(snap.path("choices").path("notReadyReasons").findValuesAsText("id")).contains("break");

      assertThat(d.call("ready").path("type").asText()).isEqualTo("ok");
      JsonNode offered = d.await("offered");
      assertThat(offered.path("line").asText()).isEqualTo("12345");
      assertThat(offered.path("queue").asText()).isEqualTo("general");
      assertThat(offered.path("callerNumber").asText()).isNotEmpty();
      assertThat(offered.path("waitedMs").asLong()).isNotNegative();
      String call = offered.path("call").asText();
      if (offered.path("history").isNull()) { // still loading: it follows as its own message
        JsonNode history = d.await("history");
        assertThat(history.path("call").asText()).isEqualTo(call);
        assertThat(history.path("calls").isArray()).as("no records yet: an empty history").isTrue();
      }
      assertThat(d.awaitState("ringing").path("call").asText()).isEqualTo(call);

      assertThat(d.call("answer", "call", call).path("type").asText()).isEqualTo("ok");
      assertThat(d.awaitState("on-call").path("call").asText()).isEqualTo(call);

      assertThat(d.call("hold").path("type").asText()).isEqualTo("ok");
      d.await(f -> f.path("type").asText().equals("callStatus") && f.path("held").asBoolean());
      assertThat(d.call("unhold").path("type").asText()).isEqualTo("ok");
      d.await(f -> f.path("type").asText().equals("callStatus") && !f.path("held").asBoolean());
      assertThat(d.call("consult", "target", "110").path("type").asText()).isEqualTo("ok");
      d.await(f -> f.path("type").asText().equals("callStatus") && f.path("consultTarget").asText().equals("110"));
      assertThat(d.call("cancelConsult").path("type").asText()).isEqualTo("ok");

      assertThat(d.call("hangUp", "call", call).path("type").asText()).isEqualTo("ok");
      JsonNode wrap = d.awaitState("wrap-up");
      assertThat(wrap.path("wrapUpDeadline").asLong()).isGreaterThan(wrap.path("since").asLong());

      assertThat(d.call("wrapUp", "disposition", "resolved-online", "category", "housing",
          "summary", "asked about the housing subsidy; answered").path("type").asText()).isEqualTo("ok");
      d.awaitState("ready");
      h.awaitNotice(n -> n instanceof AgentStateChanged s && s.agent().equals(AgentId.of("d1"))
          && s.state() == AgentState.READY, DeskClient.TIMEOUT);

      // the next caller rings at once; a break asked for while ringing is refused, asked on the call it waits
      d.await("offered");
      JsonNode refused = d.call("notReady", "reason", "break");
      assertThat(refused.path("code").asText()).isEqualTo("illegal-transition");
      d.call("answer");
      d.awaitState("on-call");
      assertThat(d.call("transfer", "to", Map.of("kind", "queue", "id", "policy")).path("type").asText()).isEqualTo("ok");
      d.awaitState("wrap-up");
      assertThat(d.call("notReady", "reason", "break").path("type").asText()).isEqualTo("ok");
      assertThat(d.call("wrapUp").path("type").asText()).isEqualTo("ok");
      assertThat(d.awaitState("not-ready").path("reason").asText()).isEqualTo("break");
      assertThat(d.call("logout").path("type").asText()).isEqualTo("ok");
      d.awaitState("logged-out");
    }
  }

  @Test
  void badInput_getsAnErrorFrame_andTheConnectionStaysUsable() throws Exception {
    h = DeskHarness.start(false);
    try (DeskClient d = DeskClient.connect(h)) {
      assertThat(d.call("ready").path("code").asText()).isEqualTo("not-logged-in");
      d.login("d1");
      d.raw("{not json");
      assertThat(d.await("error").path("code").asText()).isEqualTo("bad-json");
      d.raw("[1, 2]");
      assertThat(d.await("error").path("code").asText()).isEqualTo("bad-message");
      d.raw("{\"v\":1,\"type\":\"ready\"}");
      assertThat(d.await("error").path("message").asText()).contains("requestId");
      d.raw("{\"v\":1,\"type\":\"ready\",\"requestId\":\"seven\"}");
      assertThat(d.await("error").path("code").asText()).isEqualTo("bad-message");
      d.raw("{\"v\":1,\"type\":\"ready\",\"requestId\":1,\"requestId\":2}");
      assertThat(d.await("error").path("code").asText()).isEqualTo("bad-json");
      d.raw("{\"v\":2,\"type\":\"ready\",\"requestId\":41}");
      JsonNode version = d.await("error");
      assertThat(version.path("code").asText()).isEqualTo("unsupported-version");
      assertThat(version.path("requestId").asLong()).isEqualTo(41);
      assertThat(d.call("dance").path("code").asText()).isEqualTo("unknown-type");
      assertThat(d.call("notReady").path("code").asText()).isEqualTo("bad-message");
      assertThat(d.call("notReady", "reason", 5).path("code").asText()).isEqualTo("bad-message");
      assertThat(d.call("notReady", "reason", "nap").path("code").asText()).isEqualTo("unknown-reason");
      assertThat(d.call("record", "start", "yes").path("code").asText()).isEqualTo("bad-message");
      assertThat(d.call("transfer", "to", "policy").path("code").asText()).isEqualTo("bad-message");
      assertThat(d.call("transfer", "to", Map.of("kind", "planet", "id", "x")).path("code").asText()).isEqualTo("bad-message");
      assertThat(d.call("answer").path("code").asText()).isEqualTo("illegal-transition");
      assertThat(d.call("hangUp").path("code").asText()).isEqualTo("illegal-transition");
      assertThat(d.call("wrapUp", "disposition", "made-up").path("code").asText()).isEqualTo("unknown-disposition");
      assertThat(d.call("wrapUp", "category", "made-up").path("code").asText()).isEqualTo("unknown-category");
      assertThat(d.call("login", "agent", "d1", "secret", DeskHarness.SECRET).path("code").asText()).isEqualTo("already-logged-in");
      d.ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
      assertThat(d.await("error").path("code").asText()).isEqualTo("unsupported-frame");

      long ping = d.send("ping");
      assertThat(d.await("pong").path("requestId").asLong()).as("still usable").isEqualTo(ping);
    }
    try (DeskClient d = DeskClient.connect(h)) {
      JsonNode snap = d.login("d1"); // takes the session over
      assertThat(snap.path("state").path("state").asText()).isEqualTo("not-ready");
      assertThat(snap.path("state").path("reason").asText()).isEqualTo("login");
      long id = d.send("ping");
      assertThat(d.await("pong").path("requestId").asLong()).isEqualTo(id);
    }
  }

  @Test
  void aFrameOverTheLimit_closesWith1009_andAFlood_closesWith4008() throws Exception {
    h = DeskHarness.start(false);
    try (DeskClient d = DeskClient.connect(h)) {
      d.raw("{\"v\":1,\"type\":\"ping\",\"requestId\":1,\"pad\":\"" + "x".repeat(5000) + "\"}");
      assertThat(d.awaitClose()).isEqualTo(1009);
    }
    try (DeskClient d = DeskClient.connect(h)) {
      for (int i = 0; i < 200 && !d.closed.isDone(); i++) {
        try {
          d.send("ping");
        } catch (java.util.concurrent.CompletionException e) {
          break; // the server closed the flood between the check and the send: what the test wants
        }
      }
      assertThat(d.await("error").path("code").asText()).isIn("flood");
      assertThat(d.awaitClose()).isEqualTo(4008);
    }
  }

  @Test
  void wrongSecret_unknownAgent_andAnAgentWithoutSecret_areRefused_andNobodyIsLoggedIn() throws Exception {
    h = DeskHarness.start(false);
    try (DeskClient d = DeskClient.connect(h)) {
      assertThat(d.call("login", "agent", "d1", "secret", "wrong").path("code").asText()).isEqualTo("auth-failed");
      assertThat(d.call("login", "agent", "nobody", "secret", DeskHarness.SECRET).path("code").asText()).isEqualTo("auth-failed");
      assertThat(d.call("login", "agent", "nosecret", "secret", "").path("code").asText()).isEqualTo("bad-message");
      assertThat(d.call("login", "agent", "nosecret", "secret", "x").path("code").asText()).isEqualTo("auth-failed");
      assertThat(d.call("ready").path("code").asText()).isEqualTo("not-logged-in");
      assertThat(d.call("ready", "agent", "d1").path("code").asText()).isEqualTo("not-logged-in");
      JsonNode snap = d.login("d1");
      assertThat(snap.path("state").path("reason").asText()).as("the first successful login").isEqualTo("login");
    }
    assertThat(h.notices).noneMatch(n -> n.agent().value().equals("nosecret") || n.agent().value().equals("nobody"));
  }

  @Test
  void anAgent_cannotActForAnotherAgent_orOnAnotherAgentsCall() throws Exception {
    h = DeskHarness.start(true);
    try (DeskClient d1 = DeskClient.connect(h); DeskClient d2 = DeskClient.connect(h)) {
      d1.login("d1");
      d2.login("d2");
      d1.call("ready");
      String call = d1.await("offered").path("call").asText();
      d1.call("answer");
      d1.awaitState("on-call");

      assertThat(d2.call("hangUp", "call", call).path("code").asText()).isEqualTo("not-your-call");
      assertThat(d2.call("hangUp", "agent", "d1").path("code").asText()).isEqualTo("forbidden");
      assertThat(d2.call("transfer", "agent", "d1", "to", Map.of("kind", "external", "id", "110")).path("code").asText())
          .isEqualTo("forbidden");
      assertThat(d2.call("hold", "call", call).path("code").asText()).isEqualTo("not-your-call");
      assertThat(d2.call("wrapUp", "call", call, "disposition", "resolved-online").path("code").asText())
          .isEqualTo("not-your-call");
      assertThat(d2.call("answer", "call", call).path("code").asText()).isEqualTo("not-your-call");
      assertThat(d2.call("logout", "agent", "d1").path("code").asText()).isEqualTo("forbidden");

      // d1 still talks to its caller: hold works and nothing about d1 changed in between
      assertThat(d1.call("hold", "call", call).path("type").asText()).isEqualTo("ok");
      assertThat(d1.await("callStatus").path("held").asBoolean()).isTrue();
      assertThat(h.notices).noneMatch(n -> n instanceof AgentStateChanged s && s.agent().value().equals("d1")
          && s.state() != AgentState.ON_CALL && s.state() != AgentState.RINGING && s.state() != AgentState.READY
          && s.state() != AgentState.NOT_READY);
    }
  }

  @Test
  void aTokenReplayedAfterLogout_isRefused() throws Exception {
    h = DeskHarness.start(false);
    String token;
    try (DeskClient d = DeskClient.connect(h)) {
      long id = d.send("login", "agent", "d1", "secret", DeskHarness.SECRET);
      token = d.await(f -> f.path("type").asText().equals("loggedIn") && f.path("requestId").asLong() == id)
          .path("token").asText();
      d.await("snapshot");
      assertThat(d.call("logout").path("type").asText()).isEqualTo("ok");
    }
    try (DeskClient d = DeskClient.connect(h)) {
      assertThat(d.call("resume", "token", token).path("code").asText()).isEqualTo("invalid-token");
      assertThat(d.call("resume", "token", "forged").path("code").asText()).isEqualTo("invalid-token");
      assertThat(d.call("ready").path("code").asText()).isEqualTo("not-logged-in");
    }
  }

  @Test
  void aDroppedDesktop_resumesWithTheFullState_andTheCallWasNeverDropped() throws Exception {
    h = DeskHarness.start(true);
    String token;
    String call;
    try (DeskClient d = DeskClient.connect(h)) {
      token = loginForToken(d, "d1");
      d.call("ready");
      call = d.await("offered").path("call").asText();
      d.call("answer");
      d.awaitState("on-call");
    } // aborted: no close handshake, like a pulled cable
    h.notices.clear(); // the grace (300 ms) has not run out yet
    // after the grace the bridge asks for not-ready; on a call the engine keeps it for after wrap-up
    h.awaitNotice(n -> n instanceof RequestAccepted a && a.agent().value().equals("d1"), DeskClient.TIMEOUT);
    try (DeskClient d = DeskClient.connect(h)) {
      long id = d.send("resume", "token", token);
      JsonNode in = d.await(f -> f.path("requestId").asLong() == id);
      assertThat(in.path("type").asText()).isEqualTo("loggedIn");
      assertThat(in.path("resumed").asBoolean()).isTrue();
      JsonNode snap = d.await("snapshot");
      assertThat(snap.path("state").path("state").asText()).isEqualTo("on-call");
      assertThat(snap.path("state").path("call").asText()).isEqualTo(call);
      assertThat(snap.path("offer").path("call").asText()).as("the screen pop comes back too").isEqualTo(call);
      assertThat(snap.path("offer").path("line").asText()).isEqualTo("12345");
      assertThat(d.call("hangUp").path("type").asText()).as("the call was still up").isEqualTo("ok");
      d.awaitState("wrap-up");
      d.call("wrapUp", "disposition", "resolved-online");
      assertThat(d.awaitState("not-ready").path("reason").asText()).isEqualTo("desktop-lost");
    }
  }

  @Test
  void aReadyAgentWhoseDesktopStaysAway_goesNotReadyAfterTheGrace() throws Exception {
    h = DeskHarness.start(false);
    try (DeskClient d = DeskClient.connect(h)) {
      d.login("d2");
      d.call("ready");
      d.awaitState("ready");
    }
    AgentStateChanged s = (AgentStateChanged) h.awaitNotice(n -> n instanceof AgentStateChanged c
        && c.agent().value().equals("d2") && c.state() == AgentState.NOT_READY && !"login".equals(c.reason()),
        DeskClient.TIMEOUT);
    assertThat(s.reason()).isEqualTo("desktop-lost");
  }

  @Test
  void aDesktopBackWithinTheGrace_keepsTheAgentReady() throws Exception {
    h = DeskHarness.start(false, s -> new org.hotlineacd.bridge.server.BridgeSettings.Sessions(s.allowedOrigins(),
        s.takeover(), s.heartbeat(), s.heartbeatTimeout(), Duration.ofSeconds(30), s.disconnectReason(),
        s.tokenLifetime(), s.maxFrameBytes(), s.maxMessagesPerSecond()));
    String token;
    try (DeskClient d = DeskClient.connect(h)) {
      token = loginForToken(d, "d3");
      d.call("ready");
      d.awaitState("ready");
    }
    try (DeskClient d = DeskClient.connect(h)) {
      d.send("resume", "token", token);
      assertThat(d.await("snapshot").path("state").path("state").asText()).isEqualTo("ready");
      assertThat(d.call("notReady", "reason", "lunch").path("type").asText()).isEqualTo("ok");
      assertThat(d.awaitState("not-ready").path("reason").asText()).isEqualTo("lunch");
    }
  }

  @Test
  void aSecondLogin_takesTheSessionOver_orIsRefused_byConfig() throws Exception {
    h = DeskHarness.start(false);
    try (DeskClient first = DeskClient.connect(h); DeskClient second = DeskClient.connect(h)) {
      first.login("d1");
      second.login("d1");
      assertThat(first.await("sessionEnded").path("reason").asText()).isEqualTo("taken-over");
      assertThat(first.awaitClose()).isEqualTo(4001);
      assertThat(second.call("notReady", "reason", "break").path("type").asText()).isEqualTo("ok");
    }
    h.close();
    h = DeskHarness.start(false, s -> new org.hotlineacd.bridge.server.BridgeSettings.Sessions(s.allowedOrigins(),
        false, s.heartbeat(), s.heartbeatTimeout(), s.reconnectGrace(), s.disconnectReason(),
        s.tokenLifetime(), s.maxFrameBytes(), s.maxMessagesPerSecond()));
    try (DeskClient first = DeskClient.connect(h); DeskClient second = DeskClient.connect(h)) {
      first.login("d1");
      assertThat(second.call("login", "agent", "d1", "secret", DeskHarness.SECRET).path("code").asText())
          .isEqualTo("session-exists");
      assertThat(first.call("ready").path("type").asText()).isEqualTo("ok");
    }
  }

  @Test
  void theHandshake_checksTheOrigin() throws Exception {
    h = DeskHarness.start(false);
    try (DeskClient ok = DeskClient.connect(h, "http://desk.example")) {
      assertThat(ok.await("hello").path("server").asText()).isEqualTo("hotline-acd");
    }
    assertThatThrownBy(() -> DeskClient.connect(h, "http://evil.example"))
        .hasStackTraceContaining("WebSocketHandshakeException").hasStackTraceContaining("403");
    HttpResponse<String> plain = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(h.httpUri("/ws/agent"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(400);
  }

  @Test
  void theServersOwnOrigin_onWhateverPortItGot_isAllowedBesideTheConfiguredList() throws Exception {
    h = DeskHarness.start(false); // allowedOrigins: [http://desk.example], bound to 127.0.0.1 on a free port
    int port = h.server.port();
    for (String own : List.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port)) {
      try (DeskClient ok = DeskClient.connect(h, own)) {
        assertThat(ok.await("hello").path("server").asText()).as(own).isEqualTo("hotline-acd");
      }
    }
    for (String other : List.of("http://127.0.0.1:" + (port == 65535 ? 1 : port + 1), "https://127.0.0.1:" + port,
        "http://evil.example:" + port)) {
      assertThatThrownBy(() -> DeskClient.connect(h, other)).as(other)
          .hasStackTraceContaining("WebSocketHandshakeException").hasStackTraceContaining("403");
    }
  }

  @Test
  void health_reportsLivenessAndReadiness_andTheAgentPageIsServed() throws Exception {
    h = DeskHarness.start(false);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(h.httpUri("/health"))).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = DeskClient.JSON.readTree(health.body());
    assertThat(body.path("live").asBoolean()).isTrue();
    if (health.statusCode() == 200) {
      assertThat(body.path("ready").asBoolean()).isTrue();
    }
    assertThat(body.path("checks").path("engine").has("ready")).isTrue();
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(h.httpUri("/agent"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(page.body()).contains("/agent/agent.js");
    assertThat(http.send(HttpRequest.newBuilder(URI.create(h.httpUri("/nothing"))).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  private static String loginForToken(DeskClient d, String agent) {
    long id = d.send("login", "agent", agent, "secret", DeskHarness.SECRET);
    String token = d.await(f -> f.path("type").asText().equals("loggedIn") && f.path("requestId").asLong() == id)
        .path("token").asText();
    d.await("snapshot");
    return token;
  }
}
