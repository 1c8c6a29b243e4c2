package org.hotlineacd.acd.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotlineacd.cti.sim.Distribution;

/** Parses the short texts of a profile: durations ({@code 30s}, {@code PT30S}) and distributions. */
final class Texts {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");
  private static final Pattern CALL = Pattern.compile("([a-z]+)\\s*\\((.*)\\)");

  private Texts() {}

  /**
   * A duration written as {@code 250ms}, {@code 30s}, {@code 3m}, {@code 1h30m}, {@code 1d}, or in
   * ISO-8601 ({@code PT30S}); {@code 0} alone is zero.
   */
  static Duration duration(String text) {
    String t = text.trim();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P")) {
      try {
        return Duration.parse(t);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT30S");
      }
    }
    if (!DURATION.matcher(t).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write it like 30s, 3m, 1h30m, 250ms or PT30S");
    }
    Duration sum = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      BigDecimal amount = new BigDecimal(m.group(1));
      long unitNanos = switch (m.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> 86_400_000_000_000L;
      };
      sum = sum.plusNanos(amount.multiply(BigDecimal.valueOf(unitNanos)).longValueExact());
    }
    return sum;
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
      if (DURATION.matcher(t).matches() || t.equals("0") || t.startsWith("p")) {
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
