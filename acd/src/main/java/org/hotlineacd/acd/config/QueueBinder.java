package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds one queue with its thresholds, overflow and relaxation steps (see {@link ConfigBinder}). */
final class QueueBinder {
  static final List<String> QUEUE_KEYS = List.of(
      "id", "name", "skills", "strategy", "ringTimeout", "wrapUp", "thresholds", "maxWait", "maxLength",
      "overflow", "relaxation", "joinWhenEmpty", "leaveWhenEmpty", "announceEvery");
  static final List<String> THRESHOLD_KEYS = List.of("answerTarget", "shortAbandon", "longCall", "formula");
  static final List<String> OVERFLOW_KEYS = List.of("kind", "target");
  static final List<String> RELAXATION_KEYS = List.of("after", "minLevel", "addQueues");

  /** The ring timeout when a queue names none. */
  static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(20);

  private static final List<String> STRATEGIES = Arrays.stream(Strategy.values()).map(Strategy::configName).toList();
  private static final List<String> FORMULAS =
      Arrays.stream(ServiceLevelFormula.values()).map(ServiceLevelFormula::configName).toList();
  private static final List<String> KINDS = Arrays.stream(Overflow.Kind.values()).map(Overflow.Kind::configName).toList();

  private final Problems problems;
  private final Map<String, List<Integer>> yamlIndices;

  QueueBinder(Problems problems, Map<String, List<Integer>> yamlIndices) {
    this.problems = problems;
    this.yamlIndices = yamlIndices;
  }

  Optional<QueueConfig> queue(YamlNode node, String path) {
    return Fields.of(node, path, problems, QUEUE_KEYS).flatMap(f -> {
      Optional<String> id = f.requiredId("id", "queue id");
      Map<String, Integer> skills =
          f.node("skills").map(n -> ConfigBinder.levels(n, f.at("skills"), problems)).orElse(Map.of());
      Strategy strategy = f.node("strategy").flatMap(n -> strategy(n, f.at("strategy"))).orElse(Strategy.LONGEST_IDLE);
      Duration ringTimeout = f.duration("ringTimeout", false, DEFAULT_RING_TIMEOUT);
      Duration wrapUp = f.duration("wrapUp", true, Duration.ZERO);
      Thresholds thresholds = f.node("thresholds").map(n -> thresholds(n, f.at("thresholds"))).orElse(Thresholds.DEFAULT);
      Duration maxWait = f.duration("maxWait", false, null);
      int maxLength = f.integer("maxLength", "maxLength", 0, Integer.MAX_VALUE, 0);
      Overflow overflow = f.node("overflow").flatMap(n -> overflow(n, f.at("overflow"))).orElse(null);
      if (overflow == null && f.node("overflow").isEmpty()) {
        requireOverflowFor(f, "maxWait", maxWait != null);
        requireOverflowFor(f, "maxLength", maxLength > 0);
      }
      List<Relaxation> relaxation =
          f.node("relaxation").map(n -> relaxation(n, f.at("relaxation"), id.orElse(null))).orElse(List.of());
      boolean join = f.bool("joinWhenEmpty", true);
      boolean leave = f.bool("leaveWhenEmpty", false);
      Duration announceEvery = f.duration("announceEvery", false, null);
      return id.map(i -> new QueueConfig(i, f.string("name").orElse(null), skills, strategy, ringTimeout, wrapUp,
          thresholds, maxWait, maxLength, overflow, relaxation, join, leave, announceEvery));
    });
  }

  private void requireOverflowFor(Fields f, String key, boolean set) {
    if (set) {
      problems.add(f.node(key).orElseThrow(), f.at(key),
          key + " is set but the queue has no 'overflow' saying where those calls go");
    }
  }

  private Optional<Strategy> strategy(YamlNode node, String path) {
    return Values.string(node, path, problems).flatMap(name -> {
      Optional<Strategy> s = Strategy.fromConfigName(name);
      if (s.isEmpty()) {
        problems.add(node, path, Suggest.unknown("strategy", name, STRATEGIES, "one of"));
      }
      return s;
    });
  }

  private Thresholds thresholds(YamlNode node, String path) {
    Thresholds d = Thresholds.DEFAULT;
    return Fields.of(node, path, problems, THRESHOLD_KEYS).map(f -> new Thresholds(
        f.duration("answerTarget", true, d.answerTarget()),
        f.duration("shortAbandon", true, d.shortAbandon()),
        f.duration("longCall", true, d.longCall()),
        f.node("formula").flatMap(n -> formula(n, f.at("formula"))).orElse(d.formula())))
        .orElse(d);
  }

