package org.hotlineacd.cti.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotlineacd.cti.input.AgentHangUpRequest;
import org.hotlineacd.cti.input.CancelConsultRequest;
import org.hotlineacd.cti.input.CompleteTransferRequest;
import org.hotlineacd.cti.input.ConsultFailed;
import org.hotlineacd.cti.input.ConsultRequest;
import org.hotlineacd.cti.input.HoldRequest;
import org.hotlineacd.cti.input.RecordingRequest;
import org.hotlineacd.cti.input.TransferRequest;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.EndpointReachability;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.ConnectCall;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;
import org.hotlineacd.cti.output.RingAgent;

/**
 * A small stand-in for the engine that answers the simulator by the documented rules: one FIFO
 * queue per skill, ring the longest-idle ready agent, its own ring timer, wrap-up with a deadline,
 * requests accepted or refused by state. Inputs are queued and handled one at a time, like the
 * engine's inbox, so the simulator's reactions never re-enter a handler.
 */
final class ScriptedEngine implements org.hotlineacd.cti.port.InputSink {
  static final class Agent {
    final AgentId id;
    final Set<String> skills;
    AgentState state = AgentState.LOGGED_OUT;
    String reason;
    CallId call;
    long idleSince;
    long token;
    String pendingNotReady;

    Agent(AgentId id, Set<String> skills) {
      this.id = id;
      this.skills = skills;
    }
  }

  static final class Call {
    final CallId id;
    final String skill;
    final long queuedAt;
    AgentId ringing;
    long ringToken;
    AgentId agent;

    Call(CallId id, String skill, long queuedAt) {
      this.id = id;
      this.skill = skill;
      this.queuedAt = queuedAt;
    }
  }

  final ManualScheduler clock;
  final SimulatedHotline sim;
  final Map<String, String> lineSkill;
  final long ringTimeoutNanos;
  final long wrapUpNanos;
  long announceEveryNanos;
  final Map<AgentId, Agent> agents = new LinkedHashMap<>();
  final Map<CallId, Call> calls = new HashMap<>();
  final LinkedHashMap<CallId, Call> waiting = new LinkedHashMap<>();
  final List<String> log = new ArrayList<>();
  final List<Long> waits = new ArrayList<>();
  final List<Long> talks = new ArrayList<>();
  final Map<CallId, Long> connectedAt = new HashMap<>();
  final Map<String, Integer> refusals = new HashMap<>();
  int abandons;
  int lateAnswers;
  final Map<AgentState, Integer> notReadyAskedIn = new HashMap<>();
  private final ArrayDeque<Input> inbox = new ArrayDeque<>();
  private boolean draining;
  private long commandIds;

  ScriptedEngine(ManualScheduler clock, TrafficProfile profile, long seed, Map<String, String> lineSkill,
      long ringTimeoutNanos, long wrapUpNanos) {
    this.clock = clock;
    this.lineSkill = lineSkill;
    this.ringTimeoutNanos = ringTimeoutNanos;
    this.wrapUpNanos = wrapUpNanos;
    for (AgentGroup g : profile.groups()) {
      for (String id : g.agentIds()) {
        agents.put(AgentId.of(id), new Agent(AgentId.of(id), g.skills().keySet()));
      }
    }
    this.sim = new SimulatedHotline(profile, clock, seed);
  }

  ScriptedEngine start() {
    sim.start(this);
    return this;
  }

  @Override
  public void submit(Input input) {
    inbox.add(input);
    if (!draining) {
      run(() -> { });
    }
  }

  /** Runs an engine timer, then whatever the simulator sent meanwhile: one batch at a time. */
  private void run(Runnable task) {
    draining = true;
    try {
      task.run();
      Input next;
      while ((next = inbox.poll()) != null) {
        log.add(clock.nowNanos() + " " + next);
        handle(next);
      }
    } finally {
      draining = false;
    }
  }

  private void timer(long at, Runnable task) {
    clock.schedule(at, () -> run(task));
  }

  private void handle(Input input) {
    switch (input) {
      case CallArrived e -> arrived(e);
      case CallerHungUp e -> callerHungUp(e.call());
      case AgentLegAnswered e -> answered(e);
      case AgentLegFailed e -> {
        Call c = calls.get(e.call());
        if (c != null && e.agent().equals(c.ringing)) {
          stopRing(c);
        }
      }
      case AgentHungUp e -> {
        Call c = calls.remove(e.call());
        if (c != null && c.agent != null) {
          endTalk(c);
        }
      }
      case CallHeld e -> { }
      case CallUnheld e -> { }
      case EndpointReachability e -> { }
      case ConsultFailed e -> { }
      case org.hotlineacd.cti.input.PbxResyncStarted e -> { } // no PBX connection in the simulation
      case org.hotlineacd.cti.input.PbxResynced e -> { }
      case AgentRequest r -> request(r);
    }
    dispatch();
  }

  private void arrived(CallArrived e) {
    Call c = new Call(e.call(), lineSkill.get(e.line()), clock.nowNanos());
    calls.put(c.id, c);
    waiting.put(c.id, c);
    if (announceEveryNanos > 0) {
      announce(c);
    }
  }

  private void announce(Call c) {
    timer(clock.nowNanos() + announceEveryNanos, () -> {
      if (waiting.containsKey(c.id)) {
        sim.execute(new AnnouncePosition(++commandIds, c.id, 1, 0));
        announce(c);
      }
    });
  }

