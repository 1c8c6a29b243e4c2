package org.hotlineacd.acd.figures;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The stored sums and counts of one scope in one 15-minute interval: what the records database
 * keeps per interval, and what {@link FigureBook#add} reads back. The fields mean what the
 * same-named fields of {@link Figures} mean; rows of one interval and scope add up field by field.
 *
 * @param intervalStartNanos the interval's start (epoch nanos), aligned in the reporting zone
 * @param scope a queue id, or {@link Figures#CENTRE} for the whole centre
 */
public record IntervalRow(
    long intervalStartNanos,
    String scope,
    long offered,
    long answered,
    long answeredWithinT,
    long abandoned,
    long shortAbandons,
    long abandonedWithinT,
    long overflowed,
    long answeredWaitNanos,
    long queueTimeNanos,
    long talks,
    long talkNanos,
    long longCalls,
    long holdNanos,
    long wrapUps,
    long wrapUpNanos,
    Map<String, Long> overflowedByCause,
    Map<String, Long> transfersOut,
    Map<String, Long> transfersIn) {

  /** Validates and copies the maps (sorted, unmodifiable). */
  public IntervalRow {
    Objects.requireNonNull(scope, "scope");
    overflowedByCause = copy(overflowedByCause);
    transfersOut = copy(transfersOut);
    transfersIn = copy(transfersIn);
  }

  /** Whether this row holds the whole centre's sums. */
  public boolean centre() {
    return Figures.CENTRE.equals(scope);
  }

  private static Map<String, Long> copy(Map<String, Long> map) {
    return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
