package org.hotlineacd.acd.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.Period;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live figures at the network edge, on the shipped configuration and demo profile on virtual
 * time: /metrics scraped over HTTP and checked by promtool, the wallboard feed, Prometheus and the
 * report agreeing for the same window, resume on reconnect, and bad input.
 */
class LiveEdgeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LiveHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = LiveHarness.start(List.of());
    h.run(Duration.ofMinutes(35)); // 08:55 -> 09:30:00, an interval boundary
    h.publish();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void metrics_scrapedOverHttp_passPromtoolCheckMetrics() throws Exception {
    HttpResponse<String> r = h.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
    assertThat(r.body()).contains("acd_calls_offered_total{queue=\"general\"}", "acd_call_wait_seconds_bucket",
        "acd_calls_longest_wait_seconds{queue=\"general\"}", "acd_service_level_ratio{queue=\"general\",window=\"15m\"}",
        "acd_agents{state=\"on-call\"}");
    assertThat(r.body()).as("the screen pop's caller-history cache (Caffeine statistics)")
        .contains("cache_gets_total{cache=\"callerHistory\",result=\"hit\"}", "cache_gets_total{cache=\"callerHistory\",result=\"miss\"}");
    String promtool = which("promtool");
    assumeTrue(promtool != null, "promtool is not installed (Debian package 'prometheus'): the scrape was not linted");
    Process p = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(r.body().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("promtool check metrics").isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void wallboardFeed_prometheus_andReport_agreeForTheSameWindow() throws Exception {
    LiveHarness.Board board = h.board("");
    JsonNode frame = JSON.readTree(board.frame(h.centre.board().latest().sequence()));
    Map<String, Double> metrics = parse(h.get("/metrics").body());
    FigureBook book = h.centre.figures();
    long now = h.now;
    long from15 = now - Duration.ofMinutes(15).toNanos();
    long dayStart = book.periodStart(Period.DAY, now);
    assertThat(FigureBook.windowEnd(now)).as("a whole second on an interval boundary").isEqualTo(now);
    long answeredSomewhere = 0;
    for (JsonNode tile : frame.get("queues")) {
      String q = tile.get("queue").asText();
      Figures last15 = book.queue(q, from15, now);
      Figures today = book.queue(q, dayStart, now + 1);
      Figures total = book.queueTotal(q);
      long undecided = book.undecided(q, from15, now, now);
      String tag = "{queue=\"" + q + "\"";
      assertThat(tile.get("offered15").asLong()).as(q).isEqualTo(last15.offered());
      assertThat(tile.get("answered15").asLong()).as(q).isEqualTo(last15.answered());
      assertThat(tile.get("offeredToday").asLong()).as(q).isEqualTo(today.offered());
      assertThat(tile.get("abandonedToday").asLong()).as(q).isEqualTo(today.abandoned());
      double sl15 = last15.liveServiceLevel(undecided);
      if (Double.isNaN(sl15)) {
        assertThat(tile.get("serviceLevel15").isNull()).as(q).isTrue();
        assertThat(metrics.get("acd_service_level_ratio" + tag + ",window=\"15m\"}")).as(q).isNaN();
      } else {
        assertThat(tile.get("serviceLevel15").asDouble()).as(q).isCloseTo(sl15, within(0.00005));
        assertThat(metrics.get("acd_service_level_ratio" + tag + ",window=\"15m\"}")).as(q).isCloseTo(sl15, within(1e-9));
      }
      if (undecided == 0 && !Double.isNaN(sl15)) {
        assertThat(sl15).as("nothing waiting under T: the report's own rule").isEqualTo(last15.serviceLevel());
      }
      assertThat(metrics.get("acd_calls_offered_total" + tag + "}")).as(q).isEqualTo((double) total.offered());
      assertThat(metrics.get("acd_calls_answered_total" + tag + "}")).as(q).isEqualTo((double) total.answered());
      assertThat(metrics.get("acd_calls_answered_within_target_total" + tag + "}")).as(q)
          .isEqualTo((double) total.answeredWithinT());
      assertThat(metrics.get("acd_calls_abandoned_total" + tag + "}")).as(q).isEqualTo((double) total.abandoned());
      assertThat(metrics.get("acd_call_wait_seconds_count{outcome=\"answered\",queue=\"" + q + "\"}")).as(q)
          .isEqualTo((double) total.answered());
      assertThat(metrics.get("acd_call_wait_seconds_sum{outcome=\"answered\",queue=\"" + q + "\"}")).as(q)
          .isCloseTo(total.answeredWaitNanos() / 1e9, within(1e-3));
      assertThat(metrics.get("acd_call_talk_seconds_count" + tag + "}")).as(q).isEqualTo((double) total.talks());
      assertThat(tile.get("waiting").asInt()).as(q)
          .isEqualTo(metrics.get("acd_calls_waiting" + tag + "}").intValue())
          .isEqualTo(h.centre.board().snapshot().queue(q).waiting());
      answeredSomewhere += last15.answered();
    }
    assertThat(answeredSomewhere).as("the demo answered calls in the window").isPositive();
    board.socket.abort();
  }

  @Test
  void reconnectingBoard_withSince_getsResumeAndTheCurrentFrameAtOnce() throws Exception {
    long before = h.centre.board().latest().sequence();
    h.publish();
    h.publish();
    LiveHarness.Board board = h.board("?since=" + before + "&queue=general");
    JsonNode resume = JSON.readTree(board.next());
    assertThat(resume.get("type").asText()).isEqualTo("resume");
    assertThat(resume.get("missed").asLong()).isEqualTo(2);
    JsonNode frame = JSON.readTree(board.next());
    assertThat(frame.get("seq").asLong()).isEqualTo(before + 2);
    assertThat(frame.get("queues")).hasSize(1);
    assertThat(frame.get("queues").get(0).get("queue").asText()).isEqualTo("general");
    h.publish();
    assertThat(JSON.readTree(board.next()).get("seq").asLong()).isEqualTo(before + 3);
    board.socket.abort();
  }

  @Test
  void unknownQueueFilter_isAClear400_onThePageAndTheSocket() throws Exception {
    HttpResponse<String> page = h.get("/wallboard?queue=general,nope");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("unknown-queue", "no queue nope", "general").doesNotContain("Exception");
    String[] ws = h.handshake("/ws/wallboard?queue=nope");
    assertThat(ws[0]).contains(" 400 ");
    assertThat(ws[1]).contains("unknown-queue");
    assertThat(h.get("/wallboard?since=abc").statusCode()).isEqualTo(400);
    assertThat(h.get("/wallboard?queue=general").statusCode()).isEqualTo(200);
  }

  @Test
  void oversizedOrWrongRequests_getClearErrors_neverAStackTrace() throws Exception {
    HttpResponse<String> big = h.http.send(HttpRequest.newBuilder(URI.create(h.url("/wallboard")))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(big.statusCode()).isEqualTo(413);
    HttpResponse<String> longUrl = h.get("/wallboard?queue=" + "x".repeat(10_000));
    assertThat(longUrl.statusCode()).isBetween(400, 499);
    HttpResponse<String> post = h.http.send(HttpRequest.newBuilder(URI.create(h.url("/metrics")))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    for (HttpResponse<String> r : List.of(big, longUrl, post)) {
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  static Map<String, Double> parse(String scrape) {
    Map<String, Double> out = new HashMap<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  static String which(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, program);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
