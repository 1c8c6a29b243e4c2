package org.hotlineacd.acd.config;

import java.util.List;
import java.util.Map;

/**
 * A node of a YAML document that remembers where it was written, so every problem can name a line
 * and column. Jackson's own tree ({@code JsonNode}) drops positions, hence this small one.
 */
sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.Scalar {

  /** Where the node starts. */
  Mark mark();

  /** How a message names what was found: {@code a map}, {@code a list} or the quoted text. */
  String describe();

  /** A 1-based line and column. */
  record Mark(int line, int column) {
    static final Mark NONE = new Mark(0, 0);
  }

  /** A key with its position and its value. */
  record Entry(String key, Mark keyMark, YamlNode value) {}

  /** A mapping, keys in file order. */
  record MapNode(Map<String, Entry> entries, Mark mark) implements YamlNode {
    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A sequence. */
  record ListNode(List<YamlNode> items, Mark mark) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar with the type YAML resolved for it; an empty value is {@link Kind#NULL}. */
  record Scalar(Kind kind, String text, Mark mark) implements YamlNode {
    /** The resolved scalar types. */
    enum Kind {
      STRING,
      INTEGER,
      DECIMAL,
      BOOLEAN,
      NULL
    }

    boolean isNull() {
      return kind == Kind.NULL;
    }

    @Override
    public String describe() {
      return kind == Kind.NULL ? "nothing" : "'" + text + "'";
    }
  }
}
