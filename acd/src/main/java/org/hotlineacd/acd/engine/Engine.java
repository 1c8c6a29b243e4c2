package org.hotlineacd.acd.engine;

import java.util.function.Consumer;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.ConsultFailed;
import org.hotlineacd.cti.input.EndpointReachability;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.input.PbxResyncStarted;
import org.hotlineacd.cti.input.PbxResynced;
import org.hotlineacd.cti.input.TelephonyEvent;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.output.Output;

/**
 * The ACD engine: all call, agent and queue state, changed only by {@link #apply} and {@link
 * #advanceTo}.
 *
 * <p>Threading and determinism: one thread owns an engine (the single-writer principle); nothing
 * here locks or reads a clock. Time comes in as {@code nowNanos} (epoch nanoseconds, virtual or
 * real) with each input, timers are data fired with their deadline as "now", and command ids are a
 * counter, so the outputs are a pure function of the inputs and a recorded input journal replays
 * exactly. Outputs collect in an outbox that the loop drains after each batch; segment milestones
 * go to the {@link SegmentListener} at once, on this thread.
 *
 * <p>Failure handling: an input naming an unknown call, agent or line, or one that does not fit
 * the call's phase, is logged and changes nothing; an agent request that is not allowed in the
 * agent's state is refused with a code and a sentence.
 */
public final class Engine {
  /** The not-ready reason of an agent whose phone could not be reached. */
  public static final String PHONE_UNREACHABLE_REASON = "phone-unreachable";

  private final EngineState state;
  private final AgentFlow agents;
  private final CallFlow calls;
  private final AgentRequests requests;
  private final Resync resync;
  private long lastNanos = Long.MIN_VALUE;

  /** An engine over a consistent configuration, reporting segment milestones to {@code segments}. */
  public Engine(AcdConfig config, SegmentListener segments) {
    this.state = new EngineState(config, segments);
    this.agents = new AgentFlow(state);
    this.calls = new CallFlow(state, agents);
    agents.wire(calls);
    this.requests = new AgentRequests(state, agents, calls);
    this.resync = new Resync(state, calls);
  }

  /** Applies one input at {@code nowNanos} (never earlier than the last input or timer). */
  public void apply(Input input, long nowNanos) {
    long now = monotonic(nowNanos);
    switch (input) {
      case TelephonyEvent e -> telephony(e, now);
      case AgentRequest r -> requests.handle(r, now);
    }
  }

  private void telephony(TelephonyEvent event, long now) {
    switch (event) {
      case CallArrived e -> calls.arrive(e, now);
      case CallerHungUp e -> callerHungUp(e, now);
      case AgentLegAnswered e -> {
        Call c = ringingFor(e, e.agent(), now);
        if (c != null) {
          calls.answered(c, now);
        }
      }
      case AgentLegFailed e -> {
        Call c = ringingFor(e, e.agent(), now);
        if (c != null) {
          calls.ringFailed(c, e.reason(), false, now);
        }
      }
      case AgentHungUp e -> agentHungUp(e, now);
      case CallHeld e -> connected(e, now, c -> calls.hold(c, true, now));
      case CallUnheld e -> connected(e, now, c -> calls.hold(c, false, now));
      case ConsultFailed e -> connected(e, now, c -> {
        if (c.consultTarget != null) {
          c.consultTarget = null;
          calls.status(c);
        }
      });
      case PbxResyncStarted e -> resync.started(e, now);
      case PbxResynced e -> resync.finished(e, now);
      case EndpointReachability e -> {
        var list = state.agentsByEndpoint.get(e.endpoint());
        if (list == null) {
          state.ignored("unknown endpoint", e, now);
          return;
        }
        for (Agent a : list) {
          agents.reachability(a, e.reachable(), now);
        }
      }
    }
  }

  private void callerHungUp(CallerHungUp e, long now) {
    Call c = state.calls.get(e.call());
    if (c == null) {
      state.ignored("unknown call", e, now);
      return;
    }
    switch (c.phase) {
      case WAITING, RINGING -> calls.abandon(c, now);
      case CONNECTED -> calls.ended(c, c.hangUpByAgent ? CallEndSide.AGENT : CallEndSide.CALLER, now);
    }
  }

