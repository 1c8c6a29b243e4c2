package org.hotlineacd.acd.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.hotlineacd.acd.config.QueueConfig;

/**
 * One queue's live state, indexed so that no routing decision scans all agents or all calls.
 *
 * <ul>
 *   <li>{@code waiting[t]}: the waiting calls that have reached relaxation tier {@code t}, ordered
 *       by priority, then queue time, then arrival.
 *   <li>{@code idle[t]}: the ready agents whose first qualifying tier for this queue is {@code t},
 *       ordered by the queue's strategy.
 *   <li>{@code byAge}: all waiting calls by queue time, for the longest wait.
 * </ul>
 */
final class QueueState {
  /** Highest priority first, then the longest wait, then arrival order. */
  static final Comparator<Call> CALL_ORDER =
      (a, b) -> {
        int c = Integer.compare(b.priority, a.priority);
        if (c != 0) {
          return c;
        }
        c = Long.compare(a.queuedNanos(), b.queuedNanos());
        return c != 0 ? c : Long.compare(a.seq, b.seq);
      };

  private static final Comparator<Call> AGE_ORDER =
      (a, b) -> {
        int c = Long.compare(a.queuedNanos(), b.queuedNanos());
        return c != 0 ? c : Long.compare(a.seq, b.seq);
      };

  final QueueConfig config;
  /** The queue's place in the engine's list (snapshots index by it); set again on reconfiguration. */
  int index;
  /** Skill indexes the queue requires and their base minimum levels. */
  final int[] skillIndexes;
  final int[] minLevels;
  /** When each tier starts, measured from queue entry; tier 0 starts at once. */
  final long[] tierStartNanos;
  final NavigableSet<Call>[] waiting;
  final NavigableSet<Agent>[] idle;
  final NavigableSet<Call> byAge = new TreeSet<>(AGE_ORDER);
  /** Round robin: when this queue last offered each agent a call (an offer counter). */
  final Map<Agent, Long> lastOffered = new HashMap<>();
  long offerCounter;

  int loggedInMembers;
  int waitingCount;
  boolean removed;
  /** Exponential moving average of talk + wrap-up, for estimated waits. */
  long handleTimeEmaNanos = 180_000_000_000L;

  @SuppressWarnings({"unchecked", "rawtypes"})
  QueueState(QueueConfig config, int index, int[] skillIndexes, int[] minLevels) {
    this.config = config;
    this.index = index;
    this.skillIndexes = skillIndexes;
    this.minLevels = minLevels;
    int tiers = 1 + config.relaxation().size();
    this.tierStartNanos = new long[tiers];
    for (int t = 1; t < tiers; t++) {
      tierStartNanos[t] = config.relaxation().get(t - 1).after().toNanos();
    }
    this.waiting = new NavigableSet[tiers];
    this.idle = new NavigableSet[tiers];
    Comparator<Agent> order = AgentOrder.forQueue(this);
    for (int t = 0; t < tiers; t++) {
      waiting[t] = new TreeSet<>(CALL_ORDER);
      idle[t] = new TreeSet<>(order);
    }
  }

  String id() {
    return config.id();
  }

  int tiers() {
    return tierStartNanos.length;
  }

  void addWaiting(Call call) {
    waiting[call.tier].add(call);
    byAge.add(call);
    waitingCount++;
  }

  void removeWaiting(Call call) {
    if (waiting[call.tier].remove(call)) {
      byAge.remove(call);
      waitingCount--;
    }
  }

  /** The sum of the agent's levels in this queue's skills: the best-skill key. */
  int skillScore(Agent agent) {
    int score = 0;
    for (int s : skillIndexes) {
      score += agent.levels[s];
    }
    return score;
  }

  /** 1-based place of a waiting call: calls of any tier that would be served before it. */
  int positionOf(Call call) {
    int ahead = 0;
    for (NavigableSet<Call> set : waiting) {
      ahead += set.headSet(call, false).size();
    }
    return ahead + 1;
  }

  void recordHandleTime(long nanos) {
    handleTimeEmaNanos += (nanos - handleTimeEmaNanos) / 8;
  }

  long estimatedWaitNanos(int position) {
    int servers = Math.max(1, loggedInMembers);
    return (long) ((double) position * handleTimeEmaNanos / servers);
  }

  @Override
  public String toString() {
    return config.id();
  }
}
