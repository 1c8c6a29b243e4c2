package org.hotlineacd.acd.live;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BoardJson() {}

  static WallboardFrame frame(LiveSnapshot s, WallboardSettings c) {
    List<WallboardFrame.Tile> tiles = new ArrayList<>(s.queues().size());
    for (LiveQueue q : s.queues()) {
      tiles.add(new WallboardFrame.Tile(q.id(), tile(q, c)));
    }
    Figures today = s.centre().today();
    Map<String, Object> colours = new LinkedHashMap<>();
    colours.put("serviceLevelAmberBelow", c.serviceLevelAmberBelow());
    colours.put("serviceLevelRedBelow", c.serviceLevelRedBelow());
    colours.put("longestWaitAmberSeconds", c.longestWaitAmber().toSeconds());
    colours.put("longestWaitRedSeconds", c.longestWaitRed().toSeconds());
    colours.put("waitingAmber", c.waitingAmber());
    colours.put("waitingRed", c.waitingRed());
    colours.put("abandonAmber", c.abandonAmber());
    colours.put("abandonRed", c.abandonRed());
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("at", LocalDateTime.ofInstant(Instant.ofEpochSecond(0, s.atNanos()), s.zone()).withNano(0).toString());
    head.put("zone", s.zone().getId());
    head.put("answerTargetSeconds", today.thresholds().answerTarget().toSeconds());
    head.put("longCallSeconds", today.thresholds().longCall().toSeconds());
    head.put("formula", today.formula().configName());
    head.put("colours", colours);
    head.put("centre", RawJson.of(tile(s.centre(), c)));
    String object = write(head);
    // The frame splices the head's members into its own object: drop the braces.
    return new WallboardFrame(s.sequence(), s.atNanos(), object.substring(1, object.length() - 1), tiles);
  }

  static String tile(LiveQueue q, WallboardSettings c) {
    Figures today = q.today();
    Figures last15 = q.last15();
    double slToday = q.serviceLevelToday();
    double sl15 = q.serviceLevel15();
    double abandonRate = today.abandonRate();
    Map<String, Object> agents = new LinkedHashMap<>();
    for (AgentState st : AgentState.values()) {
      if (st != AgentState.LOGGED_OUT) {
        agents.put(st.label(), q.agentsIn(st));
      }
    }
    Map<String, Object> levels = new LinkedHashMap<>();
    levels.put("waiting", above(q.waiting(), c.waitingAmber(), c.waitingRed()));
    levels.put("longestWait", above(q.longestWaitNanos(), c.longestWaitAmber().toNanos(), c.longestWaitRed().toNanos()));
    levels.put("serviceLevelToday", below(slToday, c));
    levels.put("serviceLevel15", below(sl15, c));
    levels.put("abandoned", abandonLevel(abandonRate, c));
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("queue", q.id());
    t.put("name", q.name());
    t.put("waiting", q.waiting());
    t.put("longestWaitSeconds", q.longestWaitNanos() / 1_000_000_000L);
    t.put("loggedIn", q.loggedInAgents());
    t.put("agents", agents);
    t.put("serviceLevelToday", decimal(slToday));
    t.put("serviceLevel15", decimal(sl15));
    t.put("asaSeconds", decimal(today.asaSeconds()));
    t.put("averageTalkSeconds", decimal(today.averageTalkSeconds()));
    t.put("longCallShare", decimal(today.longCallShare()));
    t.put("offeredToday", today.offered());
    t.put("answeredToday", today.answered());
    t.put("abandonedToday", today.abandoned());
    t.put("abandonRate", decimal(abandonRate));
    t.put("offered15", last15.offered());
    t.put("answered15", last15.answered());
    t.put("answered60", q.last60().answered());
    t.put("levels", levels);
    return write(t);
  }

  private static String write(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a wallboard frame as JSON", e);
    }
  }

  /** A figure with four decimals, or {@code null} (JSON null) for no data. */
  private static BigDecimal decimal(double v) {
    String n = number(v);
    return n.equals("null") ? null : new BigDecimal(n);
  }

  /** A piece of JSON written already (a tile inside the head). */
  private record RawJson(@JsonValue @JsonRawValue String json) {
    static RawJson of(String json) {
      return new RawJson(json);
    }
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
}
