package org.hotlineacd.acd.engine;

import org.hotlineacd.cti.input.AgentHangUpRequest;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.ForcedLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.CancelConsultRequest;
import org.hotlineacd.cti.input.CompleteTransferRequest;
import org.hotlineacd.cti.input.ConsultRequest;
import org.hotlineacd.cti.input.HoldRequest;
import org.hotlineacd.cti.input.RecordingRequest;
import org.hotlineacd.cti.input.TransferRequest;
import org.hotlineacd.acd.config.TransferTarget;
import org.hotlineacd.cti.model.TransferDestination;
import org.hotlineacd.cti.output.CancelConsult;
import org.hotlineacd.cti.output.ConsultCall;
import org.hotlineacd.cti.output.HoldCall;
import org.hotlineacd.cti.output.Recording;
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
 * hold/unhold  on-call (no consultation)          the PBX holds; CallHeld/CallUnheld confirm it
 * transfer     on-call (no consultation)          wrap-up; the call joins a queue, rings an agent,
 *                                                 or leaves to an external target
 * consult      on-call                            the target is dialled; complete: wrap-up, the
 *                                                 call leaves; cancel: back to the caller
 * recording    on-call                            recording starts or stops
 * logout       ready, not-ready                   logged-out
 * forced       ready, not-ready                   logged-out
 *  logout      ringing, on-call, wrap-up          accepted; logged-out once free (no new offer)
 * </pre>
 */
final class AgentRequests {
  static final String UNKNOWN_AGENT = "unknown-agent";
  static final String ILLEGAL_TRANSITION = "illegal-transition";
  static final String UNKNOWN_REASON = "unknown-reason";
  static final String UNKNOWN_TARGET = "unknown-target";

  private final EngineState s;
  private final AgentFlow agents;
  private final CallFlow calls;

  AgentRequests(EngineState state, AgentFlow agents, CallFlow calls) {
    this.s = state;
    this.agents = agents;
    this.calls = calls;
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
          case ForcedLogout r -> forcedLogout(a, now);
          case AgentReady r -> ready(a, now);
          case AgentNotReady r -> notReady(a, r.reason(), now);
          case WrapUpDone r -> wrapUpDone(a, r, now);
          case AgentHangUpRequest r -> hangUp(a);
          case HoldRequest r -> hold(a, r.hold());
          case TransferRequest r -> transfer(a, r.destination(), now);
          case ConsultRequest r -> consult(a, r.targetLabel());
          case CompleteTransferRequest r -> completeTransfer(a, now);
          case CancelConsultRequest r -> cancelConsult(a);
          case RecordingRequest r -> recording(a, r.start());
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

  private Refusal forcedLogout(Agent a, long now) {
    return switch (a.state) {
      case READY, NOT_READY -> {
        agents.logout(a, now);
        yield null;
      }
      case RINGING, ON_CALL, WRAP_UP -> {
        a.pendingLogout = true;
        a.pendingNotReady = null;
        yield null;
      }
      case LOGGED_OUT -> illegal("cannot log out: agent " + a.id + " is not logged in");
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

  /** The agent's connected call, or null when it has none. */
  private static Call connected(Agent a) {
    return a.state == AgentState.ON_CALL && a.call != null && a.call.phase == Call.Phase.CONNECTED ? a.call : null;
  }

  private static Refusal noCall(Agent a, String what) {
    return illegal("cannot " + what + ": agent " + a.id + " has no connected call (" + a.state.label() + ")");
  }

  private Refusal hold(Agent a, boolean hold) {
    Call c = connected(a);
    if (c == null) {
      return noCall(a, hold ? "hold" : "unhold");
    }
    if (c.consultTarget != null) {
      return illegal("cannot " + (hold ? "hold" : "unhold") + " during an attended transfer: complete or cancel it first");
    }
    s.emit(new HoldCall(s.nextCommandId(), c.id, hold));
    return null;
  }

  private Refusal transfer(Agent a, TransferDestination to, long now) {
    Call c = connected(a);
    if (c == null) {
      return noCall(a, "transfer");
    }
    if (c.consultTarget != null) {
      return illegal("cannot blind-transfer during an attended transfer: complete or cancel it first");
    }
    switch (to.kind()) {
      case QUEUE -> {
        QueueState q = s.queuesById.get(to.id());
        if (q == null || q.removed) {
          return new Refusal(UNKNOWN_TARGET, "no queue '" + to.id() + "' to transfer to");
        }
        calls.transferToQueue(c, q, now);
      }
      case AGENT -> {
        Agent target = s.agentsById.get(new org.hotlineacd.cti.model.AgentId(to.id()));
        if (target == null) {
          return new Refusal(UNKNOWN_TARGET, "no agent '" + to.id() + "' to transfer to");
        }
        if (target == a || !target.available()) {
          return illegal("agent " + to.id() + " is not ready to take a transfer (" + target.state.label() + ")");
        }
        calls.transferToAgent(c, target, now);
      }
      case EXTERNAL -> {
        TransferTarget t = s.config.transferTargets().get(to.id());
        if (t == null) {
          return new Refusal(UNKNOWN_TARGET, "no transfer target '" + to.id() + "' (configured: "
              + String.join(", ", s.config.transferTargets().keySet()) + ")");
        }
        calls.transferOut(c, t.label(), t.dialString(), now);
      }
    }
    return null;
  }

  private Refusal consult(Agent a, String label) {
    Call c = connected(a);
    if (c == null) {
      return noCall(a, "start an attended transfer");
    }
    if (c.consultTarget != null) {
      return illegal("an attended transfer to '" + c.consultTarget + "' is already under way");
    }
    TransferTarget t = s.config.transferTargets().get(label);
    if (t == null) {
      return new Refusal(UNKNOWN_TARGET, "no transfer target '" + label + "' (configured: "
          + String.join(", ", s.config.transferTargets().keySet()) + ")");
    }
    c.consultTarget = t.label();
    s.emit(new ConsultCall(s.nextCommandId(), c.id, a.id, t.label(), t.dialString()));
    calls.status(c);
    return null;
  }

  private Refusal completeTransfer(Agent a, long now) {
    Call c = connected(a);
    if (c == null || c.consultTarget == null) {
      return illegal("cannot complete a transfer: no attended transfer is under way");
    }
    calls.completeConsult(c, now);
    return null;
  }

  private Refusal cancelConsult(Agent a) {
    Call c = connected(a);
    if (c == null || c.consultTarget == null) {
      return illegal("cannot cancel: no attended transfer is under way");
    }
    c.consultTarget = null;
    s.emit(new CancelConsult(s.nextCommandId(), c.id, a.id));
    calls.status(c);
    return null;
  }

  private Refusal recording(Agent a, boolean start) {
    Call c = connected(a);
    if (c == null) {
      return noCall(a, start ? "start recording" : "stop recording");
    }
    if (start == c.recording) {
      return illegal(start ? "the call is already being recorded" : "the call is not being recorded");
    }
    if (start && c.recordingFile == null) {
      c.recordingFile = RecordingNames.of(c);
    }
    c.recording = start;
    s.emit(new Recording(s.nextCommandId(), c.id, start, c.recordingFile));
    calls.status(c);
    return null;
  }

  private static Refusal illegal(String message) {
    return new Refusal(ILLEGAL_TRANSITION, message);
  }

  /** Why a request was refused: a stable code and a sentence for a person. */
  record Refusal(String code, String message) {}
}
