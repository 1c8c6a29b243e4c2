package org.hotlineacd.acd.engine;

import org.hotlineacd.cti.input.AgentHangUpRequest;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.output.HangUpCall;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;

/**
 * The agent transition table. Each request is checked against the agent's state first; a refused
 * request is answered with a code and a sentence and changes nothing.
 *
 * <pre>
 * request      allowed from                       result
 * login        logged-out                         not-ready (login)
 * ready        not-ready, wrap-up                 ready (wrap-up ends as done)
 * not-ready    ready, not-ready                   not-ready (reason)
 *              on-call, wrap-up                   accepted; applied when wrap-up ends
 * wrap-up-done wrap-up                            ready, or the pending not-ready
 * hang-up      on-call                            the PBX hangs up; the call ends when it reports it
 * logout       ready, not-ready                   logged-out
 * </pre>
 */
final class AgentRequests {
  static final String UNKNOWN_AGENT = "unknown-agent";
  static final String ILLEGAL_TRANSITION = "illegal-transition";
  static final String UNKNOWN_REASON = "unknown-reason";

  private final EngineState s;
  private final AgentFlow agents;

  AgentRequests(EngineState state, AgentFlow agents) {
    this.s = state;
    this.agents = agents;
  }

  void handle(AgentRequest request, long now) {
    Agent a = s.agentsById.get(request.agent());
    if (a == null) {
      s.ignored("unknown agent", request, now);
      refuse(request, UNKNOWN_AGENT, "agent '" + request.agent() + "' is not configured");
      return;
    }
    Refusal refusal =
        switch (request) {
          case AgentLogin r -> login(a, now);
          case AgentLogout r -> logout(a, now);
          case AgentReady r -> ready(a, now);
          case AgentNotReady r -> notReady(a, r.reason(), now);
          case WrapUpDone r -> wrapUpDone(a, r, now);
          case AgentHangUpRequest r -> hangUp(a);
        };
    if (refusal == null) {
      s.emit(new RequestAccepted(a.id, request.requestId()));
    } else {
      s.refused(refusal.message(), request);
      refuse(request, refusal.code(), refusal.message());
    }
  }

  private void refuse(AgentRequest r, String code, String message) {
    s.emit(new RequestRefused(r.agent(), r.requestId(), code, message));
  }

  private Refusal login(Agent a, long now) {
    if (a.state != AgentState.LOGGED_OUT) {
      return illegal("cannot log in: agent " + a.id + " is already logged in (" + a.state.label() + ")");
    }
    agents.login(a, now);
    return null;
  }

  private Refusal logout(Agent a, long now) {
    return switch (a.state) {
      case READY, NOT_READY -> {
        agents.logout(a, now);
        yield null;
      }
      case LOGGED_OUT -> illegal("cannot log out: agent " + a.id + " is not logged in");
      case RINGING -> illegal("cannot log out while a call is ringing: answer or let it time out first");
      case ON_CALL -> illegal("cannot log out during a call: hang up first");
      case WRAP_UP -> illegal("cannot log out during wrap-up: finish the wrap-up first");
    };
  }

  private Refusal ready(Agent a, long now) {
    return switch (a.state) {
      case NOT_READY -> {
        a.consecutiveNoAnswer = 0;
        agents.becomeReady(a, now);
        yield null;
      }
      case WRAP_UP -> {
        a.pendingNotReady = null;
        agents.finishWrapUp(a, now, false, null, null, null);
        yield null;
      }
      case LOGGED_OUT -> illegal("cannot become ready: log in first");
      case READY -> illegal("agent " + a.id + " is already ready");
      case RINGING -> illegal("cannot become ready while a call is ringing");
      case ON_CALL -> illegal("cannot become ready during a call");
    };
  }

  private Refusal notReady(Agent a, String reason, long now) {
    if (!s.notReadyReasons.contains(reason)) {
      return new Refusal(UNKNOWN_REASON, "reason '" + reason
          + "' is not a configured not-ready reason (one of "
          + String.join(", ", s.config.notReadyReasons()) + ")");
    }
    return switch (a.state) {
      case READY, NOT_READY -> {
        agents.becomeNotReady(a, reason, now);
        yield null;
      }
      case ON_CALL, WRAP_UP -> {
        a.pendingNotReady = reason;
        yield null;
      }
      case LOGGED_OUT -> illegal("cannot go not-ready: log in first");
      case RINGING -> illegal("cannot go not-ready while a call is ringing: answer it or let it time out");
    };
  }

  private Refusal wrapUpDone(Agent a, WrapUpDone r, long now) {
    if (a.state != AgentState.WRAP_UP) {
      return illegal("cannot finish wrap-up: agent " + a.id + " is " + a.state.label() + ", not in wrap-up");
    }
    agents.finishWrapUp(a, now, false, r.disposition(), r.category(), r.summary());
    return null;
  }

  private Refusal hangUp(Agent a) {
    if (a.state != AgentState.ON_CALL || a.call == null) {
      return illegal("cannot hang up: agent " + a.id + " has no connected call (" + a.state.label() + ")");
    }
    a.call.hangUpByAgent = true;
    s.emit(new HangUpCall(s.nextCommandId(), a.call.id));
    return null;
  }

  private static Refusal illegal(String message) {
    return new Refusal(ILLEGAL_TRANSITION, message);
  }

  /** Why a request was refused: a stable code and a sentence for a person. */
  record Refusal(String code, String message) {}
}
