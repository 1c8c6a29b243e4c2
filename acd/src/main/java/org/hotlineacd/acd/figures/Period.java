package org.hotlineacd.acd.figures;

/**
 * A reporting period figures roll up to, aligned on local time in the configured zone. Every
 * period is a sum of whole 15-minute intervals.
 */
public enum Period {
  /** The 15-minute interval itself. */
  INTERVAL,
  /** A local clock hour (the repeated hour of a DST fall-back is two periods). */
  HOUR,
  /** A local calendar day (23 or 25 hours on DST change days). */
  DAY,
  /** A local calendar month. */
  MONTH,
  /** A local calendar year. */
  YEAR
}
