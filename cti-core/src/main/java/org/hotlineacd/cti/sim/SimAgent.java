package org.hotlineacd.cti.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;

/**
 * One simulated person at a desktop: logs in for the shift, answers rings, wraps up, takes breaks,
 * logs out. It acts on what the ACD tells it (state changes, accepted and refused requests) and
 * on its own timers.
 *
 * <p>Timers cannot be cancelled through the scheduler port, so each guards itself with a token
 * (a ring number, a work-period number) and does nothing when the token has moved on.
 */
final class SimAgent {
  /** The reason the ACD gives right after login (the ACD configuration's {@code login}). */
  static final String LOGIN_REASON = "login";
  /** How long an agent takes to say ready after the ACD made it not ready for its own reason. */
  static final long RECOVER_NANOS = 10 * LocalClock.NANOS_PER_SECOND;
  /** How long before a refused login or logout is tried again. */
  static final long RETRY_NANOS = 30 * LocalClock.NANOS_PER_SECOND;

  private enum Ask { LOGIN, LOGOUT, READY, NOT_READY, WRAP_UP_DONE }

  final AgentId id;
  private final AgentGroup group;
  private final SimContext ctx;
  private final SplittableRandom answerRandom;
  private final SplittableRandom ringDelayRandom;
  private final SplittableRandom wrapUpRandom;
  private final SplittableRandom breakRandom;
  private final Map<Long, Ask> pending = new HashMap<>();

  private boolean onShift;
  private boolean atWork; // a login was sent and no logout has been seen since
  private long workPeriod; // advances at login and logout: stale break timers see the change
  private AgentState state = AgentState.LOGGED_OUT;
  private String reason;
  private long stateChanges; // guards timers that depend on the state staying as it was

  private SimCall ringingFor;
  private long ringNumber;
  private boolean ringAnswered;
  SimCall talkingTo;

  private final ArrayDeque<BreakPlan> dueBreaks = new ArrayDeque<>();
  private BreakPlan askedBreak;
  private BreakPlan onBreak;

  SimAgent(AgentId id, AgentGroup group, SimContext ctx, RandomStreams streams) {
    this.id = id;
    this.group = group;
    this.ctx = ctx;
    String p = "agent/" + id.value() + "/";
    this.answerRandom = streams.stream(p + "answer");
    this.ringDelayRandom = streams.stream(p + "ring-delay");
    this.wrapUpRandom = streams.stream(p + "wrap-up");
    this.breakRandom = streams.stream(p + "breaks");
  }

  // ---- shifts ----

  void shiftStarts() {
    onShift = true;
    if (atWork) {
      return; // still logged in from the last shift (a long call kept it), carry on
    }
    atWork = true;
    workPeriod++;
    ctx.counters.logins++;
    send(Ask.LOGIN, new AgentLogin(ctx.nextRequestId(), id));
    List<BreakPlan> plans = group.breaks();
    for (BreakPlan plan : plans) {
      scheduleBreak(plan);
    }
  }

  void shiftEnds() {
    onShift = false;
    tryLogout();
  }

  private void tryLogout() {
    boolean idle = state == AgentState.READY || state == AgentState.NOT_READY || state == AgentState.LOGGED_OUT;
    if (onShift || !atWork || !idle || talkingTo != null || ringingFor != null || pending.containsValue(Ask.LOGOUT)) {
      return;
    }
    send(Ask.LOGOUT, new AgentLogout(ctx.nextRequestId(), id));
  }

  // ---- breaks ----

  private void scheduleBreak(BreakPlan plan) {
    long period = workPeriod;
    ctx.after(plan.every().sampleNanos(breakRandom), () -> {
      if (period == workPeriod && atWork) {
        dueBreaks.add(plan);
        askForBreak();
      }
    });
  }

  private void askForBreak() {
    if (state != AgentState.READY || !onShift || askedBreak != null || dueBreaks.isEmpty()) {
      return;
    }
    askedBreak = dueBreaks.poll();
    send(Ask.NOT_READY, new AgentNotReady(ctx.nextRequestId(), id, askedBreak.reason()));
  }

  private void breakBegins(BreakPlan plan) {
    onBreak = plan;
    ctx.counters.breaksStarted++;
    long period = workPeriod;
    long change = stateChanges;
    ctx.after(plan.length().sampleNanos(breakRandom), () -> {
      if (period != workPeriod) {
        return;
      }
      onBreak = null;
      scheduleBreak(plan);
      if (change == stateChanges) {
        send(Ask.READY, new AgentReady(ctx.nextRequestId(), id));
      }
    });
  }

  // ---- what the ACD says ----

  void stateChanged(AgentStateChanged n) {
    state = n.state();
    reason = n.reason();
    stateChanges++;
    switch (n.state()) {
      case READY -> {
        tryLogout();
        askForBreak();
      }
      case NOT_READY -> notReady(n.reason());
      case WRAP_UP -> wrapUp(n.deadlineNanos());
      case LOGGED_OUT -> loggedOut();
      case RINGING, ON_CALL -> { }
    }
  }

