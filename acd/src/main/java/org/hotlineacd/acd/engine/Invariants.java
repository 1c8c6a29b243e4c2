package org.hotlineacd.acd.engine;

import java.util.HashSet;
import java.util.Set;
import org.hotlineacd.cti.model.AgentState;

/**
 * Walks all engine state and throws {@link IllegalStateException} at the first inconsistency.
 * Used by the randomized tests after every event; never on the hot path.
 */
final class Invariants {
  private Invariants() {}

  static void check(EngineState s) {
    Set<Call> seenWaiting = new HashSet<>();
    for (QueueState q : s.queues) {
      int count = 0;
      for (int t = 0; t < q.tiers(); t++) {
        for (Call c : q.waiting[t]) {
          require(c.phase == Call.Phase.WAITING, "queued call " + c + " is " + c.phase);
          require(!c.suspended, "suspended call " + c + " is indexed");
          require(c.queue == q && c.tier == t, "call " + c + " is indexed under the wrong queue or tier");
          require(c.agent == null, "waiting call " + c + " holds agent " + c.agent);
          require(s.calls.get(c.id) == c, "waiting call " + c + " is not in the call table");
          require(seenWaiting.add(c), "call " + c + " waits twice");
          count++;
        }
        for (Agent a : q.idle[t]) {
          require(a.available() && a.inPools, "idle-set agent " + a + " is " + a.state);
          require(a.call == null, "idle agent " + a + " holds call " + a.call);
        }
      }
      require(count == q.waitingCount, "queue " + q + " counts " + q.waitingCount + " waiting, holds " + count);
      require(q.byAge.size() == count, "queue " + q + " age index holds " + q.byAge.size() + ", expected " + count);
      require(q.loggedInMembers >= 0, "queue " + q + " has negative logged-in count");
    }
    Set<Call> ringingOrTalking = new HashSet<>();
    for (Agent a : s.agents) {
      switch (a.state) {
        case RINGING, ON_CALL -> {
          require(a.call != null, "agent " + a + " is " + a.state + " without a call");
          require(a.call.agent == a, "agent " + a + " and call " + a.call + " disagree");
          require(ringingOrTalking.add(a.call), "call " + a.call + " is with two agents");
          require(a.state == AgentState.RINGING
              ? a.call.phase == Call.Phase.RINGING : a.call.phase == Call.Phase.CONNECTED,
              "agent " + a + " is " + a.state + " but its call is " + a.call.phase);
        }
        default -> require(a.call == null, "agent " + a + " is " + a.state + " but holds call " + a.call);
      }
      require(!a.pendingLogout || a.state == AgentState.RINGING || a.state == AgentState.ON_CALL
          || a.state == AgentState.WRAP_UP, "agent " + a + " has a pending logout but is " + a.state);
      require((a.state == AgentState.WRAP_UP) == (a.wrapUp != null),
          "agent " + a + " wrap-up state mismatch");
      if (a.inPools) {
        require(a.available(), "agent " + a + " is in the idle sets but " + a.state);
      } else if (a.available()) {
        // A ready agent outside the idle sets is only allowed while it holds no call and no
        // waiting call fits it: the engine offers it the best call at once.
        require(Routing.pickCall(a) == null, "ready agent " + a + " is idle while a call it serves waits");
      }
    }
    for (Call c : s.calls.values()) {
      switch (c.phase) {
        case WAITING -> require(seenWaiting.contains(c) != c.suspended,
            "waiting call " + c + (c.suspended ? " is suspended but indexed" : " is not indexed"));
        case RINGING, CONNECTED -> {
          require(ringingOrTalking.contains(c), "call " + c + " has no agent");
          require(!c.suspended, "call " + c + " is " + c.phase + " and suspended");
        }
      }
    }
    for (QueueState q : s.queues) {
      for (int t = 0; t < q.tiers(); t++) {
        if (q.idle[t].isEmpty()) {
          continue;
        }
        for (Agent a : q.idle[t]) {
          require(Routing.pickCall(a) == null, "agent " + a + " idles in " + q + " while a call it serves waits");
        }
      }
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
