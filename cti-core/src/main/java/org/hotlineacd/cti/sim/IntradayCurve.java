package org.hotlineacd.cti.sim;

import java.util.List;
import java.util.Objects;

/**
 * How a line's daily calls spread over the local day: equal slots (24 hourly, 96 quarter-hourly,
 * or any count that divides the day into whole seconds), each with a relative weight. The weights
 * are normalised, so only their ratios matter; the rate is constant within a slot.
 *
 * @param weights one per slot, none negative, not all zero
 */
public record IntradayCurve(List<Double> weights) {
  /** One slot: the same rate all day. */
  public static final IntradayCurve FLAT = new IntradayCurve(List.of(1.0));

  private static final long DAY_SECONDS = 86_400;

  /** Validates and copies. */
  public IntradayCurve {
    weights = List.copyOf(Objects.requireNonNull(weights, "weights"));
    if (weights.isEmpty() || DAY_SECONDS % weights.size() != 0) {
      throw new IllegalArgumentException(
          "an intraday curve needs a number of slots that divides the day into whole seconds (24, 48, 96, ...), had "
              + weights.size());
    }
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      double w = weights.get(i);
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("intraday weight " + i + " must be a finite number >= 0, was " + w);
      }
      sum += w;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("intraday weights must not all be zero");
    }
  }

  /** The length of one slot in nanoseconds. */
  public long slotNanos() {
    return DAY_SECONDS / weights.size() * 1_000_000_000L;
  }

  /** The share of the day's calls that fall in slot {@code i} (the shares add up to 1). */
  public double share(int i) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    return weights.get(i) / sum;
  }

  /** The slot that contains this local time of day (nanoseconds since local midnight). */
  public int slotAt(long nanoOfDay) {
    return (int) Math.min(weights.size() - 1, nanoOfDay / slotNanos());
  }
}
