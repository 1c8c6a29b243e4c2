package org.hotlineacd.acd.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent queue.
 *
 * @param skills required skills with their minimum levels (1-10); an agent qualifies when it has
 *     every one at or above the level
 * @param maxWait overflow after this wait, or {@code null} for none
 * @param maxLength overflow arrivals beyond this many waiting calls; 0 for no limit
 * @param overflow where overflowing calls go, or {@code null} (then they stay queued)
 * @param joinWhenEmpty whether a call joins while no agent of the queue is logged in; when false
 *     it overflows at once
 * @param leaveWhenEmpty whether waiting calls overflow when the last agent logs out
 * @param announceEvery how often a waiting caller hears position and wait, or {@code null}
 */
public record QueueConfig(
    String id,
    String name,
    Map<String, Integer> skills,
    Strategy strategy,
    Duration ringTimeout,
    Duration wrapUp,
    Thresholds thresholds,
    Duration maxWait,
    int maxLength,
    Overflow overflow,
    List<Relaxation> relaxation,
    boolean joinWhenEmpty,
    boolean leaveWhenEmpty,
    Duration announceEvery) {

  /** Validates and copies. */
  public QueueConfig {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    skills = skills == null ? Map.of() : Map.copyOf(skills);
    skills.forEach(
        (skill, level) -> {
          if (level == null || level < 1 || level > 10) {
            throw new IllegalArgumentException(
                "queue " + id + ": skill " + skill + " level must be 1-10, was " + level);
          }
        });
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(ringTimeout, "ringTimeout");
    if (ringTimeout.isNegative() || ringTimeout.isZero()) {
      throw new IllegalArgumentException("queue " + id + ": ringTimeout must be positive");
    }
    wrapUp = wrapUp == null ? Duration.ZERO : wrapUp;
    if (wrapUp.isNegative()) {
      throw new IllegalArgumentException("queue " + id + ": wrapUp must not be negative");
    }
    thresholds = thresholds == null ? Thresholds.DEFAULT : thresholds;
    if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
      throw new IllegalArgumentException("queue " + id + ": maxWait must be positive");
    }
    if (maxLength < 0) {
      throw new IllegalArgumentException("queue " + id + ": maxLength must not be negative");
    }
    relaxation = relaxation == null ? List.of() : List.copyOf(relaxation);
    for (int i = 1; i < relaxation.size(); i++) {
      if (relaxation.get(i).after().compareTo(relaxation.get(i - 1).after()) < 0) {
        throw new IllegalArgumentException("queue " + id + ": relaxation steps must be ordered by 'after'");
      }
    }
    if (announceEvery != null && (announceEvery.isNegative() || announceEvery.isZero())) {
      throw new IllegalArgumentException("queue " + id + ": announceEvery must be positive");
    }
  }

  /** A queue with defaults everywhere but its id, skills and strategy (handy in tests). */
  public static QueueConfig simple(String id, Map<String, Integer> skills, Strategy strategy) {
    return new QueueConfig(
        id, id, skills, strategy, Duration.ofSeconds(20), Duration.ZERO, Thresholds.DEFAULT, null, 0,
        null, List.of(), true, false, null);
  }

  /** A copy with another wrap-up time. */
  public QueueConfig withWrapUp(Duration value) {
    return new QueueConfig(id, name, skills, strategy, ringTimeout, value, thresholds, maxWait,
        maxLength, overflow, relaxation, joinWhenEmpty, leaveWhenEmpty, announceEvery);
  }

  /** A copy with another ring timeout. */
  public QueueConfig withRingTimeout(Duration value) {
    return new QueueConfig(id, name, skills, strategy, value, wrapUp, thresholds, maxWait,
        maxLength, overflow, relaxation, joinWhenEmpty, leaveWhenEmpty, announceEvery);
  }

  /** A copy with other overflow rules. */
  public QueueConfig withOverflow(Duration maxWaitValue, int maxLengthValue, Overflow target) {
    return new QueueConfig(id, name, skills, strategy, ringTimeout, wrapUp, thresholds, maxWaitValue,
        maxLengthValue, target, relaxation, joinWhenEmpty, leaveWhenEmpty, announceEvery);
  }

  /** A copy with other relaxation steps. */
  public QueueConfig withRelaxation(List<Relaxation> steps) {
    return new QueueConfig(id, name, skills, strategy, ringTimeout, wrapUp, thresholds, maxWait,
        maxLength, overflow, steps, joinWhenEmpty, leaveWhenEmpty, announceEvery);
  }

  /** A copy with other empty-queue rules. */
  public QueueConfig withEmptyRules(boolean join, boolean leave) {
    return new QueueConfig(id, name, skills, strategy, ringTimeout, wrapUp, thresholds, maxWait,
        maxLength, overflow, relaxation, join, leave, announceEvery);
  }

  /** A copy with other thresholds. */
  public QueueConfig withThresholds(Thresholds value) {
    return new QueueConfig(id, name, skills, strategy, ringTimeout, wrapUp, value, maxWait,
        maxLength, overflow, relaxation, joinWhenEmpty, leaveWhenEmpty, announceEvery);
  }

  /** A copy with another announcement period. */
  public QueueConfig withAnnounceEvery(Duration value) {
    return new QueueConfig(id, name, skills, strategy, ringTimeout, wrapUp, thresholds, maxWait,
        maxLength, overflow, relaxation, joinWhenEmpty, leaveWhenEmpty, value);
  }
}
