package org.hotlineacd.acd.sim;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hotlineacd.acd.sim.YamlTree.ListNode;
import org.hotlineacd.acd.sim.YamlTree.MapNode;
import org.hotlineacd.acd.sim.YamlTree.Node;
import org.hotlineacd.acd.sim.YamlTree.Pos;
import org.hotlineacd.acd.sim.YamlTree.Scalar;
import org.hotlineacd.cti.sim.AgentGroup;
import org.hotlineacd.cti.sim.BreakPlan;
import org.hotlineacd.cti.sim.Distribution;
import org.hotlineacd.cti.sim.IntradayCurve;
import org.hotlineacd.cti.sim.LineTraffic;
import org.hotlineacd.cti.sim.Shift;
import org.hotlineacd.cti.sim.StartBurst;
import org.hotlineacd.cti.sim.TrafficProfile;

/**
 * Walks a profile's YAML tree into validated records. Every problem becomes a {@link
 * ProfileException} at the position of the value (or, for a missing field, of its mapping).
 */
final class ProfileParser {
  private static final Set<String> TOP = Set.of("name", "timeZone", "lines", "agentGroups");
  private static final Set<String> LINE = Set.of(
      "line", "callsPerHour", "callsPerDay", "intraday", "patience", "talk", "agentEndsShare", "startBurst");
  private static final Set<String> GROUP = Set.of(
      "idPrefix", "count", "skills", "shift", "ringDelay", "noAnswerProbability", "wrapUp", "breaks");
  private static final Set<String> BREAK = Set.of("every", "length", "reason");

  private final String file;
  final List<LoadedProfile.Reference> references = new ArrayList<>();

  ProfileParser(String file) {
    this.file = file;
  }

  ProfileException error(Pos pos, String field, String problem, Throwable cause) {
    return new ProfileException(file, pos.line(), pos.column(), field, problem, cause);
  }

  /** A mapping with its path, for reading fields by name. */
  private final class Fields {
    final MapNode map;
    final String path;

    Fields(Node node, String path, Set<String> known) {
      if (!(node instanceof MapNode m)) {
        throw error(node.pos(), path, "must be a mapping, was " + node.kind(), null);
      }
      this.map = m;
      this.path = path;
      for (Map.Entry<String, YamlTree.Entry> e : m.entries().entrySet()) {
        if (!known.contains(e.getKey())) {
          throw error(e.getValue().keyPos(), at(e.getKey()),
              "unknown field; known fields are " + String.join(", ", known.stream().sorted().toList()), null);
        }
      }
    }

    String at(String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
      YamlTree.Entry e = map.entries().get(name);
      return e != null && !(e.value() instanceof Scalar s && s.text() == null);
    }

    Node node(String name) {
      if (!has(name)) {
        throw error(map.pos(), at(name), "is required", null);
      }
      return map.entries().get(name).value();
    }

    <T> T scalar(String name, String expected, Function<String, T> parse) {
      Node n = node(name);
      if (!(n instanceof Scalar s)) {
        throw error(n.pos(), at(name), "must be " + expected + ", was " + n.kind(), null);
      }
      try {
        return parse.apply(s.text());
      } catch (RuntimeException e) {
        throw error(n.pos(), at(name), e.getMessage(), e);
      }
    }

    String text(String name) {
      return scalar(name, "a text", t -> {
        if (t.isBlank()) {
          throw new IllegalArgumentException("must not be blank");
        }
        return t;
      });
    }

    double number(String name, double min, double max) {
      return scalar(name, "a number", t -> {
        double v;
        try {
          v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("must be a number, was '" + t + "'");
        }
        if (!(v >= min && v <= max)) {
          throw new IllegalArgumentException("must be " + range(min, max) + ", was " + t);
        }
        return v;
      });
    }

    int integer(String name, int min, int max) {
      return scalar(name, "a whole number", t -> {
        int v;
        try {
          v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("must be a whole number, was '" + t + "'");
        }
        if (v < min || v > max) {
          throw new IllegalArgumentException("must be " + min + "-" + max + ", was " + t);
        }
        return v;
      });
    }

    Duration duration(String name) {
      return scalar(name, "a duration", Texts::duration);
    }

