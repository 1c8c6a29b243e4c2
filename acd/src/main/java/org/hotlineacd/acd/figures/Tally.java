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

  /** Whether nothing has been counted (a drained tally). */
  boolean isEmpty() {
    return offered == 0 && answered == 0 && abandoned == 0 && overflowed == 0 && talks == 0
        && wrapUps == 0 && answeredWaitNanos == 0 && queueTimeNanos == 0 && talkNanos == 0
        && holdNanos == 0 && wrapUpNanos == 0 && isEmpty(overflowedByCause) && isEmpty(transfersOut)
        && isEmpty(transfersIn);
  }

  /** Zeroes every count (the tally's sums have been handed on as a delta). */
  void clear() {
    offered = 0;
    answered = 0;
    answeredWithinT = 0;
    abandoned = 0;
    shortAbandons = 0;
    abandonedWithinT = 0;
    overflowed = 0;
    answeredWaitNanos = 0;
    queueTimeNanos = 0;
    talks = 0;
    talkNanos = 0;
    longCalls = 0;
    holdNanos = 0;
    wrapUps = 0;
    wrapUpNanos = 0;
    overflowedByCause = null;
    transfersOut = null;
    transfersIn = null;
  }

  /** The tally as a stored row. */
  IntervalRow toRow(long intervalStartNanos, String scope) {
    return new IntervalRow(intervalStartNanos, scope, offered, answered, answeredWithinT, abandoned,
        shortAbandons, abandonedWithinT, overflowed, answeredWaitNanos, queueTimeNanos, talks, talkNanos,
        longCalls, holdNanos, wrapUps, wrapUpNanos, overflowedByCause(), transfersOut(), transfersIn());
  }

  /** Adds a stored row into this tally. */
  void add(IntervalRow r) {
    offered += r.offered();
    answered += r.answered();
    answeredWithinT += r.answeredWithinT();
    abandoned += r.abandoned();
    shortAbandons += r.shortAbandons();
    abandonedWithinT += r.abandonedWithinT();
    overflowed += r.overflowed();
    answeredWaitNanos = Math.addExact(answeredWaitNanos, r.answeredWaitNanos());
    queueTimeNanos = Math.addExact(queueTimeNanos, r.queueTimeNanos());
    talks += r.talks();
    talkNanos = Math.addExact(talkNanos, r.talkNanos());
    longCalls += r.longCalls();
    holdNanos = Math.addExact(holdNanos, r.holdNanos());
    wrapUps += r.wrapUps();
    wrapUpNanos = Math.addExact(wrapUpNanos, r.wrapUpNanos());
    r.overflowedByCause().forEach((k, v) -> overflowedByCause = bump(overflowedByCause, k, v));
    r.transfersOut().forEach((k, v) -> transfersOut = bump(transfersOut, k, v));
    r.transfersIn().forEach((k, v) -> transfersIn = bump(transfersIn, k, v));
  }

  private static boolean isEmpty(Map<String, long[]> map) {
    return map == null || map.isEmpty();
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
