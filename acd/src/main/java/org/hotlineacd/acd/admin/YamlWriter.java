package org.hotlineacd.acd.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes JSON-ready values (maps, lists, strings, numbers, booleans) as YAML in the style of the
 * shipped configuration: an item's fields one per line (block) or all on one line (flow), nested
 * values in flow style. Strings that could read as anything but themselves are double-quoted.
 */
final class YamlWriter {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/-]*");
  /** Durations such as {@code 30s} and {@code 1h30m}: YAML reads them as strings, so they need no quotes. */
  private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private YamlWriter() {}

  /** A list item with its fields on separate lines, the {@code -} at {@code indent}. */
  static String blockItem(Map<String, Object> item, int indent) {
    StringBuilder b = new StringBuilder();
    String pad = " ".repeat(indent + 2);
    boolean first = true;
    for (Map.Entry<String, Object> e : item.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      b.append(first ? " ".repeat(indent) + "- " : pad).append(scalar(e.getKey())).append(": ");
      first = false;
      b.append(flow(e.getValue())).append('\n');
    }
    if (first) {
      b.append(" ".repeat(indent)).append("- {}\n");
    }
    return b.toString();
  }

  /** A list item on one line. */
  static String flowItem(Object item, int indent) {
    return " ".repeat(indent) + "- " + flow(item) + "\n";
  }

  /** A value in flow style. */
  static String flow(Object value) {
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append(scalar(String.valueOf(e.getKey()))).append(": ").append(flow(e.getValue()));
      }
      return b.append('}').toString();
    }
    if (value instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : l) {
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append(flow(o));
      }
      return b.append(']').toString();
    }
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return scalar(value.toString());
  }

  /** A string as a plain scalar when that reads back as the same string, else double-quoted. */
  static String scalar(String s) {
    if (DURATION.matcher(s).matches()) {
      return s;
    }
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))) {
      return s;
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
