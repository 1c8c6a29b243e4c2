package org.hotlineacd.acd.app;

/** The Erlang C formula (M/M/N, no abandonment): the reference the simulation is checked against. */
final class ErlangC {
  private ErlangC() {}

  /** Probability that a call waits, for offered load {@code a} erlangs on {@code n} agents. */
  static double probabilityOfWaiting(int n, double a) {
    if (a >= n) {
      return 1.0;
    }
    // Erlang B by the stable recurrence, then C from B.
    double b = 1.0;
    for (int k = 1; k <= n; k++) {
      b = a * b / (k + a * b);
    }
    double rho = a / n;
    return b / (1 - rho + rho * b);
  }

  /** Probability that a call is answered within {@code t} seconds. */
  static double serviceLevel(int n, double a, double meanTalkSeconds, double t) {
    double c = probabilityOfWaiting(n, a);
    return 1 - c * Math.exp(-(n - a) * t / meanTalkSeconds);
  }

  /** Mean wait (ASA) in seconds. */
  static double meanWait(int n, double a, double meanTalkSeconds) {
    return probabilityOfWaiting(n, a) * meanTalkSeconds / (n - a);
  }
}
