package org.hotlineacd.acd.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the sentences of {@link AcdConfig#checkReferences()} ({@code queues[2].overflow.target:
 * unknown queue 'x'}) into positioned problems: the leading path is translated from indices in the
 * built configuration to indices in the file, then followed through the YAML tree to its node.
 */
final class ReferenceProblems {
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
  private static final Pattern LOOP = Pattern.compile("overflow loop ([^ ]+) -> .*");

  private final YamlNode root;
  private final Map<String, List<Integer>> yamlIndices;
  private final Problems problems;

  ReferenceProblems(YamlNode root, Map<String, List<Integer>> yamlIndices, Problems problems) {
    this.root = root;
    this.yamlIndices = yamlIndices;
    this.problems = problems;
  }

  /**
   * Reports each sentence, unless a problem was already reported at or inside its path (a queue
   * whose overflow could not be read must not also be told it has none).
   */
  void report(List<String> sentences) {
    for (String sentence : sentences) {
      int colon = sentence.indexOf(": ");
      String path = colon < 0 ? "" : toYamlPath(sentence.substring(0, colon));
      String message = colon < 0 ? sentence : sentence.substring(colon + 2);
      Matcher loop = LOOP.matcher(message);
      if (loop.matches()) {
        path = queuePath(loop.group(1)).map(q -> q + ".overflow.target").orElse(path);
      }
      if (!problems.overlaps(path)) {
        Located at = locate(path, message);
        problems.add(at.mark(), at.path(), message);
      }
    }
  }

  /** Rewrites each {@code [k]} from the built list's index to the YAML list's index. */
  private String toYamlPath(String configPath) {
    StringBuilder yaml = new StringBuilder();
    Matcher m = SEGMENT.matcher(configPath);
    while (m.find()) {
      if (m.group(1) != null) {
        yaml.append(yaml.isEmpty() ? "" : ".").append(m.group(1));
      } else {
        int k = Integer.parseInt(m.group(2));
        List<Integer> indices = yamlIndices.get(yaml.toString());
        yaml.append('[').append(indices != null && k < indices.size() ? indices.get(k) : k).append(']');
      }
    }
    return yaml.toString();
  }

  private Optional<String> queuePath(String queueId) {
    if (root instanceof YamlNode.MapNode top
        && top.entries().get("queues") != null
        && top.entries().get("queues").value() instanceof YamlNode.ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        if (list.items().get(i) instanceof YamlNode.MapNode q
            && q.entries().get("id") != null
            && q.entries().get("id").value() instanceof YamlNode.Scalar s
            && s.text().equals(queueId)) {
          return Optional.of("queues[" + i + "]");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The deepest node the path reaches. A key the message quotes ({@code skills.x: unknown skill
   * 'x'}) points at the key, any other at its value; a list whose message quotes one of its items
   * points at that item.
   */
  private Located locate(String path, String message) {
    YamlNode node = root;
    YamlNode.Mark mark = root.mark();
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      if (m.group(1) != null && node instanceof YamlNode.MapNode map && map.entries().containsKey(m.group(1))) {
        YamlNode.Entry e = map.entries().get(m.group(1));
        node = e.value();
        mark = message.contains("'" + e.key() + "'") ? e.keyMark() : node.mark();
      } else if (m.group(2) != null && node instanceof YamlNode.ListNode list
          && Integer.parseInt(m.group(2)) < list.items().size()) {
        node = list.items().get(Integer.parseInt(m.group(2)));
        mark = node.mark();
      } else {
        break;
      }
    }
    if (node instanceof YamlNode.ListNode list) {
      for (int i = 0; i < list.items().size(); i++) {
        if (list.items().get(i) instanceof YamlNode.Scalar s && message.contains("'" + s.text() + "'")) {
          return new Located(s.mark(), path + "[" + i + "]");
        }
      }
    }
    return new Located(mark, path);
  }

  private record Located(YamlNode.Mark mark, String path) {}
}
