package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one YAML map with a known set of keys: unknown keys are reported when the map is
 * opened, each getter reports its own wrong type or range and falls back to the default.
 */
final class Fields {
  private final YamlNode.MapNode map;
  private final String path;
  private final Problems problems;

  private Fields(YamlNode.MapNode map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /** Keys that older configurations had, with where their settings went. */
  private static final java.util.Map<String, String> MOVED = java.util.Map.of(
      "wallboard.tokens", "wallboard tokens are now security.wallboardTokens, stored as the SHA-256 of the token"
          + " (printf %s \"$TOKEN\" | sha256sum; see docs/configuration.md)");

  /** Opens {@code node} as a map with these keys, or reports that it is not a map. */
  static Optional<Fields> of(YamlNode node, String path, Problems problems, List<String> allowed) {
    return Values.map(node, path, problems).map(m -> {
      for (YamlNode.Entry e : m.entries().values()) {
        if (!allowed.contains(e.key())) {
          String hint = MOVED.get(join(path, e.key()));
          problems.add(e.keyMark(), join(path, e.key()),
              Suggest.unknown("key", e.key(), allowed, "allowed:") + (hint == null ? "" : "; " + hint));
        }
      }
      return new Fields(m, path, problems);
    });
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  String path() {
    return path;
  }

  String at(String key) {
    return join(path, key);
  }

  YamlNode.MapNode map() {
    return map;
  }

  Problems problems() {
    return problems;
  }

  /** The value under {@code key}; an empty value ({@code key:} alone, {@code null}, {@code ~}) counts as absent. */
  Optional<YamlNode> node(String key) {
    YamlNode.Entry e = map.entries().get(key);
    if (e == null || (e.value() instanceof YamlNode.Scalar s && s.isNull())) {
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  /** The value under a required key, or empty after reporting it missing. */
  Optional<YamlNode> required(String key) {
    Optional<YamlNode> n = node(key);
    if (n.isEmpty()) {
      problems.add(map, path, "missing required field '" + key + "'");
    }
    return n;
  }

  Optional<String> string(String key) {
    return node(key).flatMap(n -> Values.string(n, at(key), problems));
  }

  Optional<String> requiredString(String key) {
    return required(key).flatMap(n -> Values.string(n, at(key), problems));
  }

  Optional<String> id(String key, String what) {
    return node(key).flatMap(n -> Values.id(n, at(key), problems, what));
  }

  Optional<String> requiredId(String key, String what) {
    return required(key).flatMap(n -> Values.id(n, at(key), problems, what));
  }

  int integer(String key, String what, int min, int max, int fallback) {
    return node(key).flatMap(n -> Values.integer(n, at(key), problems, what, min, max)).orElse(fallback);
  }

  boolean bool(String key, boolean fallback) {
    return node(key).flatMap(n -> Values.bool(n, at(key), problems)).orElse(fallback);
  }

  /** A duration, or {@code fallback} (which may be {@code null} for "none") when absent or wrong. */
  Duration duration(String key, boolean zeroAllowed, Duration fallback) {
    return node(key).flatMap(n -> Values.duration(n, at(key), problems, zeroAllowed)).orElse(fallback);
  }
}
