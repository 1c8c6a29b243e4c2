package org.hotlineacd.acd.engine;

import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Agent state changes and their effects on the indexes: every change goes through {@link
 * #setState}, which tells the desktop and logs one line; an agent becoming available takes the best
 * waiting call at once or joins the idle sets.
 */
final class AgentFlow {
  private static final Logger LOG = LoggerFactory.getLogger(AgentFlow.class);

  private final EngineState s;
  private CallFlow calls;

  AgentFlow(EngineState state) {
    this.s = state;
  }

  void wire(CallFlow callFlow) {
    this.calls = callFlow;
  }

  void setState(Agent a, AgentState state, String reason, Call call, long now, long deadlineNanos) {
    if (state != AgentState.READY && state != a.state) {
      Routing.removeFromPools(a);
    }
    a.state = state;
    a.reason = reason;
    a.stateSinceNanos = now;
    s.emit(new AgentStateChanged(a.id, state, reason, call == null ? null : call.id, now, deadlineNanos));
    if (LOG.isInfoEnabled()) {
      MDC.put("agent", a.id.value());
      try {
        LOG.info("agent {} -> {}{}{}", a.id, state.label(),
            reason == null ? "" : " (" + reason + ")", call == null ? "" : " call " + call.id);
      } finally {
        MDC.remove("agent");
      }
    }
  }

  void login(Agent a, long now) {
    a.callsTaken = 0;
    a.talkNanos = 0;
    a.consecutiveNoAnswer = 0;
    a.pendingNotReady = null;
    a.pendingLogout = false;
    for (Agent.Membership m : a.memberships) {
      m.queue().loggedInMembers++;
    }
    setState(a, AgentState.NOT_READY, AcdConfig.LOGIN_REASON, null, now, 0);
  }

  void logout(Agent a, long now) {
    a.pendingLogout = false;
    a.pendingNotReady = null;
    Routing.removeFromPools(a);
    setState(a, AgentState.LOGGED_OUT, null, null, now, 0);
    for (Agent.Membership m : a.memberships) {
      QueueState q = m.queue();
      q.loggedInMembers--;
      if (q.loggedInMembers == 0 && q.config.leaveWhenEmpty()) {
        calls.overflowAllWaiting(q, "no-agents", now);
      }
    }
  }

  /** The agent is ready from now on: it goes to the back of the longest-idle order. */
  void becomeReady(Agent a, long now) {
    a.idleSinceNanos = now;
    a.pendingNotReady = null;
    setState(a, AgentState.READY, null, null, now, 0);
    offerNext(a, now);
  }

  /**
   * The agent is ready again after a ring it did not cause to fail (the caller hung up): it keeps
   * its place in the longest-idle order.
   */
  void returnToReady(Agent a, long now) {
    setState(a, AgentState.READY, null, null, now, 0);
    offerNext(a, now);
  }

  void becomeNotReady(Agent a, String reason, long now) {
    setState(a, AgentState.NOT_READY, reason, null, now, 0);
    retireIfRemoved(a, now);
  }

  /** An available agent takes the best waiting call it serves, or waits in the idle sets. */
  void offerNext(Agent a, long now) {
    if (retireIfRemoved(a, now) || !a.available()) {
      return;
    }
    Call call = Routing.pickCall(a);
    if (call != null) {
      calls.offer(call, a, now);
    } else {
      Routing.addToPools(a);
    }
  }

  /**
   * An agent removed from the configuration, or logged out by a supervisor, while busy is logged
   * out once it is free.
   */
  private boolean retireIfRemoved(Agent a, long now) {
    if (!(a.removed || a.pendingLogout) || (a.state != AgentState.READY && a.state != AgentState.NOT_READY)) {
      return false;
    }
    logout(a, now);
    if (a.removed) {
      Reconfiguration.forget(s, a);
    }
    return true;
  }

  void startWrapUp(Agent a, SegmentKey key, QueueState q, long talkNanos, long now) {
    long wrapNanos = q.config.wrapUp().toNanos();
    a.wrapUp = new Agent.WrapUp(key, now, now + wrapNanos, q, talkNanos);
    if (wrapNanos == 0) {
      finishWrapUp(a, now, true, null, null, null);
      return;
    }
    a.wrapUpTimer = s.timers.add(now + wrapNanos, Timer.Kind.WRAP_UP_END, null, a);
    setState(a, AgentState.WRAP_UP, null, null, now, now + wrapNanos);
  }

  void finishWrapUp(Agent a, long now, boolean timedOut, String disposition, String category, String summary) {
    Agent.WrapUp w = a.wrapUp;
    a.wrapUp = null;
    Timer.cancel(a.wrapUpTimer);
    a.wrapUpTimer = null;
    long wrapNanos = now - w.startedNanos();
    w.queue().recordHandleTime(w.talkNanos() + wrapNanos);
    s.segment(new SegmentWrapUpEnded(w.key(), a.id, now, wrapNanos, timedOut, disposition, category, summary));
    if (a.pendingLogout) {
      logout(a, now);
      if (a.removed) {
        Reconfiguration.forget(s, a);
      }
    } else if (a.pendingNotReady != null) {
      String reason = a.pendingNotReady;
      a.pendingNotReady = null;
      becomeNotReady(a, reason, now);
    } else {
      becomeReady(a, now);
    }
  }

  void reachability(Agent a, boolean reachable, long now) {
    if (a.reachable == reachable) {
      return;
    }
    a.reachable = reachable;
    if (!reachable) {
      Routing.removeFromPools(a);
    } else {
      offerNext(a, now);
    }
  }
}