  private void callerHungUp(CallId id) {
    Call c = calls.remove(id);
    if (c == null) {
      return;
    }
    if (waiting.remove(id) != null) {
      abandons++;
      if (c.ringing != null) {
        sim.execute(new CancelRing(++commandIds, id, c.ringing));
        Agent a = agents.get(c.ringing);
        a.idleSince = clock.nowNanos();
        change(a, AgentState.READY, null, null, 0);
      }
    } else if (c.agent != null) {
      endTalk(c);
    }
  }

  private void answered(AgentLegAnswered e) {
    Call c = calls.get(e.call());
    if (c == null || !e.agent().equals(c.ringing)) {
      lateAnswers++;
      return;
    }
    waiting.remove(c.id);
    c.agent = c.ringing;
    c.ringing = null;
    waits.add(clock.nowNanos() - c.queuedAt);
    connectedAt.put(c.id, clock.nowNanos());
    sim.execute(new ConnectCall(++commandIds, c.id, c.agent));
    change(agents.get(c.agent), AgentState.ON_CALL, null, c.id, 0);
  }

  private void stopRing(Call c) {
    Agent a = agents.get(c.ringing);
    c.ringing = null;
    a.idleSince = clock.nowNanos();
    change(a, AgentState.READY, null, null, 0);
  }

  private void endTalk(Call c) {
    talks.add(clock.nowNanos() - connectedAt.remove(c.id));
    Agent a = agents.get(c.agent);
    if (wrapUpNanos == 0) {
      endWrap(a);
      return;
    }
    long deadline = clock.nowNanos() + wrapUpNanos;
    change(a, AgentState.WRAP_UP, null, c.id, deadline);
    long token = a.token;
    timer(deadline, () -> {
      if (a.token == token && a.state == AgentState.WRAP_UP) {
        endWrap(a);
        dispatch();
      }
    });
  }

  private void endWrap(Agent a) {
    a.idleSince = clock.nowNanos();
    if (a.pendingNotReady != null) {
      String r = a.pendingNotReady;
      a.pendingNotReady = null;
      change(a, AgentState.NOT_READY, r, null, 0);
    } else {
      change(a, AgentState.READY, null, null, 0);
    }
  }

  private void request(AgentRequest r) {
    Agent a = agents.get(r.agent());
    AgentState s = a.state;
    boolean ok = true;
    switch (r) {
      case AgentLogin q -> {
        ok = s == AgentState.LOGGED_OUT;
        if (ok) {
          change(a, AgentState.NOT_READY, "login", null, 0);
        }
      }
      case AgentReady q -> {
        ok = s == AgentState.NOT_READY;
        if (ok) {
          a.idleSince = clock.nowNanos();
          change(a, AgentState.READY, null, null, 0);
        }
      }
      case AgentNotReady q -> {
        notReadyAskedIn.merge(s, 1, Integer::sum);
        ok = s == AgentState.READY || s == AgentState.ON_CALL || s == AgentState.WRAP_UP;
        if (s == AgentState.READY) {
          change(a, AgentState.NOT_READY, q.reason(), null, 0);
        } else if (ok) {
          a.pendingNotReady = q.reason();
        }
      }
      case WrapUpDone q -> {
        ok = s == AgentState.WRAP_UP;
        if (ok) {
          endWrap(a);
        }
      }
      case AgentLogout q -> {
        ok = s != AgentState.RINGING && s != AgentState.ON_CALL && s != AgentState.LOGGED_OUT;
        if (ok) {
          change(a, AgentState.LOGGED_OUT, null, null, 0);
        }
      }
      case AgentHangUpRequest q -> ok = false;
      // hold, transfers and recording are not scripted: refused like a hang-up from the desktop
      case HoldRequest q -> ok = false;
      case TransferRequest q -> ok = false;
      case ConsultRequest q -> ok = false;
      case CompleteTransferRequest q -> ok = false;
      case CancelConsultRequest q -> ok = false;
      case RecordingRequest q -> ok = false;
      case org.hotlineacd.cti.input.ForcedLogout q -> ok = false;
    }
    if (ok) {
      sim.notify(new RequestAccepted(a.id, r.requestId()));
    } else {
      refusals.merge(r.getClass().getSimpleName(), 1, Integer::sum);
      sim.notify(new RequestRefused(a.id, r.requestId(), "illegal-transition", s.label()));
    }
  }

  private void change(Agent a, AgentState s, String reason, CallId call, long deadline) {
    a.state = s;
    a.reason = reason;
    a.call = call;
    a.token++;
    sim.notify(new AgentStateChanged(a.id, s, reason, call, clock.nowNanos(), deadline));
  }

  private void dispatch() {
    for (Call c : waiting.values()) {
      if (c.ringing != null) {
        continue;
      }
      Agent best = null;
      for (Agent a : agents.values()) {
        if (a.state == AgentState.READY && a.skills.contains(c.skill)
            && (best == null || a.idleSince < best.idleSince)) {
          best = a;
        }
      }
      if (best == null) {
        continue;
      }
      ring(c, best);
    }
  }

  private void ring(Call c, Agent a) {
    c.ringing = a.id;
    long token = ++c.ringToken;
    change(a, AgentState.RINGING, null, c.id, 0);
    sim.execute(new RingAgent(++commandIds, c.id, a.id, AgentGroup.endpoint(a.id.value()), ringTimeoutNanos, "", Map.of()));
    timer(clock.nowNanos() + ringTimeoutNanos, () -> {
      if (c.ringToken == token && a.id.equals(c.ringing) && waiting.containsKey(c.id)) {
        sim.execute(new CancelRing(++commandIds, c.id, a.id));
        stopRing(c);
        dispatch();
      }
    });
  }

  double serviceLevel(long thresholdNanos) {
    long within = waits.stream().filter(w -> w <= thresholdNanos).count();
    return (double) within / (waits.size() + abandons);
  }
}
