package org.hotlineacd.cti.sim;

import java.util.Objects;

/**
 * The callers of one dialled line: how many, when, how patient, how long they talk.
 *
 * <p>Arrivals are a Poisson process whose rate follows {@code curve} (non-homogeneous, sampled by
 * thinning), scaled so an average day carries {@code callsPerDay}. A flat curve gives the
 * homogeneous Poisson process of queueing theory.
 *
 * @param line the dialled line id; must exist in the ACD configuration (checked where both meet)
 * @param callsPerDay expected calls per day, zero or more
 * @param curve the intraday shape
 * @param patience how long a caller waits for an agent before hanging up ({@link
 *     Distribution.Never} for infinite patience)
 * @param talk how long a connected call lasts; finite
 * @param agentEndsShare the probability that the agent, not the caller, ends the call (0-1)
 * @param startBurst extra callers at the start of the run
 */
public record LineTraffic(
    String line,
    double callsPerDay,
    IntradayCurve curve,
    Distribution patience,
    Distribution talk,
    double agentEndsShare,
    StartBurst startBurst) {

  /** Validates. */
  public LineTraffic {
    Objects.requireNonNull(line, "line");
    if (line.isBlank()) {
      throw new IllegalArgumentException("line id must not be blank");
    }
    if (!(callsPerDay >= 0) || Double.isInfinite(callsPerDay)) {
      throw new IllegalArgumentException("line " + line + ": callsPerDay must be a finite number >= 0, was " + callsPerDay);
    }
    curve = curve == null ? IntradayCurve.FLAT : curve;
    Objects.requireNonNull(patience, "patience");
    Objects.requireNonNull(talk, "talk");
    if (!talk.finite()) {
      throw new IllegalArgumentException("line " + line + ": talk time must be finite");
    }
    if (!(agentEndsShare >= 0 && agentEndsShare <= 1)) {
      throw new IllegalArgumentException("line " + line + ": agentEndsShare must be 0-1, was " + agentEndsShare);
    }
    startBurst = startBurst == null ? StartBurst.NONE : startBurst;
  }

  /** A line with a flat rate, no burst, and callers who always hang up themselves. */
  public static LineTraffic flat(String line, double callsPerHour, Distribution patience, Distribution talk) {
    return new LineTraffic(line, callsPerHour * 24, IntradayCurve.FLAT, patience, talk, 0, StartBurst.NONE);
  }

  /** The arrival rate, in calls per nanosecond, in the given slot of the curve. */
  double ratePerNano(int slot) {
    return callsPerDay * curve.share(slot) / curve.slotNanos();
  }

  /** The highest rate of any slot, in calls per nanosecond (the thinning envelope). */
  double maxRatePerNano() {
    double max = 0;
    for (int i = 0; i < curve.weights().size(); i++) {
      max = Math.max(max, ratePerNano(i));
    }
    return max;
  }
}
