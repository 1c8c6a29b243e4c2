package org.hotlineacd.acd.live;

import java.util.Map;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.cti.model.AgentState;

/**
 * One scope's live figures (a queue, or the whole centre) at one instant.
 *
 * @param id the queue id, or {@link Figures#CENTRE}
 * @param name the display name
 * @param waiting segments (calls, for the centre) waiting now
 * @param longestWaitNanos the oldest waiting one's age
 * @param loggedInAgents agents logged in who serve the queue (all of them for the centre)
 * @param agentsByState those agents by state (for the centre: every agent, logged out included)
 * @param today the figures of the intervals of today (local day in the configured zone)
 * @param last15 the sliding last 15 minutes
 * @param last60 the sliding last 60 minutes
 * @param sinceStart everything since the service started (what counters expose)
 * @param undecidedToday segments queued today still waiting no longer than T
 * @param undecided15 the same within the last 15 minutes
 */
public record LiveQueue(
    String id,
    String name,
    int waiting,
    long longestWaitNanos,
    int loggedInAgents,
    Map<AgentState, Integer> agentsByState,
    Figures today,
    Figures last15,
    Figures last60,
    Figures sinceStart,
    long undecidedToday,
    long undecided15) {

  /** Copies the map. */
  public LiveQueue {
    agentsByState = Map.copyOf(agentsByState);
  }

  /** Today's live service level (calls waiting under T left out); NaN without data. */
  public double serviceLevelToday() {
    return today.liveServiceLevel(undecidedToday);
  }

  /** The last 15 minutes' live service level; NaN without data. */
  public double serviceLevel15() {
    return last15.liveServiceLevel(undecided15);
  }

  /** How many of these agents are in {@code state}. */
  public int agentsIn(AgentState state) {
    return agentsByState.getOrDefault(state, 0);
  }
}