    Distribution distribution(String name, Distribution absent) {
      return has(name) || absent == null ? scalar(name, "a distribution", Texts::distribution) : absent;
    }

    ListNode list(String name) {
      Node n = node(name);
      if (!(n instanceof ListNode l)) {
        throw error(n.pos(), at(name), "must be a list, was " + n.kind(), null);
      }
      return l;
    }
  }

  private static String range(double min, double max) {
    if (max == Double.MAX_VALUE) {
      return ">= " + (min == Math.rint(min) ? Long.toString((long) min) : Double.toString(min));
    }
    return (long) min + "-" + (long) max;
  }

  TrafficProfile profile(Node root, String defaultName) {
    if (root == null) {
      throw error(new Pos(0, 0), "", "the file is empty", null);
    }
    Fields top = new Fields(root, "", TOP);
    String name = top.has("name") ? top.text("name") : defaultName;
    ZoneId zone = top.has("timeZone") ? top.scalar("timeZone", "a time zone", ProfileParser::zone) : ZoneId.of("UTC");
    List<LineTraffic> lines = new ArrayList<>();
    Map<String, Pos> seenLines = new LinkedHashMap<>();
    if (top.has("lines")) {
      List<Node> items = top.list("lines").items();
      for (int i = 0; i < items.size(); i++) {
        LineTraffic line = line(new Fields(items.get(i), "lines[" + i + "]", LINE));
        Pos pos = items.get(i).pos();
        if (seenLines.putIfAbsent(line.line(), pos) != null) {
          throw error(pos, "lines[" + i + "].line", "line '" + line.line() + "' is already described above", null);
        }
        lines.add(line);
      }
    }
    List<AgentGroup> groups = new ArrayList<>();
    Map<String, String> seenIds = new LinkedHashMap<>();
    if (top.has("agentGroups")) {
      List<Node> items = top.list("agentGroups").items();
      for (int i = 0; i < items.size(); i++) {
        String path = "agentGroups[" + i + "]";
        AgentGroup g = group(new Fields(items.get(i), path, GROUP));
        for (String id : g.agentIds()) {
          String other = seenIds.putIfAbsent(id, path);
          if (other != null) {
            throw error(items.get(i).pos(), path + ".idPrefix", "agent id " + id + " is also produced by " + other, null);
          }
        }
        groups.add(g);
      }
    }
    try {
      return new TrafficProfile(name, zone, lines, groups);
    } catch (IllegalArgumentException e) {
      throw error(root.pos(), "", e.getMessage(), e);
    }
  }

  private LineTraffic line(Fields f) {
    String id = f.text("line");
    references.add(new LoadedProfile.Reference("line", id, file, f.map.entries().get("line").value().pos(), f.at("line")));
    boolean perHour = f.has("callsPerHour");
    if (perHour == f.has("callsPerDay")) {
      throw error(f.map.pos(), f.at("callsPerHour"), "give exactly one of callsPerHour (flat) and callsPerDay", null);
    }
    double perDay;
    IntradayCurve curve = IntradayCurve.FLAT;
    if (perHour) {
      if (f.has("intraday")) {
        throw error(f.node("intraday").pos(), f.at("intraday"), "an intraday curve needs callsPerDay, not callsPerHour", null);
      }
      perDay = 24 * f.number("callsPerHour", 0, Double.MAX_VALUE);
    } else {
      perDay = f.number("callsPerDay", 0, Double.MAX_VALUE);
      if (f.has("intraday")) {
        curve = curve(f);
      }
    }
    Distribution patience = f.distribution("patience", null);
    Distribution talk = f.distribution("talk", null);
    if (!talk.finite()) {
      throw error(f.node("talk").pos(), f.at("talk"), "talk time must be finite", null);
    }
    double agentEnds = f.has("agentEndsShare") ? f.number("agentEndsShare", 0, 1) : 0;
    StartBurst burst = StartBurst.NONE;
    if (f.has("startBurst")) {
      Fields b = new Fields(f.node("startBurst"), f.at("startBurst"), Set.of("calls", "within"));
      int calls = b.integer("calls", 0, 100_000);
      Duration within = b.has("within") ? b.duration("within") : Duration.ofSeconds(5);
      if (within.isNegative() || within.isZero()) {
        throw error(b.node("within").pos(), b.at("within"), "must be positive", null);
      }
      burst = new StartBurst(calls, within);
    }
    return new LineTraffic(id, perDay, curve, patience, talk, agentEnds, burst);
  }