  private void agentHungUp(AgentHungUp e, long now) {
    Call c = state.calls.get(e.call());
    if (c == null || c.agent == null || !c.agent.id.equals(e.agent())) {
      state.ignored(c == null ? "unknown call" : "agent is not on this call", e, now);
      return;
    }
    switch (c.phase) {
      case CONNECTED -> calls.ended(c, CallEndSide.AGENT, now);
      case RINGING -> calls.ringFailed(c, LegFailure.BUSY, false, now);
      case WAITING -> state.ignored("call is waiting", e, now);
    }
  }

  private Call ringingFor(TelephonyEvent e, org.hotlineacd.cti.model.AgentId agent, long now) {
    Call c = state.calls.get(e.call());
    if (c == null) {
      state.ignored("unknown call", e, now);
      return null;
    }
    if (c.phase != Call.Phase.RINGING || !c.agent.id.equals(agent)) {
      state.ignored("call is not ringing this agent", e, now);
      return null;
    }
    return c;
  }

  private void connected(TelephonyEvent e, long now, Consumer<Call> action) {
    Call c = state.calls.get(e.call());
    if (c == null || c.phase != Call.Phase.CONNECTED) {
      state.ignored(c == null ? "unknown call" : "call is not connected", e, now);
      return;
    }
    action.accept(c);
  }

  /**
   * Applies a new, consistent configuration between two inputs without disturbing a call (see
   * {@link Reconfiguration}). The caller has validated it.
   */
  public void reconfigure(AcdConfig next, long nowNanos) {
    Reconfiguration.apply(state, agents, calls, next, monotonic(nowNanos));
  }

  /** The configuration the engine runs on now. */
  public AcdConfig config() {
    return state.config;
  }

  /** Fires every timer due at or before {@code nowNanos}, each with its own deadline as "now". */
  public void advanceTo(long nowNanos) {
    Timer t;
    while ((t = state.timers.pollDue(nowNanos)) != null) {
      long now = monotonic(t.deadlineNanos);
      switch (t.kind) {
        case RING_TIMEOUT -> {
          if (t.call.phase == Call.Phase.RINGING && t.call.agent == t.agent) {
            calls.ringFailed(t.call, LegFailure.NO_ANSWER, true, now);
          }
        }
        case TIER_UP -> calls.tierUp(t.call, now);
        case MAX_WAIT -> calls.maxWait(t.call, now);
        case ANNOUNCE -> calls.announce(t.call, now);
        case WRAP_UP_END -> agents.finishWrapUp(t.agent, now, true, null, null, null);
      }
    }
    monotonic(nowNanos);
  }

  /** The earliest pending timer deadline, or {@link Long#MAX_VALUE} when none is set. */
  public long nextDeadline() {
    return state.timers.nextDeadline();
  }

  /** Hands every output collected since the last call to {@code sink}, in order. */
  public void drainOutputs(Consumer<? super Output> sink) {
    state.drainOutputs(sink);
  }

  /** An immutable picture of queues and agents, for wallboards, gauges and the CLI. */
  public EngineSnapshot snapshot(long nowNanos) {
    return EngineSnapshot.of(state, Math.max(nowNanos, lastNanos));
  }

  /** How many inputs were ignored or refused so far. */
  public long ignoredInputs() {
    return state.ignoredInputs();
  }

  /** How many calls arrived on a line outside its business hours and went to the closed action. */
  public long closedArrivals() {
    return state.closedArrivals();
  }

  /** How many calls resynchronisation with a PBX found wrong and corrected so far. */
  public long resyncCorrections() {
    return resync.corrections();
  }

  /** Checks internal consistency of every index (tests and debugging; walks all state). */
  public void checkInvariants() {
    Invariants.check(state);
  }

  /** The state itself, for benchmarks of the routing decision in this package; never for other code. */
  EngineState state() {
    return state;
  }

  private long monotonic(long nowNanos) {
    if (nowNanos > lastNanos) {
      lastNanos = nowNanos;
    }
    return lastNanos;
  }
}
