package org.hotlineacd.acd.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration forms the configuration accepts: {@code 30s}, {@code 2m}, {@code 1h30m},
 * {@code 500ms}, ISO-8601 {@code PT30S}, or a bare number of seconds ({@code 30}, {@code 1.5}):
 * the one reading of duration text for configuration, profiles and the command line.
 */
public final class Durations {
  /** The accepted forms, for error messages. */
  public static final String FORMS = "30s, 2m, 1h30m, 1.5m, 500ms, 1d, PT30S or a number of seconds";

  private static final Pattern UNITS = Pattern.compile("-?(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern SECONDS = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Durations() {}

  /**
   * Parses {@code 30s}, {@code 2m}, {@code 1h30m}, {@code 1.5m}, {@code 500ms}, {@code 1d},
   * ISO-8601 ({@code PT30S}) or a bare number of seconds; empty when the text is none of these.
   */
  public static Optional<Duration> parse(String text) {
    String t = text.strip();
    try {
      if (SECONDS.matcher(t).matches()) {
        BigDecimal nanos = new BigDecimal(t).movePointRight(9);
        return Optional.of(Duration.ofNanos(nanos.longValueExact()));
      }
      if (t.startsWith("P") || t.startsWith("-P") || t.startsWith("p")) {
        return Optional.of(Duration.parse(t));
      }
      if (!UNITS.matcher(t).matches()) {
        return Optional.empty();
      }
      BigDecimal nanos = BigDecimal.ZERO;
      Matcher m = PART.matcher(t);
      while (m.find()) {
        long unit = switch (m.group(2)) {
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          default -> 86_400_000_000_000L;
        };
        nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
      }
      Duration d = Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
      return Optional.of(t.startsWith("-") ? d.negated() : d);
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A compact form for messages: {@code 1h30m}, {@code 20s}, {@code 500ms}, {@code 0s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder s = new StringBuilder(d.isNegative() ? "-" : "");
    Duration a = d.abs();
    append(s, a.toHours(), "h");
    append(s, a.toMinutesPart(), "m");
    append(s, a.toSecondsPart(), "s");
    append(s, a.toMillisPart(), "ms");
    return s.toString();
  }

  private static void append(StringBuilder s, long value, String unit) {
    if (value != 0) {
      s.append(value).append(unit);
    }
  }

}
