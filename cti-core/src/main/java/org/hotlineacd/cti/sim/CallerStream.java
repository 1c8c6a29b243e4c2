package org.hotlineacd.cti.sim;

import java.util.SplittableRandom;

/**
 * The arrivals and caller traits of one line. Arrivals are a non-homogeneous Poisson process
 * drawn by thinning (Lewis and Shedler): candidates at the curve's peak rate, each kept with
 * probability rate(t) / peak.
 */
final class CallerStream {
  final LineTraffic traffic;
  private final LocalClock clock;
  private final double peakPerNano;
  private final SplittableRandom arrivals;
  private final SplittableRandom thinning;
  private final SplittableRandom patience;
  private final SplittableRandom talk;
  private final SplittableRandom side;
  private final SplittableRandom number;
  final SplittableRandom burst;

  CallerStream(LineTraffic traffic, LocalClock clock, RandomStreams streams) {
    this.traffic = traffic;
    this.clock = clock;
    this.peakPerNano = traffic.maxRatePerNano();
    String p = "line/" + traffic.line() + "/";
    this.arrivals = streams.stream(p + "arrivals");
    this.thinning = streams.stream(p + "thinning");
    this.patience = streams.stream(p + "patience");
    this.talk = streams.stream(p + "talk");
    this.side = streams.stream(p + "ends");
    this.number = streams.stream(p + "number");
    this.burst = streams.stream(p + "burst");
  }

  /** The next arrival strictly after {@code afterNanos}, or {@link Long#MAX_VALUE} for none. */
  long nextArrival(long afterNanos) {
    if (peakPerNano <= 0) {
      return Long.MAX_VALUE;
    }
    double t = afterNanos;
    while (true) {
      t += -Math.log(1.0 - arrivals.nextDouble()) / peakPerNano;
      if (t >= Long.MAX_VALUE) {
        return Long.MAX_VALUE;
      }
      long candidate = Math.max(afterNanos + 1, (long) t);
      double rate = traffic.ratePerNano(traffic.curve().slotAt(clock.nanoOfDay(candidate)));
      if (thinning.nextDouble() * peakPerNano < rate) {
        return candidate;
      }
    }
  }

  long patienceNanos() {
    return traffic.patience().sampleNanos(patience);
  }

  long talkNanos() {
    return traffic.talk().sampleNanos(talk);
  }

  boolean agentEnds() {
    return side.nextDouble() < traffic.agentEndsShare();
  }

  /** A mobile-style number (1 followed by ten digits). */
  String callerNumber() {
    return "1" + (3 + number.nextInt(7)) + String.format(java.util.Locale.ROOT, "%09d", number.nextInt(1_000_000_000));
  }
}