  private void notReady(String why) {
    if (LOGIN_REASON.equals(why)) {
      if (onShift) {
        send(Ask.READY, new AgentReady(ctx.nextRequestId(), id));
      } else {
        tryLogout();
      }
      return;
    }
    if (askedBreak != null && askedBreak.reason().equals(why)) {
      BreakPlan plan = askedBreak;
      askedBreak = null;
      breakBegins(plan);
      tryLogout();
      return;
    }
    // The ACD's own reason (e.g. unanswered rings): the person notices and comes back.
    long change = stateChanges;
    ctx.after(RECOVER_NANOS, () -> {
      if (change == stateChanges && onShift) {
        send(Ask.READY, new AgentReady(ctx.nextRequestId(), id));
      }
    });
    tryLogout();
  }

  private void wrapUp(long deadlineNanos) {
    long work = group.wrapUp().sampleNanos(wrapUpRandom);
    long done = ctx.now() + work;
    if (deadlineNanos != 0 && done >= deadlineNanos) {
      return; // the ACD's timeout ends it first
    }
    long change = stateChanges;
    ctx.after(work, () -> {
      if (change == stateChanges && state == AgentState.WRAP_UP) {
        send(Ask.WRAP_UP_DONE, new WrapUpDone(ctx.nextRequestId(), id));
      }
    });
  }

  private void loggedOut() {
    if (pending.containsValue(Ask.LOGIN)) {
      return; // the notice predates our login
    }
    atWork = false;
    workPeriod++;
    dueBreaks.clear();
    askedBreak = null;
    onBreak = null;
  }

  void accepted(RequestAccepted n) {
    Ask ask = pending.remove(n.requestId());
    if (ask == Ask.LOGOUT) {
      ctx.counters.logouts++;
      loggedOut();
      if (onShift) {
        shiftStarts(); // the next shift began while the logout was on its way
      }
    }
  }

  void refused(RequestRefused n) {
    ctx.counters.requestsRefused++;
    Ask ask = pending.remove(n.requestId());
    if (ask == null) {
      return;
    }
    switch (ask) {
      case LOGIN -> {
        atWork = false;
        workPeriod++;
        ctx.after(RETRY_NANOS, () -> {
          if (onShift && !atWork) {
            shiftStarts();
          }
        });
      }
      case LOGOUT -> ctx.after(RETRY_NANOS, this::tryLogout);
      case NOT_READY -> {
        // Keep the break due; ask again at the next ready.
        if (askedBreak != null) {
          dueBreaks.addFirst(askedBreak);
          askedBreak = null;
        }
      }
      case READY -> {
        long change = stateChanges;
        ctx.after(RECOVER_NANOS, () -> {
          if (change == stateChanges && state == AgentState.NOT_READY && onShift && onBreak == null) {
            send(Ask.READY, new AgentReady(ctx.nextRequestId(), id));
          }
        });
      }
      case WRAP_UP_DONE -> { } // the wrap-up ended by itself meanwhile
    }
  }

  // ---- the phone ----

  /** The phone rings for {@code call}; returns false when it is busy with another call. */
  boolean ring(SimCall call) {
    if (ringingFor != null || talkingTo != null) {
      return false;
    }
    ringingFor = call;
    ringAnswered = false;
    long ring = ++ringNumber;
    // Draw both every time, so one agent's streams do not depend on whether it was at its desk.
    boolean answers = answerRandom.nextDouble() >= group.noAnswerProbability();
    long delay = group.ringDelay().sampleNanos(ringDelayRandom);
    if (!answers || !atWork) {
      return true; // it rings until the ACD gives up
    }
    ctx.after(delay, () -> {
      if (ring == ringNumber && ringingFor == call && call.phase == SimCall.Phase.WAITING) {
        ringAnswered = true;
        ctx.counters.ringsAnswered++;
        ctx.submit(new AgentLegAnswered(call.id, id));
      }
    });
    return true;
  }

  /** The ACD stopped the ring (timeout, or the caller left). */
  void ringCancelled(CallId call) {
    if (ringingFor == null || !ringingFor.id.equals(call)) {
      return;
    }
    if (!ringAnswered) {
      ctx.counters.ringsUnanswered++;
    }
    ringingFor = null;
    ringNumber++;
  }

  /** The ACD bridged the agent with {@code call}. */
  void connected(SimCall call) {
    if (ringingFor == call) {
      ringingFor = null;
      ringNumber++;
    }
    talkingTo = call;
  }

  /** The call the agent talked to is over. */
  void callEnded(SimCall call) {
    if (talkingTo == call) {
      talkingTo = null;
    }
    if (ringingFor == call) {
      ringingFor = null;
      ringNumber++;
    }
  }

  boolean onBreak() {
    return onBreak != null;
  }

  String reason() {
    return reason;
  }

  private void send(Ask ask, AgentRequest request) {
    pending.put(request.requestId(), ask);
    ctx.submit(request);
  }
}
