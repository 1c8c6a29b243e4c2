package org.hotlineacd.acd.engine;

import java.util.ArrayList;
import java.util.List;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.BusinessHours;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.Overflow;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.TransferTarget;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.output.CallStatus;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.CompleteTransfer;
import org.hotlineacd.cti.output.ConnectCall;
import org.hotlineacd.cti.output.ParkCall;
import org.hotlineacd.cti.output.Recording;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.RouteCall;

/**
 * A call's way through the ACD: queue entry and its admission rules, offers to agents, answer,
 * unanswered rings (back to its place, original wait kept), abandon, overflow, and the end of talk.
 */
final class CallFlow {
  /** A guard against overflow chains the validator could not see (it rejects loops). */
  private static final int MAX_SEGMENTS = 16;

  private final EngineState s;
  private final AgentFlow agents;

  CallFlow(EngineState state, AgentFlow agents) {
    this.s = state;
    this.agents = agents;
  }

  void arrive(CallArrived e, long now) {
    LineConfig line = s.lines.get(e.line());
    if (line != null && line.hours() != null && !s.calls.containsKey(e.call())) {
      BusinessHours hours = s.config.businessHours().get(line.hours());
      if (hours != null && !hours.isOpen(now, s.config.settings().timeZone())) {
        arriveClosed(e, line, hours, now);
        return;
      }
    }
    arrive(e, now, now);
  }

  /**
   * A new call on a line whose calendar is closed: it never queues on the line's queue. It goes to
   * the calendar's closed action; for a queue, that queue is its first segment. A caller found
   * again by a resync is not checked: it was admitted when it arrived.
   */
  private void arriveClosed(CallArrived e, LineConfig line, BusinessHours hours, long now) {
    Overflow o = hours.closed();
    s.closed(line.id(), hours.name(), o, e.call());
    if (o.kind() == Overflow.Kind.QUEUE) {
      QueueState q = s.queuesById.get(o.target());
      if (q == null) {
        s.ignored("closed action names unknown queue '" + o.target() + "'", e, now);
        return;
      }
      Call c = new Call(e.call(), e.line(), e.callerNumber(), e.callerData(), line.priority(), s.nextCallSeq());
      s.calls.put(c.id, c);
      enqueue(c, q, 0, now, now, line.transferInLabel(), null);
      return;
    }
    routeOut(e.call(), o);
  }

  /** Sends a caller out of the ACD to an overflow or closed target (voicemail, callback, external). */
  private void routeOut(CallId call, Overflow o) {
    String dial = "";
    if (o.kind() == Overflow.Kind.EXTERNAL) {
      TransferTarget t = s.config.transferTargets().get(o.target());
      dial = t == null ? "" : t.dialString();
    }
    s.emit(new RouteCall(s.nextCommandId(), call, o.kind().configName(), o.target(), dial));
  }

  /** A call that has waited since {@code queuedNanos} (a caller found again by a resync). */
  void arrive(CallArrived e, long queuedNanos, long now) {
    if (s.calls.containsKey(e.call())) {
      s.ignored("call already in the ACD", e, now);
      return;
    }
    LineConfig line = s.lines.get(e.line());
    QueueState q = line == null ? null : s.queuesById.get(line.queue());
    if (q == null) {
      s.ignored("unknown line '" + e.line() + "'", e, now);
      return;
    }
    Call c = new Call(e.call(), e.line(), e.callerNumber(), e.callerData(), line.priority(), s.nextCallSeq());
    s.calls.put(c.id, c);
    enqueue(c, q, 0, queuedNanos, now, line.transferInLabel(), null);
  }

  /**
   * Starts a queue segment: admission (empty queue, maximum length), timers, then routing. A call
   * transferred to a named agent skips admission and is offered to that agent first.
   */
  void enqueue(Call c, QueueState q, int segmentIndex, long now, String transferInLabel, Agent directTo) {
    enqueue(c, q, segmentIndex, now, now, transferInLabel, directTo);
  }

