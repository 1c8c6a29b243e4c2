package org.hotlineacd.cti.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group of simulated agents who share skills, hours and habits.
 *
 * <p>The agents' ids are {@code idPrefix-001}, {@code idPrefix-002}, ... (wider numbers when the
 * group has more than 999) and their endpoints {@code SIM/<id>}, as {@link #agentIds()} and
 * {@link #endpoint(String)} say; the ACD's roster must use the same.
 *
 * @param idPrefix e.g. {@code sim-general}; letters, digits, '-', '_' and '.'
 * @param count how many agents, at least 1
 * @param skills skill levels 1-10 (checked against the ACD configuration where both meet)
 * @param shift daily hours in the profile's time zone
 * @param ringDelay how long a ringing phone rings before the agent picks up
 * @param noAnswerProbability the chance the agent lets a ring go unanswered (0-1)
 * @param wrapUp the after-call work the agent needs; it ends it early with {@code WrapUpDone} when
 *     this is shorter than the ACD's wrap-up deadline
 * @param breaks the kinds of break the agents take; may be empty
 */
public record AgentGroup(
    String idPrefix,
    int count,
    Map<String, Integer> skills,
    Shift shift,
    Distribution ringDelay,
    double noAnswerProbability,
    Distribution wrapUp,
    List<BreakPlan> breaks) {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** Validates and copies. */
  public AgentGroup {
    Objects.requireNonNull(idPrefix, "idPrefix");
    if (!PREFIX.matcher(idPrefix).matches()) {
      throw new IllegalArgumentException(
          "agent id prefix '" + idPrefix + "' must be 1-100 letters, digits, '.', '-' or '_'");
    }
    if (count < 1 || count > 100_000) {
      throw new IllegalArgumentException("group " + idPrefix + ": count must be 1-100000, was " + count);
    }
    skills = Map.copyOf(Objects.requireNonNull(skills, "skills"));
    skills.forEach(
        (skill, level) -> {
          if (level == null || level < 1 || level > 10) {
            throw new IllegalArgumentException(
                "group " + idPrefix + ": skill " + skill + " level must be 1-10, was " + level);
          }
        });
    shift = shift == null ? Shift.ALWAYS : shift;
    Objects.requireNonNull(ringDelay, "ringDelay");
    Objects.requireNonNull(wrapUp, "wrapUp");
    if (!ringDelay.finite() || !wrapUp.finite()) {
      throw new IllegalArgumentException("group " + idPrefix + ": ringDelay and wrapUp must be finite");
    }
    if (!(noAnswerProbability >= 0 && noAnswerProbability <= 1)) {
      throw new IllegalArgumentException(
          "group " + idPrefix + ": noAnswerProbability must be 0-1, was " + noAnswerProbability);
    }
    breaks = breaks == null ? List.of() : List.copyOf(breaks);
  }

  /**
   * A group that follows the Erlang C assumptions: always on shift, answers every ring at once,
   * no wrap-up, no breaks.
   */
  public static AgentGroup erlang(String idPrefix, int count, Map<String, Integer> skills) {
    return new AgentGroup(
        idPrefix, count, skills, Shift.ALWAYS, Distribution.zero(), 0, Distribution.zero(), List.of());
  }

  /** The ids of the group's agents, in order. */
  public List<String> agentIds() {
    int width = Math.max(3, Integer.toString(count).length());
    List<String> ids = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      ids.add(idPrefix + "-" + String.format(java.util.Locale.ROOT, "%0" + width + "d", i));
    }
    return ids;
  }

  /** The endpoint of a simulated agent: {@code SIM/<id>}. */
  public static String endpoint(String agentId) {
    return "SIM/" + agentId;
  }
}
