package org.hotlineacd.acd.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" by edit distance, ignoring case. */
final class Suggest {
  private Suggest() {}

  /** The candidate closest to {@code given}, when it is close enough to be a likely typo. */
  static Optional<String> closest(String given, Collection<String> candidates) {
    String g = given.toLowerCase(Locale.ROOT);
    int limit = g.length() <= 4 ? 1 : g.length() <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(g, c.toLowerCase(Locale.ROOT), limit);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /**
   * A message such as {@code unknown strategy 'x'; did you mean 'y'? (one of a, b)}; {@code
   * listLabel} introduces the list ({@code one of}, {@code allowed:}).
   */
  static String unknown(String what, String given, Collection<String> options, String listLabel) {
    StringBuilder s = new StringBuilder("unknown ").append(what).append(" '").append(given).append('\'');
    closest(given, options).ifPresent(c -> s.append("; did you mean '").append(c).append("'?"));
    return s.append(" (").append(listLabel).append(' ').append(String.join(", ", options)).append(')').toString();
  }

  /** Levenshtein distance, giving up (returning more than {@code limit}) once it is certainly over. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
