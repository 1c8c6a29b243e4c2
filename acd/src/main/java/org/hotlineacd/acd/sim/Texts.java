package org.hotlineacd.acd.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotlineacd.acd.config.Durations;
import org.hotlineacd.cti.sim.Distribution;

/** Parses the short texts of a profile: durations ({@code 30s}, {@code PT30S}) and distributions. */
final class Texts {
  private static final Pattern CALL = Pattern.compile("([a-z]+)\\s*\\((.*)\\)");

  private Texts() {}

  /**
   * A duration written as {@code 250ms}, {@code 30s}, {@code 3m}, {@code 1h30m}, {@code 1d}, or in
   * ISO-8601 ({@code PT30S}); {@code 0} alone is zero.
   */
  static Duration duration(String text) {
    Duration d = Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(
        "'" + text.trim() + "' is not a duration; write it like " + Durations.FORMS));
    if (d.isNegative()) {
      throw new IllegalArgumentException("'" + text.trim() + "' is negative; durations here are 0 or more");
    }
    return d;
  }

  /**
   * A distribution: {@code never}, a plain duration (fixed), {@code fixed(30s)}, {@code
   * exponential(190s)} (or {@code exp}), {@code lognormal(mean, sd)}, {@code uniform(min, max)},
   * {@code empirical(10s, 20s, ...)}.
   */
  static Distribution distribution(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("never")) {
      return new Distribution.Never();
    }
    Matcher m = CALL.matcher(t);
    if (!m.matches()) {
      if (Durations.parse(t.startsWith("p") ? t.toUpperCase(Locale.ROOT) : t).isPresent()) {
        return Distribution.fixed(duration(t.startsWith("p") ? t.toUpperCase(Locale.ROOT) : t));
      }
      throw new IllegalArgumentException("'" + text + "' is not a distribution; write e.g. 30s, fixed(30s), "
          + "exponential(190s), lognormal(190s, 190s), uniform(1s, 5s), empirical(10s, 20s) or never");
    }
    String name = m.group(1);
    List<Duration> args = new ArrayList<>();
    if (!m.group(2).isBlank()) {
      for (String a : m.group(2).split(",")) {
        args.add(duration(a.trim().toUpperCase(Locale.ROOT).startsWith("P") ? a.trim().toUpperCase(Locale.ROOT) : a.trim()));
      }
    }
    return switch (name) {
      case "fixed" -> new Distribution.Fixed(arg(name, args, 1).get(0));
      case "exponential", "exp" -> new Distribution.Exponential(arg(name, args, 1).get(0));
      case "lognormal" -> new Distribution.LogNormal(arg(name, args, 2).get(0), args.get(1));
      case "uniform" -> new Distribution.Uniform(arg(name, args, 2).get(0), args.get(1));
      case "empirical" -> new Distribution.Empirical(args);
      default -> throw new IllegalArgumentException("unknown distribution '" + name
          + "'; known: fixed, exponential, lognormal, uniform, empirical, never");
    };
  }

  private static List<Duration> arg(String name, List<Duration> args, int count) {
    if (args.size() != count) {
      throw new IllegalArgumentException(name + " takes " + count + (count == 1 ? " duration" : " durations")
          + ", was given " + args.size());
    }
    return args;
  }
}
