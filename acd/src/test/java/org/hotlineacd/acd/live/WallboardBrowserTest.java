package org.hotlineacd.acd.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hotlineacd.acd.config.WallboardSettings;
import org.junit.jupiter.api.Test;
import org.hotlineacd.acd.browser.HeadlessChromium;

/**
 * The wallboard page in Debian's headless Chromium while the demo centre runs on virtual time:
 * the tiles show the engine's published numbers, and the screenshot shows each tile in the colour
 * its thresholds call for. The screenshot is kept as {@code target/wallboard.png}.
 */
class WallboardBrowserTest {
  /** The tile colours of wallboard.css, by level. */
  private static final Map<String, Integer> COLOURS = Map.of(
      "ok", 0x1f7a45, "amber", 0xc98a12, "red", 0xc0392b, "plain", 0x263143);

  @Test
  void tilesShowTheEnginesNumbers_inTheirThresholdColours() throws Exception {
    var binary = HeadlessChromium.binary();
    assumeTrue(binary.isPresent(), "Chromium is not installed (Debian package 'chromium'): the wallboard page was not "
        + "checked in a browser");
    try (LiveHarness h = LiveHarness.start(List.of())) {
      h.run(Duration.ofMinutes(20));
      LiveSnapshot first = h.publish();
      try (HeadlessChromium browser = new HeadlessChromium(binary.get(), h.url("/wallboard"))) {
        browser.awaitTrue("Number(document.body && document.body.dataset.seq) >= " + first.sequence(), Duration.ofSeconds(20));
        h.run(Duration.ofSeconds(90));
        LiveSnapshot shown = h.publish();
        browser.awaitTrue("Number(document.body && document.body.dataset.seq) === " + shown.sequence(), Duration.ofSeconds(10));
        JsonNode figs = browser.eval("""
            [...document.querySelectorAll('#tiles .fig')].map(e => { const r = e.getBoundingClientRect();
              return {queue: e.dataset.queue, field: e.dataset.field, level: e.dataset.level,
                      text: e.querySelector('.value').textContent, x: Math.round(r.left) + 4, y: Math.round(r.top) + 4}; })""");
        byte[] png = browser.screenshot();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/wallboard.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        WallboardSettings colours = h.centre.config().wallboard();
        int checked = 0;
        long waitingCalls = 0;
        for (JsonNode fig : figs) {
          LiveQueue q = shown.queue(fig.get("queue").asText());
          assertThat(q).as("a tile of a configured queue").isNotNull();
          String field = fig.get("field").asText();
          String where = q.id() + "." + field;
          assertThat(fig.get("text").asText()).as(where).isEqualTo(expectedText(q, field));
          String level = expectedLevel(q, field, colours);
          assertThat(fig.get("level").asText()).as(where).isEqualTo(level);
          int y = fig.get("y").asInt();
          if (y < image.getHeight()) {
            int rgb = image.getRGB(fig.get("x").asInt(), y) & 0xffffff;
            assertThat(close(rgb, COLOURS.get(level))).as("%s is %s on the screenshot: #%06x", where, level, rgb).isTrue();
            checked++;
          }
          if (field.equals("waiting")) {
            waitingCalls += q.waiting();
          }
        }
        assertThat(figs.size()).isEqualTo(shown.queues().size() * 9);
        assertThat(checked).as("tiles visible on the screenshot").isGreaterThanOrEqualTo(18);
        assertThat(shown.centre().today().answered()).as("the simulation is running").isPositive();
        assertThat(waitingCalls).isEqualTo(shown.centre().waiting());
      }
    }
  }

  static String expectedText(LiveQueue q, String field) {
    return switch (field) {
      case "waiting" -> Integer.toString(q.waiting());
      case "longestWait" -> clock(q.longestWaitNanos() / 1_000_000_000L);
      case "serviceLevelToday" -> percent(q.serviceLevelToday());
      case "serviceLevel15" -> percent(q.serviceLevel15());
      case "asa" -> Double.isNaN(q.today().asaSeconds()) ? "-" : fixed(json(q.today().asaSeconds()), 1) + " s";
      case "averageTalk" -> Double.isNaN(q.today().averageTalkSeconds()) ? "-"
          : clock(Math.round(json(q.today().averageTalkSeconds())));
      case "longCallShare" -> percent(q.today().longCallShare());
      case "abandoned" -> Long.toString(q.today().abandoned());
      case "agents" -> "ready " + q.agentsIn(org.hotlineacd.cti.model.AgentState.READY)
          + " · on call " + q.agentsIn(org.hotlineacd.cti.model.AgentState.ON_CALL)
          + " · ringing " + q.agentsIn(org.hotlineacd.cti.model.AgentState.RINGING)
          + " · wrap-up " + q.agentsIn(org.hotlineacd.cti.model.AgentState.WRAP_UP)
          + " · not ready " + q.agentsIn(org.hotlineacd.cti.model.AgentState.NOT_READY);
      default -> throw new AssertionError("unexpected tile figure " + field);
    };
  }

  static String expectedLevel(LiveQueue q, String field, WallboardSettings c) {
    return switch (field) {
      case "waiting" -> BoardJson.above(q.waiting(), c.waitingAmber(), c.waitingRed());
      case "longestWait" -> BoardJson.above(q.longestWaitNanos(), c.longestWaitAmber().toNanos(), c.longestWaitRed().toNanos());
      case "serviceLevelToday" -> BoardJson.below(q.serviceLevelToday(), c);
      case "serviceLevel15" -> BoardJson.below(q.serviceLevel15(), c);
      case "abandoned" -> {
        double r = q.today().abandonRate();
        yield Double.isNaN(r) || r * 100 <= c.abandonAmber() ? "ok" : r * 100 > c.abandonRed() ? "red" : "amber";
      }
      default -> "plain";
    };
  }

  /** The value as the feed carries it (four decimals). */
  private static double json(double v) {
    return Double.parseDouble(BoardJson.number(v));
  }

  /** As JavaScript's toFixed: the exact binary value rounded half up. */
  private static String fixed(double v, int places) {
    return new BigDecimal(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : fixed(json(fraction) * 100, 1) + " %";
  }

  private static String clock(long seconds) {
    return seconds / 60 + ":" + (seconds % 60 < 10 ? "0" : "") + seconds % 60;
  }

  private static boolean close(int rgb, int expected) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((expected >> shift) & 0xff)) > 6) {
        return false;
      }
    }
    return true;
  }
}
