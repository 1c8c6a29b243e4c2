package org.hotlineacd.cti.asterisk;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/**
 * The adapter's correlation notes, nothing more: which channel a call's caller is on and which
 * agent leg the ACD originated for it. They are not a mirror of Asterisk's state; they exist so
 * that events about a leg can be told to the engine as events about a call and an agent.
 */
final class Tracks {
  /** Orders notes against resyncs (shared by all servers; only the order matters). */
  static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();

  private Tracks() {}

  /** A caller the dialplan handed to the ACD. */
  static final class Caller {
    final CallId call;
    final String uniqueId;
    /** The translator's sequence when it was noted: a resync only judges notes older than itself. */
    final long seq = SEQ.incrementAndGet();
    volatile String channel;
    volatile Leg leg;
    /** Sent out of the ACD (routed or transferred): its hang-up is no longer the engine's business. */
    volatile boolean left;
    /** Whether the engine was last told CallHeld (Asterisk also sends Unhold for calls never held, e.g. in a blind transfer). */
    volatile boolean held;
    /** Held by the ACD's HoldCall: the legs wait apart in the hold context, not in a bridge. */
    volatile boolean heldApart;

    Caller(CallId call, String uniqueId, String channel) {
      this.call = call;
      this.uniqueId = uniqueId;
      this.channel = channel;
    }
  }

  /** An agent leg the ACD originated. Its transitions are synchronized: the first report wins. */
  static final class Leg {
    enum State { RINGING, ANSWERED, ENDED }

    final CallId call;
    final AgentId agent;
    final String channelId;
    final long seq = SEQ.incrementAndGet();
    volatile String uniqueId;
    volatile String channel;
    private State state = State.RINGING;

    Leg(CallId call, AgentId agent, String channelId) {
      this.call = call;
      this.agent = agent;
      this.channelId = channelId;
      this.uniqueId = channelId;
    }

    synchronized State state() {
      return state;
    }

    /** RINGING to ANSWERED; true if this call made the change. */
    synchronized boolean answer() {
      if (state != State.RINGING) {
        return false;
      }
      state = State.ANSWERED;
      return true;
    }

    /** Any state to ENDED; returns the state it had. */
    synchronized State end() {
      State was = state;
      state = State.ENDED;
      return was;
    }

    /** The channel to address in actions: its name when known, else its uniqueid (Asterisk accepts both). */
    String address() {
      String c = channel;
      return c != null ? c : uniqueId;
    }
  }
}
