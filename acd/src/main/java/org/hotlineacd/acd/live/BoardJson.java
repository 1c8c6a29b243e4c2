package org.hotlineacd.acd.live;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotlineacd.acd.config.WallboardSettings;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.port.WallboardFrame;

/**
 * Renders a {@link LiveSnapshot} as a wallboard frame: one JSON object per tile, the colour level
 * of each coloured figure decided here from the configured thresholds (so every board shows the
 * same colours). Numbers: seconds and fractions with four decimals; {@code null} for "no data".
 */
final class BoardJson {
  static final String OK = "ok";
  static final String AMBER = "amber";
  static final String RED = "red";

  private BoardJson() {}

  static WallboardFrame frame(LiveSnapshot s, WallboardSettings c) {
    List<WallboardFrame.Tile> tiles = new ArrayList<>(s.queues().size());
    for (LiveQueue q : s.queues()) {
      tiles.add(new WallboardFrame.Tile(q.id(), tile(q, c)));
    }
    Figures today = s.centre().today();
    StringBuilder head = new StringBuilder(1024);
    head.append("\"at\":\"").append(LocalDateTime.ofInstant(Instant.ofEpochSecond(0, s.atNanos()), s.zone()).withNano(0))
        .append("\",\"zone\":\"").append(s.zone().getId())
        .append("\",\"answerTargetSeconds\":").append(today.thresholds().answerTarget().toSeconds())
        .append(",\"longCallSeconds\":").append(today.thresholds().longCall().toSeconds())
        .append(",\"formula\":\"").append(today.formula().configName())
        .append("\",\"colours\":{\"serviceLevelAmberBelow\":").append(c.serviceLevelAmberBelow())
        .append(",\"serviceLevelRedBelow\":").append(c.serviceLevelRedBelow())
        .append(",\"longestWaitAmberSeconds\":").append(c.longestWaitAmber().toSeconds())
        .append(",\"longestWaitRedSeconds\":").append(c.longestWaitRed().toSeconds())
        .append(",\"waitingAmber\":").append(c.waitingAmber()).append(",\"waitingRed\":").append(c.waitingRed())
        .append(",\"abandonAmber\":").append(c.abandonAmber()).append(",\"abandonRed\":").append(c.abandonRed())
        .append("},\"centre\":").append(tile(s.centre(), c));
    return new WallboardFrame(s.sequence(), s.atNanos(), head.toString(), tiles);
  }

  static String tile(LiveQueue q, WallboardSettings c) {
    Figures today = q.today();
    Figures last15 = q.last15();
    double slToday = q.serviceLevelToday();
    double sl15 = q.serviceLevel15();
    double abandonRate = today.abandonRate();
    StringBuilder b = new StringBuilder(700);
    b.append("{\"queue\":\"").append(escape(q.id())).append("\",\"name\":\"").append(escape(q.name()))
        .append("\",\"waiting\":").append(q.waiting())
        .append(",\"longestWaitSeconds\":").append(q.longestWaitNanos() / 1_000_000_000L)
        .append(",\"loggedIn\":").append(q.loggedInAgents())
        .append(",\"agents\":{");
    boolean first = true;
    for (AgentState st : AgentState.values()) {
      if (st == AgentState.LOGGED_OUT) {
        continue;
      }
      if (!first) {
        b.append(',');
      }
      b.append('"').append(st.label()).append("\":").append(q.agentsIn(st));
      first = false;
    }
    b.append("},\"serviceLevelToday\":").append(number(slToday))
        .append(",\"serviceLevel15\":").append(number(sl15))
        .append(",\"asaSeconds\":").append(number(today.asaSeconds()))
        .append(",\"averageTalkSeconds\":").append(number(today.averageTalkSeconds()))
        .append(",\"longCallShare\":").append(number(today.longCallShare()))
        .append(",\"offeredToday\":").append(today.offered())
        .append(",\"answeredToday\":").append(today.answered())
        .append(",\"abandonedToday\":").append(today.abandoned())
        .append(",\"abandonRate\":").append(number(abandonRate))
        .append(",\"offered15\":").append(last15.offered())
        .append(",\"answered15\":").append(last15.answered())
        .append(",\"answered60\":").append(q.last60().answered())
        .append(",\"levels\":{\"waiting\":\"").append(above(q.waiting(), c.waitingAmber(), c.waitingRed()))
        .append("\",\"longestWait\":\"").append(above(q.longestWaitNanos(), c.longestWaitAmber().toNanos(),
            c.longestWaitRed().toNanos()))
        .append("\",\"serviceLevelToday\":\"").append(below(slToday, c))
        .append("\",\"serviceLevel15\":\"").append(below(sl15, c))
        .append("\",\"abandoned\":\"").append(abandonLevel(abandonRate, c))
        .append("\"}}");
    return b.toString();
  }

  static String above(long value, long amber, long red) {
    return value > red ? RED : value > amber ? AMBER : OK;
  }

  static String below(double fraction, WallboardSettings c) {
    if (Double.isNaN(fraction)) {
      return OK;
    }
    double percent = fraction * 100;
    return percent < c.serviceLevelRedBelow() ? RED : percent < c.serviceLevelAmberBelow() ? AMBER : OK;
  }

  private static String abandonLevel(double fraction, WallboardSettings c) {
    if (Double.isNaN(fraction)) {
      return OK;
    }
    double percent = fraction * 100;
    return percent > c.abandonRed() ? RED : percent > c.abandonAmber() ? AMBER : OK;
  }

  static String number(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (ch < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
