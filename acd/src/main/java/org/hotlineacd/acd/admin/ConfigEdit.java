package org.hotlineacd.acd.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotlineacd.acd.config.ConfigOutline;
import org.hotlineacd.cti.admin.AdminReply.Outcome;
import org.hotlineacd.cti.admin.ConfigSection;

/**
 * Changes one item of a configuration text and leaves every other line as it was, comments
 * included: an updated item's lines are replaced (its own inline comments go), a new item goes after
 * the last one in the style of its neighbours, a deleted item's lines go (the comment lines above it
 * stay, as they often head a group). A section written in flow style ({@code skills: [a, b]}) is
 * rewritten in block style as a whole.
 *
 * <p>The result is not validated here; the caller loads it like any configuration file.
 */
final class ConfigEdit {
  private final ConfigOutline outline;
  private final ConfigSection section;
  /** The section's items as they are now (JSON-ready), for rewriting a flow-style section. */
  private final List<Object> current;

  private ConfigEdit(ConfigOutline outline, ConfigSection section, List<Object> current) {
    this.outline = outline;
    this.section = section;
    this.current = current;
  }

  static ConfigEdit of(String text, ConfigSection section, List<Object> currentItems) {
    ConfigOutline outline = ConfigOutline.of(text).orElseThrow(() -> new AdminFailure(Outcome.CONFLICT,
        "file-unreadable", "the configuration file no longer parses; fix it and reload before changing it here"));
    return new ConfigEdit(outline, section, currentItems);
  }

  String create(String id, Object item) {
    var sec = outline.section(section.key());
    if (indexOf(id) >= 0) {
      throw new AdminFailure(Outcome.CONFLICT, "exists", section.key() + " already has '" + id + "'");
    }
    if (sec.isEmpty()) {
      List<String> lines = new ArrayList<>(outline.lines());
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      lines.add("");
      lines.add(section.key() + ":");
      lines.addAll(render(item, 2, defaultFlow()));
      lines.add("");
      return String.join("\n", lines);
    }
    if (sec.get().flow() || sec.get().items().isEmpty()) {
      List<Object> all = new ArrayList<>(current);
      all.add(item);
      return rewriteSection(sec.get(), all);
    }
    ConfigOutline.Item last = sec.get().items().get(sec.get().items().size() - 1);
    return splice(last.endLine(), last.endLine(), render(item, last.indent(), last.flow()));
  }

  String update(String id, Object item) {
    ConfigOutline.Section sec = requireSection(id);
    int index = requireIndex(id);
    if (sec.flow()) {
      List<Object> all = new ArrayList<>(current);
      all.set(index, item);
      return rewriteSection(sec, all);
    }
    ConfigOutline.Item old = itemWithId(sec, id);
    return splice(old.startLine(), old.endLine(), render(item, old.indent(), old.flow()));
  }

  String delete(String id) {
    ConfigOutline.Section sec = requireSection(id);
    int index = requireIndex(id);
    if (sec.flow()) {
      List<Object> all = new ArrayList<>(current);
      all.remove(index);
      return rewriteSection(sec, all);
    }
    ConfigOutline.Item old = itemWithId(sec, id);
    return splice(old.startLine(), old.endLine(), List.of());
  }

  private ConfigOutline.Section requireSection(String id) {
    return outline.section(section.key()).orElseThrow(() -> notFound(id));
  }

  private int requireIndex(String id) {
    int i = indexOf(id);
    if (i < 0) {
      throw notFound(id);
    }
    return i;
  }

  private AdminFailure notFound(String id) {
    return new AdminFailure(Outcome.NOT_FOUND, "not-found", "no " + singular() + " '" + id + "' in " + section.key());
  }

  private String singular() {
    String k = section.key();
    return k.substring(0, k.length() - 1);
  }

  private int indexOf(String id) {
    for (int i = 0; i < current.size(); i++) {
      if (current.get(i) instanceof Map<?, ?> m && Objects.equals(m.get("id"), id)) {
        return i;
      }
    }
    return -1;
  }

  private ConfigOutline.Item itemWithId(ConfigOutline.Section sec, String id) {
    for (ConfigOutline.Item item : sec.items()) {
      if (id.equals(item.id())) {
        return item;
      }
    }
    throw new AdminFailure(Outcome.CONFLICT, "file-changed",
        "the file does not show " + singular() + " '" + id + "' where it was loaded from; reload first");
  }

  private boolean defaultFlow() {
    return section == ConfigSection.AGENTS || section == ConfigSection.SKILLS;
  }

  private List<String> render(Object item, int indent, boolean flow) {
    Object value = section == ConfigSection.SKILLS && item instanceof Map<?, ?> m ? m.get("id") : item;
    @SuppressWarnings("unchecked")
    String text = flow || !(value instanceof Map<?, ?>)
        ? YamlWriter.flowItem(value, indent)
        : YamlWriter.blockItem((Map<String, Object>) value, indent);
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private String rewriteSection(ConfigOutline.Section sec, List<Object> items) {
    List<String> body = new ArrayList<>();
    body.add(section.key() + ":" + (items.isEmpty() ? " []" : ""));
    for (Object item : items) {
      body.addAll(render(item, 2, defaultFlow()));
    }
    return splice(sec.keyLine(), sec.endLine(), body);
  }

  private String splice(int from, int to, List<String> replacement) {
    List<String> lines = new ArrayList<>(outline.lines().subList(0, from));
    lines.addAll(replacement);
    lines.addAll(outline.lines().subList(to, outline.lines().size()));
    return String.join("\n", lines);
  }
}