  private void enqueue(Call c, QueueState q, int segmentIndex, long queuedNanos, long now, String transferInLabel,
      Agent directTo) {
    c.queue = q;
    c.key = new SegmentKey(c.id, segmentIndex, q.id(), c.line, queuedNanos);
    c.phase = Call.Phase.WAITING;
    c.offers = 0;
    c.overflowDue = false;
    c.tier = 0;
    while (c.tier + 1 < q.tiers() && q.tierStartNanos[c.tier + 1] <= 0) {
      c.tier++;
    }
    s.segment(new SegmentQueued(c.key, c.priority, c.callerNumber, transferInLabel));
    CallLog.log(c, "queued in " + q.id() + " (segment " + segmentIndex + ", priority " + c.priority + ")", null);
    QueueConfig qc = q.config;
    boolean canOverflow = directTo == null && qc.overflow() != null && segmentIndex + 1 < MAX_SEGMENTS;
    if (canOverflow && q.removed) {
      overflow(c, "queue-removed", now);
      return;
    }
    if (canOverflow && q.loggedInMembers == 0 && !qc.joinWhenEmpty()) {
      overflow(c, "no-agents", now);
      return;
    }
    if (canOverflow && qc.maxLength() > 0 && q.waitingCount >= qc.maxLength()) {
      overflow(c, "max-length", now);
      return;
    }
    scheduleQueueTimers(c, now);
    if (s.suspended(c)) {
      c.suspended = true;
      return;
    }
    Agent a = directTo != null && directTo.available() ? directTo : Routing.pickAgent(c);
    if (a != null) {
      offer(c, a, now);
    } else {
      q.addWaiting(c);
    }
  }

  /** Sets a waiting call's timers again under its queue's (new) rules, from its original queue time. */
  void rescheduleQueueTimers(Call c, long now) {
    QueueState q = c.queue;
    QueueConfig qc = q.config;
    long queued = c.queuedNanos();
    if (c.tier + 1 < q.tiers()) {
      c.tierTimer = s.timers.add(Math.max(now, queued + q.tierStartNanos[c.tier + 1]), Timer.Kind.TIER_UP, c, null);
    }
    if (qc.maxWait() != null && qc.overflow() != null && !q.removed) {
      c.maxWaitTimer = s.timers.add(Math.max(now, queued + qc.maxWait().toNanos()), Timer.Kind.MAX_WAIT, c, null);
    }
    if (qc.announceEvery() != null) {
      c.announceTimer = s.timers.add(now + qc.announceEvery().toNanos(), Timer.Kind.ANNOUNCE, c, null);
    }
  }

  private void scheduleQueueTimers(Call c, long now) {
    QueueState q = c.queue;
    QueueConfig qc = q.config;
    long queued = c.queuedNanos();
    if (c.tier + 1 < q.tiers()) {
      c.tierTimer = s.timers.add(queued + q.tierStartNanos[c.tier + 1], Timer.Kind.TIER_UP, c, null);
    }
    if (qc.maxWait() != null && qc.overflow() != null) {
      c.maxWaitTimer = s.timers.add(queued + qc.maxWait().toNanos(), Timer.Kind.MAX_WAIT, c, null);
    }
    if (qc.announceEvery() != null) {
      c.announceTimer = s.timers.add(now + qc.announceEvery().toNanos(), Timer.Kind.ANNOUNCE, c, null);
    }
  }

  /** Reserves the agent for the call and rings its phone. */
  void offer(Call c, Agent a, long now) {
    QueueState q = c.queue;
    q.removeWaiting(c);
    Routing.removeFromPools(a);
    c.phase = Call.Phase.RINGING;
    c.agent = a;
    c.offers++;
    a.call = c;
    q.lastOffered.put(a, ++q.offerCounter);
    long ringNanos = q.config.ringTimeout().toNanos();
    c.ringTimer = s.timers.add(now + ringNanos, Timer.Kind.RING_TIMEOUT, c, a);
    s.emit(new RingAgent(s.nextCommandId(), c.id, a.id, a.config.endpoint(), ringNanos, c.callerNumber, c.callerData));
    s.emit(new CallOffered(a.id, c.id, q.id(), c.line, c.callerNumber, now - c.queuedNanos(), c.callerData));
    agents.setState(a, AgentState.RINGING, null, c, now, now + ringNanos);
  }

  void answered(Call c, long now) {
    Agent a = c.agent;
    Timer.cancel(c.ringTimer);
    c.ringTimer = null;
    c.cancelQueueTimers();
    c.phase = Call.Phase.CONNECTED;
    c.answeredNanos = now;
    a.callsTaken++;
    a.consecutiveNoAnswer = 0;
    s.emit(new ConnectCall(s.nextCommandId(), c.id, a.id));
    s.segment(new SegmentAnswered(c.key, a.id, now, c.offers));
    CallLog.log(c, "answered after " + (now - c.queuedNanos()) / 1_000_000 + " ms", a);
    agents.setState(a, AgentState.ON_CALL, null, c, now, 0);
  }

