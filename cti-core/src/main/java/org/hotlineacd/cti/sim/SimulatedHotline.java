package org.hotlineacd.cti.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.EndpointReachability;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.output.AgentNotice;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.output.CallStatus;
import org.hotlineacd.cti.output.CancelConsult;
import org.hotlineacd.cti.output.CompleteTransfer;
import org.hotlineacd.cti.output.ConsultCall;
import org.hotlineacd.cti.output.HoldCall;
import org.hotlineacd.cti.output.ParkCall;
import org.hotlineacd.cti.output.Recording;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.ConnectCall;
import org.hotlineacd.cti.output.HangUpCall;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.RouteCall;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.AgentNotifier;
import org.hotlineacd.cti.port.DeskPhone;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Scheduler;
import org.hotlineacd.cti.port.Telephony;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated PBX with simulated callers and agent desktops: the engine rings, connects and hangs
 * up through it as {@link Telephony}, and tells its agents their state through it as {@link
 * AgentNotifier}. Callers arrive per line as the {@link TrafficProfile} says; agents log in for
 * their shifts, answer, wrap up, take breaks and log out.
 *
 * <p>Threading and determinism: every method, and every task it gives the {@link Scheduler}, runs
 * on the engine thread; nothing here is thread-safe and nothing needs to be. All randomness comes
 * from streams derived from the seed by purpose (see {@code RandomStreams}), and time only from
 * the scheduler, so with a virtual clock the same profile and seed give the same run, input for
 * input. With a real-time scheduler the run is as live as the clock.
 *
 * <p>Failure handling: a command about an unknown or finished call is ignored (the engine learns
 * the outcome from the events already on its way); a refused request is retried where that makes
 * sense (login, logout, ready) and otherwise dropped.
 *
 * <p>Desk phones: an agent outside the profile is a person at a real desktop (the demo's agent
 * page). Its phone rings until the desktop answers it through {@link DeskPhone} (the only method
 * safe from another thread: it just submits {@code AgentLegAnswered}, which the engine checks),
 * or the engine's ring timeout cancels it. Once connected, the caller talks for the profile's
 * talk time and hangs up, unless the agent hangs up first.
 */
