package org.hotlineacd.acd.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.hotlineacd.bridge.auth.SecretHash;

/**
 * Binds a YAML tree to an {@link AcdConfig}, section by section. Every problem is reported and
 * replaced by a default so the rest of the file is still checked; an item that cannot be built at
 * all (no id, say) is left out, and {@link #yamlIndices} remembers which YAML item each built one
 * came from, so cross-reference problems point at the right lines.
 */
final class ConfigBinder {
  /** The sections the loader interprets. */
  static final List<String> SECTIONS = List.of(
      "settings", "server", "security", "skills", "notReadyReasons", "dispositions", "categories", "transferTargets",
      "lines", "queues", "agents", "asterisk", "storage", "caseSystem", "wallboard", "businessHours");

  /** Sections reserved for later issues: accepted when they are maps, not interpreted yet. */
  static final List<String> RESERVED = List.of();

  /** Every top-level key, in the order error messages list them. */
  private static final List<String> TOP_KEYS =
      java.util.stream.Stream.concat(SECTIONS.stream(), RESERVED.stream()).toList();
  private static final List<String> SETTINGS_KEYS = List.of("timeZone", "maxConsecutiveNoAnswer");
  private static final List<String> SERVER_KEYS = List.of("port", "bind", "tls");
  private static final List<String> TLS_KEYS = List.of("certificate", "privateKey");
  private static final List<String> SECURITY_KEYS = List.of("allowedOrigins", "secondLogin", "heartbeat",
      "heartbeatTimeout", "reconnectGrace", "disconnectReason", "tokenLifetime", "maxFrameBytes", "maxMessagesPerSecond",
      "adminTokens", "wallboardTokens");
  private static final List<String> TOKEN_KEYS = List.of("name", "sha256");
  private static final List<String> WALLBOARD_KEYS =
      List.of("serviceLevel", "longestWait", "callsWaiting", "abandonRate");
  private static final List<String> BELOW_KEYS = List.of("amberBelow", "redBelow");
  private static final List<String> ABOVE_KEYS = List.of("amberAbove", "redAbove");
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+(:\\d{1,5})?");
  private static final List<String> TARGET_KEYS = List.of("dialString", "description");
  private static final List<String> LINE_KEYS =
      List.of("id", "name", "queue", "priority", "callerData", "transferInLabel", "hours");
  private static final List<String> AGENT_KEYS = List.of("id", "name", "endpoint", "skills", "secretHash");
  private static final List<String> BUILT_IN_REASONS =
      List.of(AcdConfig.NO_ANSWER_REASON, AcdConfig.LOGIN_REASON);
  private static final Pattern BIND = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]+");
  private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9_-]+/\\S+");

  private final Problems problems;
  private final Map<String, List<Integer>> yamlIndices = new HashMap<>();
  /** Endpoint to the agent that has it, so two agents never share a phone. */
  private final Map<String, String> endpoints = new HashMap<>();
  /** Calendars written in the file but not built: a line naming one is not told it is unknown. */
  private final java.util.Set<String> brokenCalendars = new java.util.HashSet<>();

  ConfigBinder(Problems problems) {
    this.problems = problems;
  }

  /** For the YAML path of a list, the YAML index of each item that made it into the config. */
  Map<String, List<Integer>> yamlIndices() {
    return yamlIndices;
  }

  /** Reference problems that only repeat a problem already reported where a calendar is written. */
  boolean repeatsBrokenCalendar(String sentence) {
    for (String name : brokenCalendars) {
      if (sentence.contains("unknown business-hours calendar '" + name + "'")) {
        return true;
      }
    }
    return false;
  }

  Optional<AcdConfig> bind(YamlNode root) {
    Optional<Fields> top = Fields.of(root, "", problems, TOP_KEYS);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Fields f = top.get();
    EngineSettings settings = f.node("settings").map(this::settings).orElse(EngineSettings.DEFAULT);
    ServerSettings server = f.node("server").map(this::server).orElse(ServerSettings.DEFAULT);
    List<String> skills = f.node("skills").map(n -> idList(n, "skills", "skill")).orElse(List.of());
    List<String> reasons = f.node("notReadyReasons").map(n -> idList(n, "notReadyReasons", "reason")).orElse(List.of());
    Map<String, TransferTarget> targets = f.node("transferTargets").map(this::targets).orElse(Map.of());
    List<LineConfig> lines = f.node("lines").map(n -> items(n, "lines", this::line)).orElse(List.of());
    QueueBinder queueBinder = new QueueBinder(problems, yamlIndices);
    List<QueueConfig> queues = f.required("queues").map(n -> items(n, "queues", queueBinder::queue)).orElse(List.of());
    HoursBinder hoursBinder = new HoursBinder(problems, queueBinder);
    Map<String, BusinessHours> hours = f.node("businessHours").map(hoursBinder::calendars).orElse(Map.of());
    brokenCalendars.addAll(hoursBinder.broken());
    List<AgentConfig> agents = f.node("agents").map(n -> items(n, "agents", this::agent)).orElse(List.of());
    StoreBinder store = new StoreBinder(problems);
    StorageConfig storage = f.node("storage").map(store::storage).orElse(StorageConfig.DEFAULT);
    CaseSystemConfig caseSystem = f.node("caseSystem").flatMap(store::caseSystem).orElse(null);
    org.hotlineacd.cti.asterisk.AmiSettings asterisk =
        f.node("asterisk").map(new AsteriskBinder(problems)::bind).orElse(null);
    SecuritySettings security = f.node("security").map(this::security).orElse(SecuritySettings.DEFAULT);
    Map<String, String> dispositions = f.node("dispositions").map(n -> labels(n, "dispositions", "disposition")).orElse(Map.of());
    Map<String, String> categories = f.node("categories").map(n -> labels(n, "categories", "category")).orElse(Map.of());
    for (String reserved : RESERVED) {
      f.node(reserved).ifPresent(n -> Values.map(n, reserved, problems));
    }
    WallboardSettings wallboard = f.node("wallboard").map(this::wallboard).orElse(WallboardSettings.DEFAULT);
    return Optional.of(new AcdConfig(settings, skills, reasons, lines, queues, agents, targets, server, storage,
        caseSystem, asterisk, security, dispositions, categories, wallboard, hours));
  }

  /** Binds each item of a list, leaving out the ones that cannot be built. */
  <T> List<T> items(YamlNode node, String path, BiFunction<YamlNode, String, Optional<T>> item) {
    Optional<YamlNode.ListNode> list = Values.list(node, path, problems);
    List<T> built = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; list.isPresent() && i < list.get().items().size(); i++) {
      YamlNode n = list.get().items().get(i);
      Optional<T> t = buildItem(n, path + "[" + i + "]", item);
      if (t.isPresent()) {
        built.add(t.get());
        indices.add(i);
      }
    }
    yamlIndices.put(path, indices);
    return built;
  }

  /** Binds one item; a record invariant the binder did not check itself is still reported. */
  private <T> Optional<T> buildItem(YamlNode n, String path, BiFunction<YamlNode, String, Optional<T>> item) {
    try {
      return item.apply(n, path);
    } catch (IllegalArgumentException e) {
      problems.add(n, path, String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  private EngineSettings settings(YamlNode node) {
    return Fields.of(node, "settings", problems, SETTINGS_KEYS).map(f -> {
      ZoneId zone = f.node("timeZone").flatMap(n -> zone(n, f.at("timeZone")))
          .orElse(EngineSettings.DEFAULT.timeZone());
      int noAnswer = f.integer("maxConsecutiveNoAnswer", "maxConsecutiveNoAnswer", 1, Integer.MAX_VALUE,
          EngineSettings.DEFAULT.maxConsecutiveNoAnswer());
      return new EngineSettings(zone, noAnswer);
    }).orElse(EngineSettings.DEFAULT);
  }

  private Optional<ZoneId> zone(YamlNode node, String path) {
    return Values.string(node, path, problems).flatMap(text -> {
      try {
        return Optional.of(ZoneId.of(text));
      } catch (DateTimeException e) {
        StringBuilder m = new StringBuilder("unknown time zone '").append(text).append('\'');
        Suggest.closest(text, ZoneId.getAvailableZoneIds())
            .ifPresent(z -> m.append("; did you mean '").append(z).append("'?"));
        m.append(" (an IANA zone such as Asia/Shanghai, or UTC)");
        problems.add(node, path, m.toString());
        return Optional.empty();
      }
    });
  }

  private ServerSettings server(YamlNode node) {
    return Fields.of(node, "server", problems, SERVER_KEYS).map(f -> {
      int port = f.integer("port", "port", 1, 65535, ServerSettings.DEFAULT.port());
      String bind = f.string("bind").filter(b -> {
        if (BIND.matcher(b).matches()) {
          return true;
        }
        problems.add(f.node("bind").orElseThrow(), f.at("bind"), "bind must be an IP address or host name, was '" + b + "'");
        return false;
      }).orElse(ServerSettings.DEFAULT.bind());
      Optional<Fields> tls = f.node("tls").flatMap(n -> Fields.of(n, f.at("tls"), problems, TLS_KEYS));
      Path cert = tls.flatMap(t -> t.requiredString("certificate")).map(Path::of).orElse(null);
      Path key = tls.flatMap(t -> t.requiredString("privateKey")).map(Path::of).orElse(null);
      if (cert == null || key == null) {
        cert = null;
        key = null;
      }
      return new ServerSettings(port, bind, cert, key);
    }).orElse(ServerSettings.DEFAULT);
  }

  private SecuritySettings security(YamlNode node) {
    SecuritySettings d = SecuritySettings.DEFAULT;
    return Fields.of(node, "security", problems, SECURITY_KEYS).map(f -> {
      List<String> origins = f.node("allowedOrigins").map(n -> strings(n, f.at("allowedOrigins"))).orElse(List.of());
      for (int i = 0; i < origins.size(); i++) {
        if (!ORIGIN.matcher(origins.get(i)).matches()) {
          YamlNode n = f.node("allowedOrigins").orElseThrow();
          YamlNode item = n instanceof YamlNode.ListNode l ? l.items().get(i) : n;
          problems.add(item, f.at("allowedOrigins") + "[" + i + "]", "an origin is scheme://host[:port] with no path, e.g. "
              + "https://acd.example.org or http://127.0.0.1:8080; was '" + origins.get(i) + "'");
        }
      }
      SecuritySettings.SecondLogin second = f.string("secondLogin").flatMap(text -> {
        for (SecuritySettings.SecondLogin v : SecuritySettings.SecondLogin.values()) {
          if (v.name().equalsIgnoreCase(text)) {
            return Optional.of(v);
          }
        }
        problems.add(f.node("secondLogin").orElseThrow(), f.at("secondLogin"),
            "secondLogin must be takeover or refuse, was '" + text + "'");
        return Optional.empty();
      }).orElse(d.secondLogin());
      Duration heartbeat = f.duration("heartbeat", false, d.heartbeat());
      Duration timeout = f.duration("heartbeatTimeout", false, d.heartbeatTimeout());
      if (timeout.compareTo(heartbeat) <= 0) {
        problems.add(f.node("heartbeatTimeout").or(() -> f.node("heartbeat")).orElseThrow(), f.at("heartbeatTimeout"),
            "heartbeatTimeout (" + Durations.format(timeout) + ") must be longer than heartbeat ("
                + Durations.format(heartbeat) + ")");
        timeout = heartbeat.multipliedBy(3);
      }
      return new SecuritySettings(origins, second, heartbeat, timeout,
          f.duration("reconnectGrace", false, d.reconnectGrace()),
          f.id("disconnectReason", "not-ready reason").orElse(null),
          f.duration("tokenLifetime", false, d.tokenLifetime()),
          f.integer("maxFrameBytes", "maxFrameBytes", 256, 1 << 20, d.maxFrameBytes()),
          f.integer("maxMessagesPerSecond", "maxMessagesPerSecond", 1, 10_000, d.maxMessagesPerSecond()),
          apiTokens(f));
    }).orElse(d);
  }

  /** {@code adminTokens} and {@code wallboardTokens}: names unique across both lists. */
  private List<ApiToken> apiTokens(Fields security) {
    List<ApiToken> tokens = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, String> hashes = new HashMap<>();
    for (ApiToken.Role role : ApiToken.Role.values()) {
      String key = role == ApiToken.Role.ADMIN ? "adminTokens" : "wallboardTokens";
      security.node(key).ifPresent(n -> tokens.addAll(items(n, security.at(key), (item, path) -> Fields.of(item, path,
          problems, TOKEN_KEYS).flatMap(t -> {
            Optional<String> name = t.requiredId("name", "token name");
            Optional<String> sha = t.requiredString("sha256").filter(h -> {
              if (ApiToken.HEX64.matcher(h).matches()) {
                return true;
              }
              problems.add(t.node("sha256").orElseThrow(), t.at("sha256"), "sha256 must be the 64 hex digits of the "
                  + "token's SHA-256 (printf %s \"$TOKEN\" | sha256sum), was " + h.length() + " characters");
              return false;
            });
            if (name.isEmpty() || sha.isEmpty()) {
              return Optional.empty();
            }
            String first = names.putIfAbsent(name.get(), path);
            if (first != null) {
              problems.add(t.node("name").orElseThrow(), t.at("name"), "duplicate token name '" + name.get()
                  + "' (first given at " + first + ")");
              return Optional.empty();
            }
            String sameHash = hashes.putIfAbsent(sha.get().toLowerCase(java.util.Locale.ROOT), path);
            if (sameHash != null) {
              problems.add(t.node("sha256").orElseThrow(), t.at("sha256"), "the same token is already given at " + sameHash);
              return Optional.empty();
            }
            return Optional.of(new ApiToken(name.get(), role, sha.get()));
          }))));
    }
    return tokens;
  }

  private WallboardSettings wallboard(YamlNode node) {
    WallboardSettings d = WallboardSettings.DEFAULT;
    return Fields.of(node, "wallboard", problems, WALLBOARD_KEYS).map(f -> {
      int[] sl = pair(f, "serviceLevel", BELOW_KEYS, d.serviceLevelAmberBelow(), d.serviceLevelRedBelow(), 100, false);
      int[] waiting = pair(f, "callsWaiting", ABOVE_KEYS, d.waitingAmber(), d.waitingRed(), 100_000, true);
      int[] abandon = pair(f, "abandonRate", ABOVE_KEYS, d.abandonAmber(), d.abandonRed(), 100, true);
      Duration waitAmber = d.longestWaitAmber();
      Duration waitRed = d.longestWaitRed();
      Optional<Fields> wait = f.node("longestWait").flatMap(n -> Fields.of(n, f.at("longestWait"), problems, ABOVE_KEYS));
      if (wait.isPresent()) {
        waitAmber = wait.get().duration("amberAbove", true, waitAmber);
        waitRed = wait.get().duration("redAbove", true, waitRed);
        if (waitRed.compareTo(waitAmber) < 0) {
          problems.add(wait.get().map(), f.at("longestWait"), "redAbove (" + Durations.format(waitRed)
              + ") must not be below amberAbove (" + Durations.format(waitAmber) + ")");
          waitRed = waitAmber;
        }
      }
      return new WallboardSettings(sl[0], sl[1], waitAmber, waitRed, waiting[0], waiting[1], abandon[0], abandon[1]);
    }).orElse(d);
  }

  /** An amber/red pair of whole numbers; {@code above}: red must be at least amber, else at most. */
  private int[] pair(Fields f, String key, List<String> keys, int amber, int red, int max, boolean above) {
    Optional<Fields> p = f.node(key).flatMap(n -> Fields.of(n, f.at(key), problems, keys));
    if (p.isEmpty()) {
      return new int[] {amber, red};
    }
    int a = p.get().integer(keys.get(0), keys.get(0), 0, max, amber);
    int r = p.get().integer(keys.get(1), keys.get(1), 0, max, red);
    if (above ? r < a : r > a) {
      problems.add(p.get().map(), f.at(key), keys.get(1) + " (" + r + ") must not be " + (above ? "below " : "above ")
          + keys.get(0) + " (" + a + ")");
      r = a;
    }
    return new int[] {a, r};
  }

  /** A map of id to label (dispositions, categories). */
  private Map<String, String> labels(YamlNode node, String path, String what) {
    Map<String, String> labels = new LinkedHashMap<>();
    Values.map(node, path, problems).ifPresent(m -> {
      for (YamlNode.Entry e : m.entries().values()) {
        String at = path + "." + e.key();
        if (!Values.ID.matcher(e.key()).matches()) {
          problems.add(e.keyMark(), at, "invalid " + what + " '" + e.key()
              + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
          continue;
        }
        Values.string(e.value(), at, problems).ifPresent(label -> labels.put(e.key(), label));
      }
    });
    return labels;
  }

  /** A list of distinct ids (skills, reasons). */
  private List<String> idList(YamlNode node, String path, String what) {
    Map<String, YamlNode.Mark> seen = new LinkedHashMap<>();
    Optional<YamlNode.ListNode> list = Values.list(node, path, problems);
    for (int i = 0; list.isPresent() && i < list.get().items().size(); i++) {
      YamlNode n = list.get().items().get(i);
      String at = path + "[" + i + "]";
      Values.id(n, at, problems, what).ifPresent(id -> {
        if (BUILT_IN_REASONS.contains(id) && what.equals("reason")) {
          problems.add(n, at, "reason '" + id + "' is built in; remove it from the list");
          return;
        }
        YamlNode.Mark first = seen.putIfAbsent(id, n.mark());
        if (first != null) {
          problems.add(n, at, "duplicate " + what + " '" + id + "' (first given at line " + first.line() + ")");
        }
      });
    }
    return List.copyOf(seen.keySet());
  }

  private Map<String, TransferTarget> targets(YamlNode node) {
    Map<String, TransferTarget> targets = new LinkedHashMap<>();
    Values.map(node, "transferTargets", problems).ifPresent(m -> {
      for (YamlNode.Entry e : m.entries().values()) {
        String at = "transferTargets." + e.key();
        if (!Values.ID.matcher(e.key()).matches()) {
          problems.add(e.keyMark(), at, "invalid transfer target label '" + e.key()
              + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
          continue;
        }
        Fields.of(e.value(), at, problems, TARGET_KEYS).ifPresent(f -> f.requiredString("dialString")
            .ifPresent(dial -> targets.put(e.key(),
                new TransferTarget(e.key(), dial, f.string("description").orElse(null)))));
      }
    });
    return targets;
  }

  private Optional<LineConfig> line(YamlNode node, String path) {
    return Fields.of(node, path, problems, LINE_KEYS).flatMap(f -> {
      Optional<String> id = f.requiredId("id", "line id");
      Optional<String> queue = f.requiredId("queue", "queue id");
      int priority = f.integer("priority", "priority", 0, 100, 0);
      List<String> callerData = f.node("callerData").map(n -> strings(n, f.at("callerData"))).orElse(List.of());
      String label = f.id("transferInLabel", "transfer-in label").orElse(null);
      String hours = f.id("hours", "calendar name").orElse(null);
      if (id.isEmpty() || queue.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new LineConfig(id.get(), f.string("name").orElse(null), queue.get(), priority, callerData, label,
          hours));
    });
  }

  private List<String> strings(YamlNode node, String path) {
    List<String> out = new ArrayList<>();
    Values.list(node, path, problems).ifPresent(l -> {
      for (int i = 0; i < l.items().size(); i++) {
        Values.string(l.items().get(i), path + "[" + i + "]", problems).ifPresent(out::add);
      }
    });
    return out;
  }

  private Optional<AgentConfig> agent(YamlNode node, String path) {
    return Fields.of(node, path, problems, AGENT_KEYS).flatMap(f -> {
      Optional<String> id = f.requiredId("id", "agent id");
      Optional<String> endpoint = f.requiredString("endpoint").filter(e -> checkEndpoint(f, e, id.orElse(null)));
      Map<String, Integer> skills = f.node("skills").map(n -> levels(n, f.at("skills"), problems)).orElse(Map.of());
      Optional<String> secretHash = f.string("secretHash").filter(h -> {
        Optional<String> problem = SecretHash.problem(h);
        problem.ifPresent(p -> problems.add(f.node("secretHash").orElseThrow(), f.at("secretHash"), "secretHash " + p));
        return problem.isEmpty();
      });
      if (id.isEmpty() || endpoint.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new AgentConfig(
          id.get(), f.string("name").orElse(null), endpoint.get(), skills, secretHash.orElse(null)));
    });
  }

  private boolean checkEndpoint(Fields f, String endpoint, String agentId) {
    YamlNode n = f.node("endpoint").orElseThrow();
    if (!ENDPOINT.matcher(endpoint).matches()) {
      problems.add(n, f.at("endpoint"), "endpoint must look like TECH/resource (e.g. PJSIP/1001), was '" + endpoint + "'");
      return false;
    }
    String first = endpoints.putIfAbsent(endpoint, agentId == null ? f.path() : "agent " + agentId + " (" + f.path() + ")");
    if (first != null) {
      problems.add(n, f.at("endpoint"), "endpoint '" + endpoint + "' is already used by " + first);
      return false;
    }
    return true;
  }

  /** A map of skill to level, 1-10 (agent skills and queue requirements). */
  static Map<String, Integer> levels(YamlNode node, String path, Problems problems) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    Values.map(node, path, problems).ifPresent(m -> {
      for (YamlNode.Entry e : m.entries().values()) {
        String at = path + "." + e.key();
        if (!Values.ID.matcher(e.key()).matches()) {
          problems.add(e.keyMark(), at, "invalid skill '" + e.key()
              + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
          continue;
        }
        Values.integer(e.value(), at, problems, "skill level", 1, 10).ifPresent(l -> levels.put(e.key(), l));
      }
    });
    return levels;
  }
}
