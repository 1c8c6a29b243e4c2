package org.hotlineacd.cti.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A probability distribution of durations (talk, patience, ring delay, wrap-up, breaks) that the
 * simulator samples in nanoseconds. Each record validates its parameters; sampling never returns
 * a negative value.
 */
public sealed interface Distribution
    permits Distribution.Fixed,
        Distribution.Exponential,
        Distribution.LogNormal,
        Distribution.Uniform,
        Distribution.Empirical,
        Distribution.Never {

  /** Draws one duration in nanoseconds ({@link Long#MAX_VALUE} for {@link Never}). */
  long sampleNanos(SplittableRandom random);

  /** The mean in nanoseconds ({@link Long#MAX_VALUE} for {@link Never}). */
  long meanNanos();

  /** Whether samples are finite (every distribution but {@link Never}). */
  default boolean finite() {
    return true;
  }

  /** A constant duration. */
  static Distribution fixed(Duration value) {
    return new Fixed(value);
  }

  /** Zero, always. */
  static Distribution zero() {
    return new Fixed(Duration.ZERO);
  }

  /** An exponential duration with this mean. */
  static Distribution exponential(Duration mean) {
    return new Exponential(mean);
  }

  /**
   * Always exactly {@code value}.
   *
   * @param value zero or positive
   */
  record Fixed(Duration value) implements Distribution {
    /** Validates. */
    public Fixed {
      requireNonNegative(value, "fixed value");
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return value.toNanos();
    }

    @Override
    public long meanNanos() {
      return value.toNanos();
    }
  }

  /**
   * Exponential with the given mean (memoryless: the Erlang C talk time).
   *
   * @param mean positive
   */
  record Exponential(Duration mean) implements Distribution {
    /** Validates. */
    public Exponential {
      requirePositive(mean, "exponential mean");
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      // 1 - nextDouble() is in (0, 1], so the log is finite.
      return toNanos(-Math.log(1.0 - random.nextDouble()) * mean.toNanos());
    }

    @Override
    public long meanNanos() {
      return mean.toNanos();
    }
  }

  /**
   * Log-normal with the given mean and standard deviation of the duration itself (not of its
   * logarithm): long right tail, like real talk times.
   *
   * @param mean positive
   * @param sd positive
   */
  record LogNormal(Duration mean, Duration sd) implements Distribution {
    /** Validates. */
    public LogNormal {
      requirePositive(mean, "lognormal mean");
      requirePositive(sd, "lognormal sd");
    }

    /** The standard deviation of the logarithm. */
    public double sigma() {
      double cv = (double) sd.toNanos() / mean.toNanos();
      return Math.sqrt(Math.log1p(cv * cv));
    }

    /** The mean of the logarithm (of nanoseconds). */
    public double mu() {
      double sigma = sigma();
      return Math.log(mean.toNanos()) - sigma * sigma / 2;
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return toNanos(Math.exp(mu() + sigma() * gaussian(random)));
    }

    @Override
    public long meanNanos() {
      return mean.toNanos();
    }

    private static double gaussian(SplittableRandom random) {
      // Box-Muller with one draw pair per sample: no cached spare, so the stream stays simple.
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
  }

  /**
   * Uniform between {@code min} and {@code max}, both included.
   *
   * @param min zero or positive
   * @param max at least {@code min}
   */
  record Uniform(Duration min, Duration max) implements Distribution {
    /** Validates. */
    public Uniform {
      requireNonNegative(min, "uniform min");
      requireNonNegative(max, "uniform max");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException("uniform max " + max + " is below min " + min);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      long lo = min.toNanos();
      long hi = max.toNanos();
      return lo == hi ? lo : random.nextLong(lo, hi + 1);
    }

    @Override
    public long meanNanos() {
      return min.toNanos() / 2 + max.toNanos() / 2;
    }
  }

  /**
   * One of the listed durations, each equally likely (e.g. talk times measured in production).
   *
   * @param values at least one, none negative
   */
  record Empirical(List<Duration> values) implements Distribution {
    /** Validates and copies. */
    public Empirical {
      values = List.copyOf(Objects.requireNonNull(values, "values"));
      if (values.isEmpty()) {
        throw new IllegalArgumentException("empirical needs at least one value");
      }
      values.forEach(v -> requireNonNegative(v, "empirical value"));
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return values.get(random.nextInt(values.size())).toNanos();
    }

    @Override
    public long meanNanos() {
      double sum = 0;
      for (Duration v : values) {
        sum += v.toNanos();
      }
      return toNanos(sum / values.size());
    }
  }

  /** A duration that never elapses: infinite patience. */
  record Never() implements Distribution {
    @Override
    public long sampleNanos(SplittableRandom random) {
      return Long.MAX_VALUE;
    }

    @Override
    public long meanNanos() {
      return Long.MAX_VALUE;
    }

    @Override
    public boolean finite() {
      return false;
    }
  }

  private static long toNanos(double nanos) {
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0L, Math.round(nanos));
  }

  private static void requireNonNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + d);
    }
  }

  private static void requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }
}
