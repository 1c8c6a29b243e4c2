package org.hotlineacd.acd.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotlineacd.acd.cli.Main;
import org.hotlineacd.bridge.auth.SecretHash;
import org.hotlineacd.cti.amireplay.AmiReplayServer;
import org.hotlineacd.cti.amireplay.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acd run} is the whole server: against the AMI replay server it serves {@code /health}
 * (engine, the Asterisk connection, storage), {@code /metrics}, the wallboard and the agent
 * WebSocket, and an agent who logs in and goes ready over {@code /ws/agent} is rung for the recorded
 * waiting caller.
 */
class RunServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "run-test secret";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void run_servesHealthMetricsWallboardAndAgents_overTheReplayedAsterisk() throws Exception {
    List<Transcript> scenario = AmiReplayServer.scenario(AmiScenario.TRANSCRIPTS.resolve("02-caller-hangs-up"));
    Transcript prelude = Transcript.read(AmiScenario.TRANSCRIPTS.resolve("00-asterisk-java-style-login"), 1);
    try (AmiReplayServer ami = new AmiReplayServer(scenario, prelude)) {
      Path config = writeConfig(ami.port());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      AtomicInteger code = new AtomicInteger(-1);
      Thread run = new Thread(() -> code.set(Main.execute(new String[] {"run", "--config", config.toString(),
          "--db", dir.resolve("records.db").toString(), "--port", "0", "--every", "1s", "--duration", "2m"},
          new PrintWriter(out, true), new PrintWriter(err, true))), "acd-run-under-test");
      run.start();
      try {
        String site = awaitSite(out, err);
        HttpClient http = HttpClient.newHttpClient();

        JsonNode health = awaitHealth(http, site, h -> h.path("ready").asBoolean());
        assertThat(health.path("checks").path("engine").path("ready").asBoolean()).isTrue();
        assertThat(health.path("checks").path("asterisk.pbx1").path("ready").asBoolean()).isTrue();
        assertThat(health.path("checks").path("asterisk.pbx1").path("detail").asText()).isEqualTo("connected");
        assertThat(health.path("checks").path("storage").path("ready").asBoolean()).isTrue();
        assertThat(health.path("checks").path("storage").path("detail").asText()).contains("taking writes");

        HttpResponse<String> metrics = get(http, site + "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("acd_calls_waiting");
        assertThat(get(http, site + "/wallboard").statusCode()).isIn(200, 401);
        assertThat(get(http, site + "/agent").statusCode()).isEqualTo(200);

        Desk desk = new Desk(http, site.replace("http://", "ws://") + "/ws/agent");
        desk.await(f -> type(f, "hello"));
        desk.send("{\"v\":1,\"type\":\"login\",\"requestId\":1,\"agent\":\"a1001\",\"secret\":\"" + SECRET + "\"}");
        assertThat(desk.await(f -> type(f, "loggedIn") || type(f, "error")).path("type").asText()).isEqualTo("loggedIn");
        desk.await(f -> type(f, "snapshot"));
        desk.send("{\"v\":1,\"type\":\"ready\",\"requestId\":2}");
        desk.await(f -> type(f, "state") && f.path("state").asText().equals("ready") || type(f, "offered"));
        assertThat(ami.awaitAction("Originate", TIMEOUT.toMillis()))
            .as("the ready desk's phone is rung; output:%n%s", out).isNotNull().contains("PJSIP/agent1001");
        desk.ws.abort();
      } finally {
        run.interrupt();
        run.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(run.isAlive()).isFalse();
      assertThat(code.get()).as("exit code; err:%n%s", err).isZero();
      assertThat(out.toString()).contains("hotline-acd run: 1 Asterisk server(s)", "asterisk pbx1: CONNECTED",
          "records: ");
    }
  }

  @Test
  void run_withALoginAsteriskRefuses_healthSaysSoAndIsNotReady() throws Exception {
    List<Transcript> scenario = AmiReplayServer.scenario(AmiScenario.TRANSCRIPTS.resolve("01-login-idle"));
    Transcript prelude = Transcript.read(AmiScenario.TRANSCRIPTS.resolve("00-asterisk-java-style-login"), 1);
    try (AmiReplayServer ami = new AmiReplayServer(scenario, prelude)) {
      ami.failLogin(true);
      Path config = writeConfig(ami.port());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Thread run = new Thread(() -> Main.execute(new String[] {"run", "--config", config.toString(), "--no-records",
          "--port", "0", "--every", "1s", "--duration", "2m"}, new PrintWriter(out, true), new PrintWriter(err, true)),
          "acd-run-under-test");
      run.start();
      try {
        String site = awaitSite(out, err);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode health = awaitHealth(http, site,
            h -> h.path("checks").path("asterisk.pbx1").path("detail").asText().startsWith("login failed"));
        assertThat(health.path("ready").asBoolean()).isFalse();
        assertThat(health.path("checks").path("asterisk.pbx1").path("ready").asBoolean()).isFalse();
        assertThat(health.path("checks").path("engine").path("ready").asBoolean()).isTrue();
        assertThat(health.path("checks").has("storage")).as("no records kept, no storage check").isFalse();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(site + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(503);
      } finally {
        run.interrupt();
        run.join(TimeUnit.SECONDS.toMillis(30));
      }
      assertThat(run.isAlive()).isFalse();
    }
  }

  private Path writeConfig(int amiPort) throws Exception {
    Path secret = dir.resolve("ami.secret");
    Files.writeString(secret, "acdsecret\n");
    Path config = dir.resolve("acd.yaml");
    Files.writeString(config, """
        skills: [general]
        lines:
          - {id: support, queue: support}
        queues:
          - {id: support, skills: {general: 1}, strategy: longest-idle, ringTimeout: 15s, wrapUp: 0s}
        agents:
          - {id: a1001, endpoint: PJSIP/agent1001, skills: {general: 1}, secretHash: "%s"}
        server: {bind: 127.0.0.1, port: 8080}
        asterisk:
          servers:
            - {name: pbx1, host: 127.0.0.1, port: %d, username: acd, secretFile: "%s"}
        """.formatted(SecretHash.hash(SECRET.toCharArray(), SecretHash.MIN_ITERATIONS), amiPort,
        secret.toString().replace("\\", "/")), StandardCharsets.UTF_8);
    return config;
  }

  private static String awaitSite(StringWriter out, StringWriter err) throws InterruptedException {
    Pattern p = Pattern.compile("agent desktop: (http://[^/\\s]+)/agent");
    long end = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < end) {
      Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("run did not print its address; out:\n" + out + "\nerr:\n" + err);
  }

  static JsonNode awaitHealth(HttpClient http, String site, Predicate<JsonNode> until) throws Exception {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < end) {
      last = JSON.readTree(get(http, site + "/health").body());
      if (until.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("/health never got there; last: " + last);
  }

  private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean type(JsonNode f, String type) {
    return f.path("type").asText().equals(type);
  }

  /** A minimal agent desktop over the JDK's WebSocket client. */
  private static final class Desk implements WebSocket.Listener {
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final StringBuilder text = new StringBuilder();
    final WebSocket ws;

    Desk(HttpClient http, String uri) {
      this.ws = http.newWebSocketBuilder().buildAsync(URI.create(uri), this).join();
    }

    void send(String frame) {
      ws.sendText(frame, true).join();
    }

    JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
      long end = System.nanoTime() + TIMEOUT.toNanos();
      while (true) {
        JsonNode f = frames.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (f == null) {
          throw new AssertionError("no matching frame within " + TIMEOUT);
        }
        if (p.test(f)) {
          return f;
        }
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(text.toString()));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
