package org.hotlineacd.acd.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML text into {@link YamlNode}s with positions, by walking Jackson's streaming {@link
 * YAMLParser}. Duplicate keys, aliases and extra documents are reported here, because the tree no
 * longer shows them.
 */
final class YamlTreeReader {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  private final Problems problems;
  private final JsonParser parser;

  private YamlTreeReader(JsonParser parser, Problems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  /**
   * The document's root, or empty when the text holds no document or is not valid YAML (a syntax
   * problem has then been added).
   */
  static Optional<YamlNode> read(String text, Problems problems) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      YamlTreeReader reader = new YamlTreeReader(parser, problems);
      YamlNode root = reader.value(first, "");
      if (parser.nextToken() != null) {
        problems.add(reader.mark(), "", "only one YAML document is allowed; a second one starts here");
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      syntaxError(e, problems);
      return Optional.empty();
    } catch (IOException e) {
      // Reading from a String: only the parser's own failures end up here.
      problems.add(YamlNode.Mark.NONE, "", "cannot read YAML: " + e.getMessage());
      return Optional.empty();
    }
  }

  private YamlNode value(JsonToken token, String path) throws IOException {
    YamlNode.Mark mark = mark();
    return switch (token) {
      case START_OBJECT -> map(mark, path);
      case START_ARRAY -> list(mark, path);
      case VALUE_STRING -> string(mark, path);
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(YamlNode.Scalar.Kind.INTEGER, parser.getText(), mark);
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(YamlNode.Scalar.Kind.DECIMAL, parser.getText(), mark);
      case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(YamlNode.Scalar.Kind.BOOLEAN, parser.getText(), mark);
      case VALUE_NULL -> new YamlNode.Scalar(YamlNode.Scalar.Kind.NULL, "", mark);
      case VALUE_EMBEDDED_OBJECT -> new YamlNode.Scalar(YamlNode.Scalar.Kind.STRING, parser.getText(), mark);
      case END_OBJECT, END_ARRAY, FIELD_NAME, NOT_AVAILABLE ->
          throw new IllegalStateException("unexpected token " + token + " at " + mark);
    };
  }

  private YamlNode string(YamlNode.Mark mark, String path) throws IOException {
    String text = parser.getText();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(mark, path, "YAML aliases (*" + text + ") are not supported; write the value out");
      return new YamlNode.Scalar(YamlNode.Scalar.Kind.NULL, "", mark);
    }
    YamlNode.Scalar.Kind kind = text.isEmpty() ? YamlNode.Scalar.Kind.NULL : YamlNode.Scalar.Kind.STRING;
    return new YamlNode.Scalar(kind, text, mark);
  }

  private YamlNode map(YamlNode.Mark mark, String path) throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      YamlNode.Mark keyMark = mark();
      String childPath = path.isEmpty() ? key : path + "." + key;
      YamlNode value = value(parser.nextToken(), childPath);
      YamlNode.Entry first = entries.get(key);
      if (first != null) {
        problems.add(keyMark, childPath,
            "duplicate key '" + key + "' (first given at line " + first.keyMark().line() + ")");
      } else {
        entries.put(key, new YamlNode.Entry(key, keyMark, value));
      }
    }
    return new YamlNode.MapNode(entries, mark);
  }

  private YamlNode list(YamlNode.Mark mark, String path) throws IOException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(value(t, path + "[" + items.size() + "]"));
    }
    return new YamlNode.ListNode(items, mark);
  }

  private YamlNode.Mark mark() {
    JsonLocation l = parser.currentTokenLocation();
    return new YamlNode.Mark(Math.max(l.getLineNr(), 0), Math.max(l.getColumnNr(), 0));
  }

  /**
   * Turns SnakeYAML's multi-line message (context, marks with source excerpts, problem) into one
   * line positioned at the problem mark.
   */
  private static void syntaxError(JsonProcessingException e, Problems problems) {
    List<String> sentences = new ArrayList<>();
    List<YamlNode.Mark> marks = new ArrayList<>();
    for (String line : e.getOriginalMessage().split("\n")) {
      Matcher m = MARK.matcher(line);
      if (line.startsWith(" in ") && m.find()) {
        if (!marks.isEmpty() && marks.getLast() == null) {
          marks.set(marks.size() - 1, new YamlNode.Mark(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
      } else if (!line.isBlank() && !line.startsWith(" ")) {
        sentences.add(line.strip());
        marks.add(null);
      }
    }
    if (sentences.isEmpty()) {
      problems.add(markOf(e.getLocation()), "", "YAML syntax error: " + e.getOriginalMessage().strip());
      return;
    }
    StringBuilder message = new StringBuilder("YAML syntax error: ").append(sentences.getLast());
    if (sentences.size() > 1) {
      message.append(" (").append(sentences.getFirst());
      YamlNode.Mark context = marks.getFirst();
      if (context != null) {
        message.append(" at line ").append(context.line()).append(", column ").append(context.column());
      }
      message.append(')');
    }
    YamlNode.Mark at = marks.getLast() != null ? marks.getLast() : markOf(e.getLocation());
    problems.add(at, "", message.toString());
  }

  private static YamlNode.Mark markOf(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return YamlNode.Mark.NONE;
    }
    return new YamlNode.Mark(location.getLineNr(), Math.max(location.getColumnNr(), 0));
  }
}