public final class SimulatedHotline implements Telephony, AgentNotifier, DeskPhone {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedHotline.class);

  private final TrafficProfile profile;
  private final SimContext ctx;
  private final LocalClock clock;
  private final List<CallerStream> lines = new ArrayList<>();
  private final Map<AgentId, SimAgent> agents = new LinkedHashMap<>();
  private final Map<AgentGroup, List<SimAgent>> byGroup = new LinkedHashMap<>();
  private final Map<CallId, SimCall> calls = new HashMap<>();
  private long lastCallNumber;
  private volatile InputSink sink;

  /**
   * Creates a hotline that does nothing until {@link #start}.
   *
   * @param profile the callers and agents
   * @param scheduler the engine's clock and timer (virtual in simulations, real in a live demo)
   * @param seed the seed of every random draw; the same seed replays the same run
   */
  public SimulatedHotline(TrafficProfile profile, Scheduler scheduler, long seed) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.ctx = new SimContext(Objects.requireNonNull(scheduler, "scheduler"));
    this.clock = new LocalClock(profile.timeZone());
    RandomStreams streams = new RandomStreams(seed);
    for (LineTraffic line : profile.lines()) {
      lines.add(new CallerStream(line, clock, streams));
    }
    for (AgentGroup group : profile.groups()) {
      List<SimAgent> members = new ArrayList<>();
      for (String id : group.agentIds()) {
        SimAgent agent = new SimAgent(AgentId.of(id), group, ctx, streams);
        agents.put(agent.id, agent);
        members.add(agent);
      }
      byGroup.put(group, members);
    }
  }

  /** The profile this hotline plays. */
  public TrafficProfile profile() {
    return profile;
  }

  /**
   * Starts the simulation at the scheduler's current time: phones register, agents on shift log
   * in, and the first callers are scheduled.
   */
  @Override
  public void start(InputSink sink) {
    ctx.start(Objects.requireNonNull(sink, "sink"));
    this.sink = sink;
    long now = ctx.now();
    LOG.info("simulated hotline '{}' starts: {} lines, {} agents", profile.name(), lines.size(), agents.size());
    for (SimAgent agent : agents.values()) {
      ctx.submit(new EndpointReachability(AgentGroup.endpoint(agent.id.value()), true));
    }
    byGroup.forEach((group, members) -> startShifts(group, members, now));
    for (CallerStream line : lines) {
      StartBurst burst = line.traffic.startBurst();
      for (int i = 0; i < burst.calls(); i++) {
        long at = now + line.burst.nextLong(burst.within().toNanos());
        ctx.at(at, () -> arrive(line));
      }
      scheduleNextArrival(line, now);
    }
  }

  /** Stops the simulation: no more callers, no more agent actions. Idempotent. */
  @Override
  public void close() {
    ctx.close();
  }

  /** What the simulation has done so far (read on the engine thread, or after the run). */
  public SimulationCounts counts() {
    return ctx.counters.snapshot();
  }

  /** The number of callers now waiting for an agent or talking to one. */
  public int callsInProgress() {
    return calls.size();
  }

  // ---- callers ----

  private void scheduleNextArrival(CallerStream line, long afterNanos) {
    long at = line.nextArrival(afterNanos);
    ctx.at(at, () -> {
      arrive(line);
      scheduleNextArrival(line, at);
    });
  }

  private void arrive(CallerStream line) {
    SimCall call = new SimCall(CallId.of("sim-" + (++lastCallNumber)), line.talkNanos(), line.agentEnds());
    long patience = line.patienceNanos();
    String number = line.callerNumber();
    calls.put(call.id, call);
    ctx.counters.callsGenerated++;
    ctx.submit(new CallArrived(call.id, line.traffic.line(), number));
    ctx.after(patience, () -> {
      if (call.phase == SimCall.Phase.WAITING) {
        ctx.counters.callsAbandoned++;
        gone(call);
        ctx.submit(new CallerHungUp(call.id));
      }
    });
  }

  private void gone(SimCall call) {
    call.phase = SimCall.Phase.GONE;
    calls.remove(call.id);
    if (call.agent != null) {
      SimAgent agent = agents.get(call.agent);
      if (agent != null) {
        agent.callEnded(call);
      }
    }
  }

  // ---- agents' shifts ----

  private void startShifts(AgentGroup group, List<SimAgent> members, long now) {
    Shift shift = group.shift();
    if (shift.contains(clock.timeOfDay(now))) {
      members.forEach(SimAgent::shiftStarts);
      if (!shift.always()) {
        scheduleShiftEnd(group, members, now);
      }
    } else {
      scheduleShiftStart(group, members, now);
    }
  }

  private void scheduleShiftStart(AgentGroup group, List<SimAgent> members, long afterNanos) {
    long at = clock.next(group.shift().start(), afterNanos);
    ctx.at(at, () -> {
      members.forEach(SimAgent::shiftStarts);
      scheduleShiftEnd(group, members, at);
    });
  }

  private void scheduleShiftEnd(AgentGroup group, List<SimAgent> members, long afterNanos) {
    long at = clock.next(group.shift().end(), afterNanos);
    ctx.at(at, () -> {
      members.forEach(SimAgent::shiftEnds);
      scheduleShiftStart(group, members, at);
    });
  }

  // ---- the engine's commands ----

  /** Carries out one command of the engine (see the class comment for unknown calls). */
  @Override
  public void execute(TelephonyCommand command) {
    switch (command) {
      case RingAgent c -> ring(c);
      case ConnectCall c -> connect(c);
      case CancelRing c -> {
        SimAgent agent = agents.get(c.agent());
        if (agent != null) {
          agent.ringCancelled(c.call()); // also for a caller who already left
        }
      }
      case HangUpCall c -> {
        SimCall call = calls.get(c.call());
        if (call != null) {
          ctx.counters.callsHungUpByAcd++;
          gone(call);
          ctx.submit(new CallerHungUp(call.id)); // the channel is gone
        }
      }
      case RouteCall c -> {
        SimCall call = calls.get(c.call());
        if (call != null) {
          ctx.counters.callsRouted++;
          gone(call); // it left the ACD: no more events
        }
      }
      case AnnouncePosition c -> {
        SimCall call = calls.get(c.call());
        if (call != null && call.phase == SimCall.Phase.WAITING) {
          ctx.counters.announcementsHeard++;
        }
      }
      case HoldCall c -> {
        SimCall call = calls.get(c.call());
        if (call != null && call.phase == SimCall.Phase.CONNECTED) {
          ctx.submit(c.hold() ? new CallHeld(call.id) : new CallUnheld(call.id));
        }
      }
      case ParkCall c -> park(c);
      case CompleteTransfer c -> {
        SimCall call = calls.get(c.call());
        if (call != null) {
          ctx.counters.callsRouted++;
          gone(call); // connected to the consulted target: it left the ACD
        }
      }
      case ConsultCall c -> { } // the consulted party is outside the simulation
      case CancelConsult c -> { }
      case Recording c -> { }
    }
  }

  /** A transfer to a queue or an agent: the caller waits again, the agent's leg is gone. */
  private void park(ParkCall c) {
    SimCall call = calls.get(c.call());
    if (call == null || call.phase != SimCall.Phase.CONNECTED) {
      return;
    }
    SimAgent agent = agents.get(call.agent);
    call.phase = SimCall.Phase.WAITING;
    call.agent = null;
    if (agent != null) {
      agent.callEnded(call);
    }
  }

  private void ring(RingAgent c) {
    ctx.counters.ringsOffered++;
    SimAgent agent = agents.get(c.agent());
    SimCall call = calls.get(c.call());
    if (call == null) {
      return; // the caller already left; the engine will cancel the ring
    }
    if (agent == null) {
      return; // a desk phone: it rings until the desktop answers or the engine gives up
    }
    if (!agent.ring(call)) {
      ctx.counters.ringsBusy++;
      ctx.submit(new AgentLegFailed(c.call(), c.agent(), LegFailure.BUSY, 17));
    }
  }

  private void connect(ConnectCall c) {
    SimCall call = calls.get(c.call());
    SimAgent agent = agents.get(c.agent());
    if (call == null || call.phase != SimCall.Phase.WAITING) {
      return;
    }
    call.phase = SimCall.Phase.CONNECTED;
    call.agent = c.agent();
    int connection = ++call.connection;
    if (agent != null) {
      agent.connected(call);
    }
    ctx.counters.callsConnected++;
    ctx.after(call.talkNanos, () -> {
      if (call.phase != SimCall.Phase.CONNECTED || call.connection != connection) {
        return;
      }
      gone(call);
      if (call.agentEnds && agent != null) {
        ctx.counters.callsEndedByAgent++;
        ctx.submit(new AgentHungUp(call.id, c.agent()));
      } else {
        ctx.counters.callsEndedByCaller++;
        ctx.submit(new CallerHungUp(call.id));
      }
    });
  }

  // ---- desk phones ----

  /**
   * Answers a desk phone: submits {@code AgentLegAnswered}, which the engine ignores unless it is
   * ringing {@code agent} for {@code call}. Safe from any thread.
   */
  @Override
  public boolean answer(AgentId agent, CallId call) {
    InputSink s = sink;
    if (s == null || agents.containsKey(agent)) {
      return false; // not started, or a simulated agent answers by itself
    }
    s.submit(new AgentLegAnswered(call, agent));
    return true;
  }

  // ---- the engine's notices to desktops ----

  /** Hands a notice to the simulated desktop of its agent; notices for other agents are ignored. */
  @Override
  public void notify(AgentNotice notice) {
    SimAgent agent = agents.get(notice.agent());
    if (agent == null || !ctx.running()) {
      return;
    }
    switch (notice) {
      case AgentStateChanged n -> agent.stateChanged(n);
      case RequestAccepted n -> agent.accepted(n);
      case RequestRefused n -> agent.refused(n);
      case CallOffered n -> { } // the screen pop: the ring itself comes as RingAgent
      case CallStatus n -> { } // hold and transfers are not simulated
    }
  }
}
