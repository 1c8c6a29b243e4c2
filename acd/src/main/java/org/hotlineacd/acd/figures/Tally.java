package org.hotlineacd.acd.figures;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums and counts of one scope (a queue or the whole centre) in one interval, or summed over
 * many. Only counts and nanosecond sums are kept, so any range is an exact sum and any formula can
 * be applied at read time. Mutable and unsynchronised: owned by the engine thread.
 */
final class Tally {
  long offered;
  long answered;
  long answeredWithinT;
  long abandoned;
  long shortAbandons;
  long abandonedWithinT;
  long overflowed;
  long answeredWaitNanos;
  long queueTimeNanos;
  long talks;
  long talkNanos;
  long longCalls;
  long holdNanos;
  long wrapUps;
  long wrapUpNanos;
  /** Label maps are created on first use: most intervals have no transfers and no overflow. */
  private Map<String, long[]> overflowedByCause;
  private Map<String, long[]> transfersOut;
  private Map<String, long[]> transfersIn;

  void answered(long waitNanos, long answerTargetNanos) {
    answered++;
    answeredWaitNanos += waitNanos;
    queueTimeNanos += waitNanos;
    if (waitNanos <= answerTargetNanos) {
      answeredWithinT++;
    }
  }

  void abandoned(long waitNanos, long answerTargetNanos, long shortAbandonNanos) {
    abandoned++;
    queueTimeNanos += waitNanos;
    // S = 0 means "none excluded" (METRICS.md), so a zero wait is not short unless S > 0.
    if (shortAbandonNanos > 0 && waitNanos <= shortAbandonNanos) {
      shortAbandons++;
    }
    if (waitNanos <= answerTargetNanos) {
      abandonedWithinT++;
    }
  }

  void overflowed(long waitNanos, String cause) {
    overflowed++;
    queueTimeNanos += waitNanos;
    overflowedByCause = bump(overflowedByCause, cause, 1);
  }

  void talked(long talkNanosValue, long holdNanosValue, long longCallNanos) {
    talks++;
    talkNanos += talkNanosValue;
    holdNanos += holdNanosValue;
    if (talkNanosValue > longCallNanos) {
      longCalls++;
    }
  }

  void wrappedUp(long wrapUpNanosValue) {
    wrapUps++;
    wrapUpNanos += wrapUpNanosValue;
  }

  void transferOut(String label) {
    transfersOut = bump(transfersOut, label, 1);
  }

  void transferIn(String label) {
    transfersIn = bump(transfersIn, label, 1);
  }

  /**
   * Adds another tally into this one. Duration sums fail loudly rather than wrap: a long holds
   * about 292 years of nanoseconds, which a busy centre's multi-year talk total can approach.
   */
  void add(Tally o) {
    offered += o.offered;
    answered += o.answered;
    answeredWithinT += o.answeredWithinT;
    abandoned += o.abandoned;
    shortAbandons += o.shortAbandons;
    abandonedWithinT += o.abandonedWithinT;
    overflowed += o.overflowed;
    answeredWaitNanos = Math.addExact(answeredWaitNanos, o.answeredWaitNanos);
    queueTimeNanos = Math.addExact(queueTimeNanos, o.queueTimeNanos);
    talks += o.talks;
    talkNanos = Math.addExact(talkNanos, o.talkNanos);
    longCalls += o.longCalls;
    holdNanos = Math.addExact(holdNanos, o.holdNanos);
    wrapUps += o.wrapUps;
    wrapUpNanos = Math.addExact(wrapUpNanos, o.wrapUpNanos);
    overflowedByCause = addAll(overflowedByCause, o.overflowedByCause);
    transfersOut = addAll(transfersOut, o.transfersOut);
    transfersIn = addAll(transfersIn, o.transfersIn);
  }

  static Map<String, Long> sorted(Map<String, long[]> map) {
    Map<String, Long> out = new TreeMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, v[0]));
    }
    return out;
  }

  Map<String, Long> overflowedByCause() {
    return sorted(overflowedByCause);
  }

  Map<String, Long> transfersOut() {
    return sorted(transfersOut);
  }

  Map<String, Long> transfersIn() {
    return sorted(transfersIn);
  }

  private static Map<String, long[]> bump(Map<String, long[]> map, String label, long by) {
    Map<String, long[]> m = map == null ? new HashMap<>(4) : map;
    long[] cell = m.get(label);
    if (cell == null) {
      m.put(label, new long[] {by});
    } else {
      cell[0] += by;
    }
    return m;
  }

  private static Map<String, long[]> addAll(Map<String, long[]> into, Map<String, long[]> from) {
    if (from == null) {
      return into;
    }
    Map<String, long[]> m = into;
    for (Map.Entry<String, long[]> e : from.entrySet()) {
      m = bump(m, e.getKey(), e.getValue()[0]);
    }
    return m;
  }
}
