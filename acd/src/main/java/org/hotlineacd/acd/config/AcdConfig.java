package org.hotlineacd.acd.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotlineacd.cti.asterisk.AmiSettings;

/**
 * The whole validated configuration the engine runs on: immutable, read once at start or on
 * reload and passed down by constructor.
 *
 * <p>The records check their own invariants; cross-references (a line's queue exists, no overflow
 * loop) are checked by {@link #checkReferences()}, which the file loader calls and reports with
 * file positions.
 *
 * @param server where the network edge listens (defaults to {@link ServerSettings#DEFAULT})
 * @param storage where records are stored (defaults to {@link StorageConfig#DEFAULT})
 * @param caseSystem where cases are handed to, or {@code null}: cases stay in the local database
 * @param asterisk the Asterisk servers and the AMI adapter's settings (no servers when absent)
 * @param security desktop session rules (defaults to {@link SecuritySettings#DEFAULT})
 * @param dispositions wrap-up dispositions, id to label, in the order desktops list them
 * @param categories case categories, id to label, in the order desktops list them
 * @param wallboard the wallboard tile colours (defaults to {@link WallboardSettings#DEFAULT})
 * @param businessHours the named opening-hours calendars lines refer to, by name
 */
public record AcdConfig(
    EngineSettings settings,
    List<String> skills,
    List<String> notReadyReasons,
    List<LineConfig> lines,
    List<QueueConfig> queues,
    List<AgentConfig> agents,
    Map<String, TransferTarget> transferTargets,
    ServerSettings server,
    StorageConfig storage,
    CaseSystemConfig caseSystem,
    AmiSettings asterisk,
    SecuritySettings security,
    Map<String, String> dispositions,
    Map<String, String> categories,
    WallboardSettings wallboard,
    Map<String, BusinessHours> businessHours) {

  /** The reason an agent is given when it goes not-ready after unanswered rings. */
  public static final String NO_ANSWER_REASON = "no-answer";

  /** The reason an agent has right after login, until it says ready. */
  public static final String LOGIN_REASON = "login";

  /** Validates and copies. */
  public AcdConfig {
    settings = settings == null ? EngineSettings.DEFAULT : settings;
    skills = skills == null ? List.of() : List.copyOf(skills);
    notReadyReasons = notReadyReasons == null ? List.of() : List.copyOf(notReadyReasons);
    lines = lines == null ? List.of() : List.copyOf(lines);
    queues = queues == null ? List.of() : List.copyOf(queues);
    agents = agents == null ? List.of() : List.copyOf(agents);
    transferTargets =
        transferTargets == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(transferTargets));
    server = server == null ? ServerSettings.DEFAULT : server;
    storage = storage == null ? StorageConfig.DEFAULT : storage;
    asterisk = asterisk == null ? AmiSettings.defaults(List.of()) : asterisk;
    security = security == null ? SecuritySettings.DEFAULT : security;
    dispositions = dispositions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dispositions));
    categories = categories == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    wallboard = wallboard == null ? WallboardSettings.DEFAULT : wallboard;
    businessHours = businessHours == null
        ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(businessHours));
  }

  /**
   * The engine's sections only, with defaults for the rest (tests, benchmarks and simulations build
   * configurations this way; the file loader uses the canonical constructor).
   */
  public AcdConfig(
      EngineSettings settings,
      List<String> skills,
      List<String> notReadyReasons,
      List<LineConfig> lines,
      List<QueueConfig> queues,
      List<AgentConfig> agents,
      Map<String, TransferTarget> transferTargets) {
    this(settings, skills, notReadyReasons, lines, queues, agents, transferTargets, null, null, null, null, null,
        null, null, null, null);
  }

  /** The queue with this id. */
  public Optional<QueueConfig> queue(String id) {
    return queues.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** The line with this id. */
  public Optional<LineConfig> line(String id) {
    return lines.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** A copy with these business-hours calendars (tests and simulations add calendars this way). */
  public AcdConfig withBusinessHours(Map<String, BusinessHours> calendars) {
    return new AcdConfig(settings, skills, notReadyReasons, lines, queues, agents, transferTargets, server, storage,
        caseSystem, asterisk, security, dispositions, categories, wallboard, calendars);
  }

  /** The calendar a line keeps, or empty when the line is always open. */
  public Optional<BusinessHours> hoursOf(LineConfig line) {
    return line.hours() == null ? Optional.empty() : Optional.ofNullable(businessHours.get(line.hours()));
  }

  /** A copy with more agents (simulations add their roster this way). */
  public AcdConfig withAgents(List<AgentConfig> more) {
    List<AgentConfig> all = new ArrayList<>(agents);
    all.addAll(more);
    return new AcdConfig(settings, skills, notReadyReasons, lines, queues, all, transferTargets, server, storage,
        caseSystem, asterisk, security, dispositions, categories, wallboard, businessHours);
  }

  /** A copy with other storage (the command line's {@code --db} uses this). */
  public AcdConfig withStorage(StorageConfig value) {
    return new AcdConfig(settings, skills, notReadyReasons, lines, queues, agents, transferTargets, server, value,
        caseSystem, asterisk, security, dispositions, categories, wallboard, businessHours);
  }

  /**
   * Cross-reference problems, each a sentence naming the path in the configuration: unknown
   * queues, skills and targets, duplicate ids, overflow loops. Empty when the configuration is
   * consistent.
   */
  public List<String> checkReferences() {
    return ConfigReferences.check(this);
  }

  /** Throws {@link IllegalArgumentException} listing every cross-reference problem. */
  public AcdConfig requireConsistent() {
    List<String> problems = checkReferences();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("configuration is inconsistent:\n  " + String.join("\n  ", problems));
    }
    return this;
  }

  static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T item : items) {
      map.putIfAbsent(id.apply(item), item);
    }
    return map;
  }

  static void requireNonNullElements(List<?> list, String what) {
    for (Object o : list) {
      Objects.requireNonNull(o, what);
    }
  }
}
