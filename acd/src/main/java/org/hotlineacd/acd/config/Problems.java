package org.hotlineacd.acd.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file; the loader reports them all at the end. */
final class Problems {
  private final String file;
  private final List<ConfigProblem> list = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void add(YamlNode.Mark mark, String path, String message) {
    list.add(new ConfigProblem(file, mark.line(), mark.column(), path, message));
  }

  void add(YamlNode node, String path, String message) {
    add(node.mark(), path, message);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Whether a problem was already reported at this path, inside it or around it. */
  boolean overlaps(String path) {
    for (ConfigProblem p : list) {
      if (within(p.path(), path) || within(path, p.path())) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(String inner, String outer) {
    return !outer.isEmpty()
        && (inner.equals(outer) || inner.startsWith(outer + ".") || inner.startsWith(outer + "["));
  }

  /** The problems in file order (stable for problems on one line). */
  List<ConfigProblem> sorted() {
    List<ConfigProblem> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
    return copy;
  }
}