  private IntradayCurve curve(Fields f) {
    ListNode list = f.list("intraday");
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node n = list.items().get(i);
      String path = f.at("intraday") + "[" + i + "]";
      double w;
      try {
        w = n instanceof Scalar s && s.text() != null ? Double.parseDouble(s.text()) : Double.NaN;
      } catch (NumberFormatException e) {
        w = Double.NaN;
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw error(n.pos(), path, "a weight must be a number >= 0", null);
      }
      weights.add(w);
    }
    try {
      return new IntradayCurve(weights);
    } catch (IllegalArgumentException e) {
      throw error(list.pos(), f.at("intraday"), e.getMessage(), e);
    }
  }

  private AgentGroup group(Fields f) {
    String prefix = f.text("idPrefix");
    int count = f.integer("count", 1, 100_000);
    Map<String, Integer> skills = new LinkedHashMap<>();
    Fields s = new Fields(f.node("skills"), f.at("skills"), new AnySet());
    for (String skill : s.map.entries().keySet()) {
      skills.put(skill, s.integer(skill, 1, 10));
      references.add(new LoadedProfile.Reference("skill", skill, file, s.map.entries().get(skill).keyPos(), s.at(skill)));
    }
    Shift shift = f.has("shift") ? shift(f) : Shift.ALWAYS;
    Distribution ringDelay = f.distribution("ringDelay", Distribution.zero());
    double noAnswer = f.has("noAnswerProbability") ? f.number("noAnswerProbability", 0, 1) : 0;
    Distribution wrapUp = f.distribution("wrapUp", Distribution.zero());
    for (String name : List.of("ringDelay", "wrapUp")) {
      if (f.has(name) && !f.distribution(name, null).finite()) {
        throw error(f.node(name).pos(), f.at(name), "must be finite", null);
      }
    }
    List<BreakPlan> breaks = new ArrayList<>();
    if (f.has("breaks")) {
      List<Node> items = f.list("breaks").items();
      for (int i = 0; i < items.size(); i++) {
        Fields b = new Fields(items.get(i), f.at("breaks") + "[" + i + "]", BREAK);
        Distribution every = b.distribution("every", null);
        Distribution length = b.distribution("length", null);
        String reason = b.text("reason");
        references.add(new LoadedProfile.Reference("reason", reason, file, b.node("reason").pos(), b.at("reason")));
        try {
          breaks.add(new BreakPlan(every, length, reason));
        } catch (IllegalArgumentException e) {
          throw error(items.get(i).pos(), b.path, e.getMessage(), e);
        }
      }
    }
    try {
      return new AgentGroup(prefix, count, skills, shift, ringDelay, noAnswer, wrapUp, breaks);
    } catch (IllegalArgumentException e) {
      throw error(f.map.pos(), f.path, e.getMessage(), e);
    }
  }

  private Shift shift(Fields f) {
    Node n = f.node("shift");
    if (n instanceof Scalar s && "always".equals(s.text())) {
      return Shift.ALWAYS;
    }
    if (n instanceof Scalar) {
      throw error(n.pos(), f.at("shift"), "must be 'always' or a mapping with start and end, like {start: \"08:00\", end: \"17:00\"}", null);
    }
    Fields h = new Fields(n, f.at("shift"), Set.of("start", "end"));
    LocalTime start = h.scalar("start", "a time of day", ProfileParser::time);
    LocalTime end = h.scalar("end", "a time of day", ProfileParser::time);
    if (start.equals(end)) {
      throw error(n.pos(), f.at("shift"), "start equals end; write 'always' for a group that never goes home", null);
    }
    return new Shift(start, end);
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day like 08:00 or 17:30");
    }
  }

  /** Accepts any field name (skill maps are keyed by skill). */
  private static final class AnySet extends java.util.AbstractSet<String> {
    @Override
    public boolean contains(Object o) {
      return true;
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Collections.emptyIterator();
    }

    @Override
    public int size() {
      return 0;
    }
  }

  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + text + "'");
    }
  }
}
