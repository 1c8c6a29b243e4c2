package org.hotlineacd.acd.sim;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each key and value was written, so every later
 * error can name its line and column (Jackson's own trees forget positions).
 */
final class YamlTree {
  /** A 1-based position in the file. */
  record Pos(int line, int column) {
    static Pos of(JsonLocation l) {
      return new Pos(l.getLineNr(), l.getColumnNr());
    }
  }

  sealed interface Node permits Scalar, MapNode, ListNode {
    Pos pos();

    /** What the node is, for messages. */
    String kind();
  }

  /** A scalar as written (numbers and booleans too); {@code text} is null for YAML null. */
  record Scalar(String text, Pos pos) implements Node {
    @Override
    public String kind() {
      return text == null ? "null" : "a value";
    }
  }

  record Entry(Pos keyPos, Node value) {}

  record MapNode(Map<String, Entry> entries, Pos pos) implements Node {
    @Override
    public String kind() {
      return "a mapping";
    }
  }

  record ListNode(List<Node> items, Pos pos) implements Node {
    @Override
    public String kind() {
      return "a list";
    }
  }

  /** Thrown for malformed YAML or a duplicate key, with the position. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Pos pos;

    SyntaxError(String message, Pos pos, Throwable cause) {
      super(message, cause);
      this.pos = pos;
    }
  }

  private YamlTree() {}

  /** Reads the first document; null when the document is empty. Anchors and aliases are resolved. */
  static Node read(Reader in) throws IOException, SyntaxError {
    try (YAMLParser p = new YAMLFactory().createParser(in)) {
      JsonToken t = p.nextToken();
      return t == null ? null : node(p, t, new HashMap<>());
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new SyntaxError(e.getOriginalMessage(), l == null ? new Pos(0, 0) : Pos.of(l), e);
    }
  }

  private static Node node(YAMLParser p, JsonToken t, Map<String, Node> anchors) throws IOException, SyntaxError {
    Pos pos = Pos.of(p.currentTokenLocation());
    if (p.isCurrentAlias()) {
      Node target = anchors.get(p.getText());
      if (target == null) {
        throw new SyntaxError("unknown alias *" + p.getText(), pos, null);
      }
      return target;
    }
    String anchor = p.getObjectId() instanceof String a ? a : null;
    Node n = value(p, t, pos, anchors);
    if (anchor != null) {
      anchors.put(anchor, n);
    }
    return n;
  }

  private static Node value(YAMLParser p, JsonToken t, Pos pos, Map<String, Node> anchors)
      throws IOException, SyntaxError {
    switch (t) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Pos keyPos = Pos.of(p.currentTokenLocation());
          Node value = node(p, p.nextToken(), anchors);
          if (entries.putIfAbsent(key, new Entry(keyPos, value)) != null) {
            throw new SyntaxError("duplicate key '" + key + "'", keyPos, null);
          }
        }
        return new MapNode(entries, pos);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken i;
        while ((i = p.nextToken()) != JsonToken.END_ARRAY && i != null) {
          items.add(node(p, i, anchors));
        }
        return new ListNode(items, pos);
      }
      case VALUE_NULL -> {
        return new Scalar(null, pos);
      }
      default -> {
        return new Scalar(p.getText(), pos);
      }
    }
  }
}
