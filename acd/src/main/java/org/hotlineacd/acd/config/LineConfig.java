package org.hotlineacd.acd.config;

import java.util.List;
import java.util.Objects;

/**
 * A dialled line (DNIS) and the queue it feeds.
 *
 * @param priority higher is served first (e.g. the enterprise line above the general line)
 * @param callerData channel variables passed on to the screen pop
 * @param transferInLabel when calls on this line are transfers from another hotline (e.g. {@code
 *     110}), the label they are counted under as "transfers in"; otherwise {@code null}
 * @param hours the name of the {@link BusinessHours} calendar the line keeps, or {@code null}: always
 *     open
 */
public record LineConfig(
    String id, String name, String queue, int priority, List<String> callerData, String transferInLabel,
    String hours) {
  /** Validates and copies. */
  public LineConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(queue, "queue");
    name = name == null ? id : name;
    if (priority < 0 || priority > 100) {
      throw new IllegalArgumentException("line " + id + ": priority must be 0-100, was " + priority);
    }
    callerData = callerData == null ? List.of() : List.copyOf(callerData);
  }

  /** A line that is always open. */
  public LineConfig(
      String id, String name, String queue, int priority, List<String> callerData, String transferInLabel) {
    this(id, name, queue, priority, callerData, transferInLabel, null);
  }

  /** A line with no caller data and no transfer-in label. */
  public static LineConfig simple(String id, String queue, int priority) {
    return new LineConfig(id, id, queue, priority, List.of(), null);
  }
}
