package org.hotlineacd.acd.figures;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Thresholds;

/**
 * The figures of one scope (a queue, or the whole centre) over one range of intervals: the summed
 * counts as stored, and the ratios and means derived from them at read time (docs/figures.md).
 *
 * <p>A derived figure whose denominator is zero is {@link Double#NaN}, meaning "no data"; the
 * tables print it as {@code -}. Ratios are fractions (0.9452), durations are seconds.
 *
 * @param scope the queue id, or {@link #CENTRE} for the whole centre
 * @param centre whether these are whole-centre figures (each call counted once)
 * @param fromNanos the start of the range (epoch nanos, inclusive): intervals starting here or
 *     later are included
 * @param toNanos the end of the range (exclusive): intervals starting here or later are not
 * @param thresholds T, S, L and the formula the figures are read with (for the centre, see
 *     {@code perQueueThresholds})
 * @param perQueueThresholds true for centre figures when the queues' T, S or L differ: each call
 *     was then counted with its first queue's values, and only {@code thresholds.formula()} is
 *     meaningful here
 * @param offered segments (calls, for the centre) that entered the queue
 * @param answeredWithinT answered with wait at most T
 * @param shortAbandons abandoned with wait at most S (only when S &gt; 0)
 * @param abandonedWithinT abandoned with wait at most T (for formula {@code abandons-on-time})
 * @param overflowed left the queue (for the centre: the ACD) unanswered by an overflow rule
 * @param answeredWaitNanos sum of the waits of answered segments
 * @param queueTimeNanos sum of the waits of every segment that stopped waiting (answered,
 *     abandoned or overflowed)
 * @param talks answered segments whose talk ended (for the centre: answered calls that completed)
 * @param longCalls talks longer than L
 * @param wrapUps finished wrap-ups (for the centre: completed calls that had any)
 * @param transfersOut transfers out by target label ({@code queue:ID} for a queue, per queue only)
 * @param transfersIn transfers in by the label of the line they arrived on
 */
public record Figures(
    String scope,
    boolean centre,
    long fromNanos,
    long toNanos,
    Thresholds thresholds,
    boolean perQueueThresholds,
    long offered,
    long answered,
    long answeredWithinT,
    long abandoned,
    long shortAbandons,
    long abandonedWithinT,
    long overflowed,
    Map<String, Long> overflowedByCause,
    long answeredWaitNanos,
    long queueTimeNanos,
    long talks,
    long talkNanos,
    long longCalls,
    long holdNanos,
    long wrapUps,
    long wrapUpNanos,
    Map<String, Long> transfersOut,
    Map<String, Long> transfersIn) {

  /** The scope name of whole-centre figures. */
  public static final String CENTRE = "(centre)";

  private static final double NANOS_PER_SECOND = 1e9;

  /** Validates and copies the maps (sorted by label, unmodifiable). */
  public Figures {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(thresholds, "thresholds");
    overflowedByCause = sortedCopy(overflowedByCause);
    transfersOut = sortedCopy(transfersOut);
    transfersIn = sortedCopy(transfersIn);
  }

  static Figures of(
      String scope,
      boolean centre,
      long fromNanos,
      long toNanos,
      Thresholds thresholds,
      boolean perQueueThresholds,
      Tally t) {
    return new Figures(scope, centre, fromNanos, toNanos, thresholds, perQueueThresholds,
        t.offered, t.answered, t.answeredWithinT, t.abandoned, t.shortAbandons,
        t.abandonedWithinT, t.overflowed, t.overflowedByCause(), t.answeredWaitNanos,
        t.queueTimeNanos, t.talks, t.talkNanos, t.longCalls, t.holdNanos, t.wrapUps,
        t.wrapUpNanos, t.transfersOut(), t.transfersIn());
  }

  /** The formula {@link #serviceLevel()} uses: the scope's configured one. */
  public ServiceLevelFormula formula() {
    return thresholds.formula();
  }

  /** Segments that stopped waiting: answered, abandoned or overflowed. */
  public long endedWaiting() {
    return answered + abandoned + overflowed;
  }

  /** The service level by the scope's formula, as a fraction; NaN without data. */
  public double serviceLevel() {
    return serviceLevel(thresholds.formula());
  }

  /** The service level by the given formula (METRICS.md "Named formulas"); NaN without data. */
  public double serviceLevel(ServiceLevelFormula formula) {
    return switch (formula) {
      case OFFERED -> ratio(answeredWithinT, offered - shortAbandons);
      case ANSWERED -> ratio(answeredWithinT, answered);
      case ABANDONS_ON_TIME -> ratio(answeredWithinT + abandonedWithinT, offered);
    };
  }

  /**
   * The live service level (wallboards, gauges) by the scope's formula, with {@code undecided}
   * segments still waiting no longer than T left out: they are neither hits nor misses yet. A
   * segment waiting longer than T stays in as a miss. With nothing waiting this is {@link
   * #serviceLevel()}; reports never use it (docs/figures.md, "Live service level").
   */
  public double liveServiceLevel(long undecided) {
    return switch (thresholds.formula()) {
      case OFFERED -> ratio(answeredWithinT, offered - shortAbandons - undecided);
      case ANSWERED -> ratio(answeredWithinT, answered);
      case ABANDONS_ON_TIME -> ratio(answeredWithinT + abandonedWithinT, offered - undecided);
    };
  }

  /** Abandoned over offered, as a fraction; NaN without data. */
  public double abandonRate() {
    return ratio(abandoned, offered);
  }

  /** ASA: the mean wait of answered segments, in seconds; NaN without data. */
  public double asaSeconds() {
    return seconds(answeredWaitNanos, answered);
  }

  /** The mean wait of all segments that stopped waiting, in seconds; NaN without data. */
  public double averageQueueTimeSeconds() {
    return seconds(queueTimeNanos, endedWaiting());
  }

  /** The mean talk time (hold included), in seconds; NaN without data. */
  public double averageTalkSeconds() {
    return seconds(talkNanos, talks);
  }

  /** Talks longer than L over talks, as a fraction; NaN without data. */
  public double longCallShare() {
    return ratio(longCalls, talks);
  }

  /** The mean hold time per talk, in seconds; NaN without data. */
  public double averageHoldSeconds() {
    return seconds(holdNanos, talks);
  }

  /** The mean wrap-up time, in seconds; NaN without data. */
  public double averageWrapUpSeconds() {
    return seconds(wrapUpNanos, wrapUps);
  }

  /**
   * AHT: mean talk plus mean wrap-up, in seconds (a talk with no finished wrap-up yet does not
   * hold the mean down); NaN without talk. Without any wrap-up yet, the wrap-up part counts as 0.
   */
  public double ahtSeconds() {
    double talk = averageTalkSeconds();
    double wrap = averageWrapUpSeconds();
    return Double.isNaN(talk) ? Double.NaN : talk + (Double.isNaN(wrap) ? 0 : wrap);
  }

  /** A count over a count, or NaN when the denominator is not positive. */
  static double ratio(long numerator, long denominator) {
    return denominator <= 0 ? Double.NaN : (double) numerator / denominator;
  }

  private static double seconds(long sumNanos, long count) {
    return count <= 0 ? Double.NaN : sumNanos / NANOS_PER_SECOND / count;
  }

  private static Map<String, Long> sortedCopy(Map<String, Long> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