  /**
   * The agent's phone did not pick up: the call goes back to its place with its original wait and
   * is offered to another agent before the one who missed it is offered anything.
   */
  void ringFailed(Call c, LegFailure why, boolean cancelAtPbx, long now) {
    Agent a = c.agent;
    Timer.cancel(c.ringTimer);
    c.ringTimer = null;
    c.agent = null;
    a.call = null;
    if (cancelAtPbx) {
      s.emit(new CancelRing(s.nextCommandId(), c.id, a.id));
    }
    String notReadyReason = null;
    switch (why) {
      case NO_ANSWER, BUSY -> {
        a.consecutiveNoAnswer++;
        if (a.consecutiveNoAnswer >= s.config.settings().maxConsecutiveNoAnswer()) {
          notReadyReason = AcdConfig.NO_ANSWER_REASON;
        }
      }
      case UNREACHABLE, FAILED -> notReadyReason = Engine.PHONE_UNREACHABLE_REASON;
    }
    if (notReadyReason != null) {
      agents.becomeNotReady(a, notReadyReason, now);
    } else {
      a.idleSinceNanos = now;
      agents.setState(a, AgentState.READY, null, null, now, 0);
    }
    c.phase = Call.Phase.WAITING;
    if (s.suspended(c)) {
      c.suspended = true;
    } else {
      route(c, now);
    }
    agents.offerNext(a, now);
  }

  /** A waiting call that is in no index: overflow if that came due, else offer it or queue it. */
  void route(Call c, long now) {
    if (c.overflowDue) {
      overflow(c, "max-wait", now);
      return;
    }
    Agent next = Routing.pickAgent(c);
    if (next != null) {
      offer(c, next, now);
    } else {
      c.queue.addWaiting(c);
    }
  }

  /** The caller hung up before an answer. */
  void abandon(Call c, long now) {
    boolean ringing = c.phase == Call.Phase.RINGING;
    c.cancelQueueTimers();
    s.calls.remove(c.id);
    s.segment(new SegmentAbandoned(c.key, now, ringing, c.offers));
    CallLog.log(c, "abandoned after " + (now - c.queuedNanos()) / 1_000_000 + " ms" + (ringing ? " while ringing" : ""), c.agent);
    if (ringing) {
      Agent a = c.agent;
      Timer.cancel(c.ringTimer);
      c.ringTimer = null;
      c.agent = null;
      a.call = null;
      s.emit(new CancelRing(s.nextCommandId(), c.id, a.id));
      agents.returnToReady(a, now);
    } else {
      c.queue.removeWaiting(c);
    }
  }

  /** Talk ended (hang-up of either side): the agent starts wrap-up and the call leaves. */
  void ended(Call c, CallEndSide side, long now) {
    s.calls.remove(c.id);
    endTalk(c, side, null, now);
  }

  /**
   * Ends the agent's part of a connected call: the segment's talk is over (hold included) and the
   * agent starts wrap-up. The call itself is left as it is (gone, or about to be queued again).
   */
  private void endTalk(Call c, CallEndSide side, String transferLabel, long now) {
    Agent a = c.agent;
    if (c.held) {
      c.holdNanos += now - c.heldSinceNanos;
      c.held = false;
    }
    long talk = now - c.answeredNanos;
    a.talkNanos += talk;
    c.agent = null;
    a.call = null;
    SegmentKey key = c.key;
    s.segment(new SegmentTalkEnded(key, a.id, now, talk, c.holdNanos, side, transferLabel, c.recordingFile));
    CallLog.log(c, "talk ended by " + side.name().toLowerCase(java.util.Locale.ROOT)
        + (transferLabel == null ? "" : ", transferred to " + transferLabel), a);
    agents.startWrapUp(a, key, c.queue, talk, now);
  }

  /** A blind transfer to an external target: the call leaves the ACD. */
  void transferOut(Call c, String label, String dialString, long now) {
    stopRecording(c);
    s.calls.remove(c.id);
    s.emit(new RouteCall(s.nextCommandId(), c.id, "external", label, dialString));
    endTalk(c, CallEndSide.AGENT, label, now);
  }

  /** The attended transfer was completed: the caller is with the consulted target, outside the ACD. */
  void completeConsult(Call c, long now) {
    String label = c.consultTarget;
    c.consultTarget = null;
    stopRecording(c);
    s.calls.remove(c.id);
    s.emit(new CompleteTransfer(s.nextCommandId(), c.id, c.agent.id));
    endTalk(c, CallEndSide.AGENT, label, now);
  }

