package org.hotlineacd.acd.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the top-level sections of a configuration text and the items of its lists are written: what
 * an edit of one item needs to change those lines and leave every other line, comments included,
 * as it was.
 *
 * @param lines the text's lines (without line ends)
 * @param sections the top-level keys in file order
 */
public record ConfigOutline(List<String> lines, List<Section> sections) {

  /**
   * One top-level key.
   *
   * @param keyLine 0-based line of the key
   * @param endLine 0-based line after the section's last line of content (trailing comments and
   *     blank lines before the next key are not part of it)
   * @param flow whether the value is written in flow style ({@code [a, b]}, {@code {a: 1}}) or on
   *     the key's line
   * @param items the items, when the value is a list
   */
  public record Section(String key, int keyLine, int endLine, boolean flow, List<Item> items) {}

  /**
   * One list item.
   *
   * @param id the item's {@code id} (or the scalar itself for a list of ids), or {@code null}
   * @param startLine 0-based line of the item's {@code -}
   * @param endLine 0-based line after the item's last line of content
   * @param indent the column of the {@code -} (0-based)
   * @param flow whether the item is written in flow style on one line
   */
  public record Item(String id, int startLine, int endLine, int indent, boolean flow) {}

  /** The outline of a text that parses as YAML with a map at the top; empty otherwise. */
  public static Optional<ConfigOutline> of(String text) {
    Optional<YamlNode> root = YamlTreeReader.read(text, new Problems("outline"));
    if (root.isEmpty() || !(root.get() instanceof YamlNode.MapNode map)) {
      return Optional.empty();
    }
    List<String> lines = List.of(text.split("\r?\n", -1));
    List<YamlNode.Entry> entries = new ArrayList<>(map.entries().values());
    entries.sort(Comparator.comparingInt(e -> e.keyMark().line()));
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      YamlNode.Entry e = entries.get(i);
      int keyLine = e.keyMark().line() - 1;
      int next = i + 1 < entries.size() ? entries.get(i + 1).keyMark().line() - 1 : lines.size();
      int end = contentEnd(lines, keyLine + 1, next);
      YamlNode v = e.value();
      boolean flow = v.mark().line() - 1 == keyLine || startsWith(lines, v.mark(), '[') || startsWith(lines, v.mark(), '{');
      List<Item> items = new ArrayList<>();
      if (v instanceof YamlNode.ListNode list && !flow) {
        for (int k = 0; k < list.items().size(); k++) {
          YamlNode item = list.items().get(k);
          int start = dashLine(lines, item.mark());
          int itemNext = k + 1 < list.items().size() ? dashLine(lines, list.items().get(k + 1).mark()) : end;
          if (start < 0 || itemNext < 0) {
            items.clear();
            flow = true; // an unusual layout: edits rewrite the whole section
            break;
          }
          int indent = lines.get(start).indexOf('-');
          boolean itemFlow = startsWith(lines, item.mark(), '{') || item instanceof YamlNode.Scalar;
          items.add(new Item(idOf(item), start, contentEnd(lines, start + 1, itemNext), indent, itemFlow));
        }
      }
      sections.add(new Section(e.key(), keyLine, end, flow, List.copyOf(items)));
    }
    return Optional.of(new ConfigOutline(lines, List.copyOf(sections)));
  }

  /** The section with this key. */
  public Optional<Section> section(String key) {
    return sections.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  private static String idOf(YamlNode item) {
    if (item instanceof YamlNode.Scalar s) {
      return s.text();
    }
    if (item instanceof YamlNode.MapNode m) {
      YamlNode.Entry id = m.entries().get("id");
      if (id != null && id.value() instanceof YamlNode.Scalar s) {
        return s.text();
      }
    }
    return null;
  }

  /** The line of the {@code -} that starts an item, or -1 when it is not found. */
  private static int dashLine(List<String> lines, YamlNode.Mark mark) {
    int line = mark.line() - 1;
    int col = mark.column() - 1;
    if (line < 0 || line >= lines.size()) {
      return -1;
    }
    String before = lines.get(line).substring(0, Math.min(col, lines.get(line).length()));
    if (before.strip().startsWith("-")) {
      return line;
    }
    for (int l = line - 1; l >= 0; l--) {
      String t = lines.get(l).strip();
      if (t.equals("-")) {
        return l;
      }
      if (!t.isEmpty() && !t.startsWith("#")) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean startsWith(List<String> lines, YamlNode.Mark mark, char c) {
    int line = mark.line() - 1;
    int col = mark.column() - 1;
    return line >= 0 && line < lines.size() && col >= 0 && col < lines.get(line).length()
        && lines.get(line).charAt(col) == c;
  }

  /** The line after the last line in [from, to) that is neither blank nor only a comment. */
  private static int contentEnd(List<String> lines, int from, int to) {
    int end = to;
    while (end > from) {
      String t = lines.get(end - 1).strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        break;
      }
      end--;
    }
    return end;
  }

}
