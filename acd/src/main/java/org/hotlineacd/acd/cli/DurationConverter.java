package org.hotlineacd.acd.cli;

import java.time.Duration;
import org.hotlineacd.acd.config.Durations;
import picocli.CommandLine;

/** Reads durations on the command line the way the configuration does ({@code 8h}, {@code 90s}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration d = Durations.parse(value).orElseThrow(() ->
        new CommandLine.TypeConversionException("'" + value + "' is not a duration (" + Durations.FORMS + ")"));
    if (d.isNegative() || d.isZero()) {
      throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
    }
    return d;
  }
}