  /** A blind transfer to a queue: a new segment there, with a new wait. */
  void transferToQueue(Call c, QueueState target, long now) {
    requeue(c, "queue:" + target.id(), now);
    enqueue(c, target, c.key.index() + 1, now, null, null);
  }

  /**
   * A blind transfer to a named ready agent: a new segment in the same queue, offered to that agent
   * first (labelled like a transfer to that queue: figures and records see a new segment there).
   */
  void transferToAgent(Call c, Agent target, long now) {
    requeue(c, "queue:" + c.queue.id(), now);
    enqueue(c, c.queue, c.key.index() + 1, now, null, target);
  }

  private void requeue(Call c, String label, long now) {
    stopRecording(c);
    s.emit(new ParkCall(s.nextCommandId(), c.id, c.agent.id));
    endTalk(c, CallEndSide.AGENT, label, now);
    c.holdNanos = 0;
    c.hangUpByAgent = false;
    c.consultTarget = null;
    c.recordingFile = null;
  }

  private void stopRecording(Call c) {
    if (c.recording) {
      c.recording = false;
      s.emit(new Recording(s.nextCommandId(), c.id, false, c.recordingFile));
    }
  }

  /** Moves a waiting call to its queue's overflow target. */
  void overflow(Call c, String cause, long now) {
    QueueState q = c.queue;
    Overflow o = q.config.overflow();
    q.removeWaiting(c);
    c.cancelQueueTimers();
    s.segment(new SegmentOverflowed(c.key, now, cause, o.kind().configName(), o.target()));
    CallLog.log(c, "overflowed (" + cause + ") to " + o.kind().configName() + " " + o.target(), null);
    if (o.kind() == Overflow.Kind.QUEUE) {
      enqueue(c, s.queuesById.get(o.target()), c.key.index() + 1, now, null, null);
      return;
    }
    s.calls.remove(c.id);
    routeOut(c.id, o);
  }

  void overflowAllWaiting(QueueState q, String cause, long now) {
    if (q.config.overflow() == null || q.waitingCount == 0) {
      return;
    }
    List<Call> waiting = new ArrayList<>(q.byAge);
    for (Call c : waiting) {
      overflow(c, cause, now);
    }
  }

  void tierUp(Call c, long now) {
    QueueState q = c.queue;
    c.tierTimer = null;
    if (c.tier + 1 >= q.tiers()) {
      return;
    }
    boolean waiting = c.phase == Call.Phase.WAITING;
    if (waiting) {
      q.removeWaiting(c);
    }
    c.tier++;
    c.tierTimer = null;
    if (c.tier + 1 < q.tiers()) {
      c.tierTimer = s.timers.add(c.queuedNanos() + q.tierStartNanos[c.tier + 1], Timer.Kind.TIER_UP, c, null);
    }
    if (!waiting || c.suspended) {
      return;
    }
    Agent a = Routing.pickAgent(c);
    if (a != null) {
      offer(c, a, now);
    } else {
      q.addWaiting(c);
    }
  }

  void maxWait(Call c, long now) {
    c.maxWaitTimer = null;
    if (c.suspended) {
      c.overflowDue = true;
    } else if (c.phase == Call.Phase.WAITING) {
      overflow(c, "max-wait", now);
    } else if (c.phase == Call.Phase.RINGING) {
      c.overflowDue = true;
    }
  }

  void announce(Call c, long now) {
    c.announceTimer = null;
    if (c.phase != Call.Phase.WAITING && c.phase != Call.Phase.RINGING) {
      return;
    }
    QueueState q = c.queue;
    if (c.suspended) {
      c.announceTimer = s.timers.add(now + q.config.announceEvery().toNanos(), Timer.Kind.ANNOUNCE, c, null);
      return;
    }
    int position = c.phase == Call.Phase.RINGING ? 1 : q.positionOf(c);
    s.emit(new AnnouncePosition(s.nextCommandId(), c.id, position, q.estimatedWaitNanos(position)));
    c.announceTimer = s.timers.add(now + q.config.announceEvery().toNanos(), Timer.Kind.ANNOUNCE, c, null);
  }

  void hold(Call c, boolean held, long now) {
    if (held && !c.held) {
      c.held = true;
      c.heldSinceNanos = now;
      status(c);
    } else if (!held && c.held) {
      c.holdNanos += now - c.heldSinceNanos;
      c.held = false;
      status(c);
    }
  }

  /** Tells the agent's desktop the call's hold, consultation and recording state. */
  void status(Call c) {
    if (c.agent != null) {
      s.emit(new CallStatus(c.agent.id, c.id, c.held, c.consultTarget, c.recording));
    }
  }
}
