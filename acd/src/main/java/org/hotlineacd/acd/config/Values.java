package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts single YAML nodes to values, reporting a wrong type or an out-of-range value at the
 * node and returning empty, so the caller can fall back to a default and carry on.
 */
final class Values {
  /** Ids become metric tags, log fields and URL parts: keep them plain. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "n");

  private Values() {}

  static Optional<String> string(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return Optional.of(s.text());
    }
    problems.add(node, path, "expected a string, got " + node.describe());
    return Optional.empty();
  }

  /** A string that must be a plain id ({@link #ID}); {@code what} names it (queue id, skill). */
  static Optional<String> id(YamlNode node, String path, Problems problems, String what) {
    Optional<String> text = string(node, path, problems);
    if (text.isPresent() && !ID.matcher(text.get()).matches()) {
      problems.add(node, path, "invalid " + what + " '" + text.get()
          + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
      return Optional.empty();
    }
    return text;
  }

  /** A whole number in {@code [min, max]}; {@code what} names it in the range message. */
  static Optional<Integer> integer(YamlNode node, String path, Problems problems, String what, int min, int max) {
    if (!(node instanceof YamlNode.Scalar s) || !WHOLE.matcher(s.text()).matches()) {
      problems.add(node, path, "expected a whole number, got " + node.describe());
      return Optional.empty();
    }
    long value;
    try {
      value = Long.parseLong(s.text());
    } catch (NumberFormatException e) {
      value = s.text().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (value < min || value > max) {
      String range = max == Integer.MAX_VALUE ? "at least " + min : min + "-" + max;
      problems.add(node, path, what + " must be " + range + ", was " + s.text());
      return Optional.empty();
    }
    return Optional.of((int) value);
  }

  static Optional<Boolean> bool(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.Scalar s) {
      String t = s.text().toLowerCase(Locale.ROOT);
      if (TRUE.contains(t)) {
        return Optional.of(true);
      }
      if (FALSE.contains(t)) {
        return Optional.of(false);
      }
    }
    problems.add(node, path, "expected true or false, got " + node.describe());
    return Optional.empty();
  }

  /** A duration; negative never passes, zero only when {@code zeroAllowed}. */
  static Optional<Duration> duration(YamlNode node, String path, Problems problems, boolean zeroAllowed) {
    Optional<Duration> d =
        node instanceof YamlNode.Scalar s && !s.isNull() ? Durations.parse(s.text()) : Optional.empty();
    if (d.isEmpty()) {
      problems.add(node, path, "expected a duration like " + Durations.FORMS + ", got " + node.describe());
      return Optional.empty();
    }
    if (d.get().isNegative()) {
      problems.add(node, path, "must not be negative, was " + node.describe());
      return Optional.empty();
    }
    if (d.get().isZero() && !zeroAllowed) {
      problems.add(node, path, "must be more than zero, was " + node.describe());
      return Optional.empty();
    }
    return d;
  }

  static Optional<YamlNode.MapNode> map(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.MapNode m) {
      return Optional.of(m);
    }
    problems.add(node, path, "expected a map, got " + node.describe());
    return Optional.empty();
  }

  static Optional<YamlNode.ListNode> list(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.ListNode l) {
      return Optional.of(l);
    }
    problems.add(node, path, "expected a list, got " + node.describe());
    return Optional.empty();
  }
}
