package org.hotlineacd.acd.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.cti.admin.ConfigSection;

/**
 * What changed between two configurations, for people: a summary by item and field ({@code
 * queues/general: strategy longest-idle -> fewest-calls}) and a line diff of the file text with
 * secret hashes masked.
 */
final class ConfigDiff {
  private static final Pattern SECRET = Pattern.compile("(secretHash|sha256)(\\s*:\\s*)(\"[^\"]*\"|[^,}\\s]+)");
  private static final int MAX_DIFF_LINES = 400;
  private static final int MAX_LCS_LINES = 1500;

  private ConfigDiff() {}

  /** One sentence per added, removed or changed item, and per other section that changed. */
  static List<String> summary(AcdConfig before, AcdConfig after) {
    List<String> out = new ArrayList<>();
    for (ConfigSection s : ConfigSection.values()) {
      Map<String, Map<?, ?>> a = byId(ConfigViews.items(before, s));
      Map<String, Map<?, ?>> b = byId(ConfigViews.items(after, s));
      for (var e : b.entrySet()) {
        Map<?, ?> old = a.get(e.getKey());
        if (old == null) {
          out.add(s.key() + "/" + e.getKey() + ": added");
        } else if (!old.equals(e.getValue())) {
          out.add(s.key() + "/" + e.getKey() + ": " + fields(old, e.getValue()));
        }
      }
      for (String id : a.keySet()) {
        if (!b.containsKey(id)) {
          out.add(s.key() + "/" + id + ": removed");
        }
      }
    }
    other(out, "settings", before.settings(), after.settings());
    other(out, "server", before.server(), after.server());
    other(out, "security", before.security(), after.security());
    other(out, "notReadyReasons", before.notReadyReasons(), after.notReadyReasons());
    other(out, "transferTargets", before.transferTargets(), after.transferTargets());
    other(out, "dispositions", before.dispositions(), after.dispositions());
    other(out, "categories", before.categories(), after.categories());
    // a changed secret of an agent shows as no field change in the view: say so without the hash
    for (int i = 0; i < after.agents().size(); i++) {
      var ag = after.agents().get(i);
      before.agents().stream().filter(x -> x.id().equals(ag.id())).findFirst().ifPresent(old -> {
        if (!Objects.equals(old.secretHash(), ag.secretHash()) && old.secretHash() != null && ag.secretHash() != null) {
          out.add("agents/" + ag.id() + ": secret changed");
        }
      });
    }
    return out;
  }

  private static void other(List<String> out, String name, Object a, Object b) {
    if (!a.equals(b)) {
      out.add(name + ": changed");
    }
  }

  private static Map<String, Map<?, ?>> byId(List<Object> items) {
    Map<String, Map<?, ?>> m = new LinkedHashMap<>();
    for (Object o : items) {
      Map<?, ?> map = (Map<?, ?>) o;
      m.put(String.valueOf(map.get("id")), map);
    }
    return m;
  }

  private static String fields(Map<?, ?> a, Map<?, ?> b) {
    List<String> changes = new ArrayList<>();
    for (var e : b.entrySet()) {
      Object old = a.get(e.getKey());
      if (!Objects.equals(old, e.getValue())) {
        changes.add(e.getKey() + " " + (old == null ? "(none)" : YamlWriter.flow(old)) + " -> " + YamlWriter.flow(e.getValue()));
      }
    }
    for (var e : a.entrySet()) {
      if (!b.containsKey(e.getKey())) {
        changes.add(e.getKey() + " " + YamlWriter.flow(e.getValue()) + " -> (none)");
      }
    }
    return String.join("; ", changes);
  }

  /** A unified-style line diff ({@code -}/{@code +} lines with their line numbers), secrets masked. */
  static String text(String before, String after) {
    List<String> a = List.of(mask(before).split("\r?\n", -1));
    List<String> b = List.of(mask(after).split("\r?\n", -1));
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    List<String> out = new ArrayList<>();
    List<String> midA = a.subList(start, endA);
    List<String> midB = b.subList(start, endB);
    if (midA.size() > MAX_LCS_LINES || midB.size() > MAX_LCS_LINES) {
      out.add("@@ lines " + (start + 1) + "-" + endA + " replaced by " + midB.size() + " lines @@");
    } else {
      lcsDiff(midA, midB, start, out);
    }
    if (out.size() > MAX_DIFF_LINES) {
      int more = out.size() - MAX_DIFF_LINES;
      out = new ArrayList<>(out.subList(0, MAX_DIFF_LINES));
      out.add("... " + more + " more lines");
    }
    return String.join("\n", out);
  }

  private static void lcsDiff(List<String> a, List<String> b, int offset, List<String> out) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add("+" + (offset + j + 1) + ": " + b.get(j));
        j++;
      } else {
        out.add("-" + (offset + i + 1) + ": " + a.get(i));
        i++;
      }
    }
  }

  static String mask(String text) {
    return SECRET.matcher(text).replaceAll("$1$2***");
  }
}