  private Optional<ServiceLevelFormula> formula(YamlNode node, String path) {
    return Values.string(node, path, problems).flatMap(name -> {
      Optional<ServiceLevelFormula> s = ServiceLevelFormula.fromConfigName(name);
      if (s.isEmpty()) {
        problems.add(node, path, Suggest.unknown("formula", name, FORMULAS, "one of"));
      }
      return s;
    });
  }

  /** An overflow target (also a calendar's closed action): kind and, for queue and external, target. */
  Optional<Overflow> overflow(YamlNode node, String path) {
    return Fields.of(node, path, problems, OVERFLOW_KEYS).flatMap(f -> {
      Optional<Overflow.Kind> kind = f.required("kind").flatMap(n -> kind(n, f.at("kind")));
      Optional<String> target = f.string("target");
      if (kind.isEmpty()) {
        return Optional.empty();
      }
      boolean needsTarget = kind.get() == Overflow.Kind.QUEUE || kind.get() == Overflow.Kind.EXTERNAL;
      if (needsTarget && target.isEmpty()) {
        String what = kind.get() == Overflow.Kind.QUEUE ? "a queue id" : "a transferTargets label";
        String role = path.endsWith(".closed") ? "closed action" : "overflow";
        problems.add(f.map(), path, role + " of kind '" + kind.get().configName() + "' needs a target (" + what + ")");
        return Optional.empty();
      }
      return Optional.of(new Overflow(kind.get(), target.orElse(null)));
    });
  }

  private Optional<Overflow.Kind> kind(YamlNode node, String path) {
    return Values.string(node, path, problems).flatMap(name -> {
      Optional<Overflow.Kind> k = Arrays.stream(Overflow.Kind.values()).filter(v -> v.configName().equals(name)).findFirst();
      if (k.isEmpty()) {
        problems.add(node, path, Suggest.unknown("overflow kind", name, KINDS, "one of"));
      }
      return k;
    });
  }

  /** The steps in order of {@code after}; a step out of order is reported and sorted in. */
  private List<Relaxation> relaxation(YamlNode node, String path, String queueId) {
    record Step(int index, Relaxation relaxation) {}
    List<Step> steps = new ArrayList<>();
    Values.list(node, path, problems).ifPresent(list -> {
      Duration latest = Duration.ZERO;
      for (int i = 0; i < list.items().size(); i++) {
        String at = path + "[" + i + "]";
        Optional<Relaxation> r = step(list.items().get(i), at, queueId);
        if (r.isEmpty()) {
          continue;
        }
        if (r.get().after().compareTo(latest) < 0) {
          problems.add(list.items().get(i), at + ".after", "relaxation steps must be in order of 'after': "
              + Durations.format(r.get().after()) + " comes after " + Durations.format(latest));
        }
        latest = latest.compareTo(r.get().after()) > 0 ? latest : r.get().after();
        steps.add(new Step(i, r.get()));
      }
    });
    steps.sort(Comparator.comparing(s -> s.relaxation().after()));
    yamlIndices.put(path, steps.stream().map(Step::index).toList());
    return steps.stream().map(Step::relaxation).toList();
  }

  private Optional<Relaxation> step(YamlNode node, String path, String queueId) {
    return Fields.of(node, path, problems, RELAXATION_KEYS).flatMap(f -> {
      Optional<Duration> after = f.required("after").flatMap(n -> Values.duration(n, f.at("after"), problems, true));
      int minLevel = f.integer("minLevel", "minLevel", 1, 10, 0);
      List<String> add = new ArrayList<>();
      f.node("addQueues").flatMap(n -> Values.list(n, f.at("addQueues"), problems)).ifPresent(l -> {
        for (int i = 0; i < l.items().size(); i++) {
          YamlNode item = l.items().get(i);
          String at = f.at("addQueues") + "[" + i + "]";
          Values.id(item, at, problems, "queue id").ifPresent(q -> {
            if (q.equals(queueId)) {
              problems.add(item, at, "a queue cannot add itself ('" + q + "')");
            } else {
              add.add(q);
            }
          });
        }
      });
      if (f.node("minLevel").isEmpty() && f.node("addQueues").isEmpty()) {
        problems.add(f.map(), path, "a relaxation step needs minLevel, addQueues or both");
      }
      return after.map(a -> new Relaxation(a, minLevel, add));
    });
  }
}
