package org.hotlineacd.acd.engine;

import java.util.Map;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.cti.model.CallId;

/** One call in the ACD. Owned by the engine thread; never shared. */
final class Call {
  enum Phase {
    WAITING,
    RINGING,
    CONNECTED
  }

  final CallId id;
  final String line;
  final String callerNumber;
  final Map<String, String> callerData;
  final int priority;
  /** Arrival order: the last tie-breaker, so ordering never depends on hashing. */
  final long seq;

  QueueState queue;
  SegmentKey key;
  Phase phase = Phase.WAITING;
  /** The relaxation tier the call has reached in its queue (0 = base requirements). */
  int tier;
  int offers;
  Agent agent;
  long answeredNanos;
  boolean held;
  long heldSinceNanos;
  long holdNanos;
  boolean hangUpByAgent;
  /** The external label an attended transfer is consulting, or null. */
  String consultTarget;
  /** The recording's base name while the call is recorded, or null. */
  String recordingFile;
  boolean recording;
  /** Waiting, but its PBX is being resynchronised: out of the queue indexes, not offered. */
  boolean suspended;
  /** Known before a resync started and not confirmed by it yet. */
  boolean unconfirmed;
  /** A max-wait overflow came due while an agent's phone rang: carried out if the ring fails. */
  boolean overflowDue;

  Timer ringTimer;
  Timer tierTimer;
  Timer maxWaitTimer;
  Timer announceTimer;

  Call(CallId id, String line, String callerNumber, Map<String, String> callerData, int priority, long seq) {
    this.id = id;
    this.line = line;
    this.callerNumber = callerNumber;
    this.callerData = callerData;
    this.priority = priority;
    this.seq = seq;
  }

  long queuedNanos() {
    return key.queuedNanos();
  }

  void cancelQueueTimers() {
    Timer.cancel(tierTimer);
    Timer.cancel(maxWaitTimer);
    Timer.cancel(announceTimer);
    tierTimer = null;
    maxWaitTimer = null;
    announceTimer = null;
  }

  @Override
  public String toString() {
    return id.value();
  }
}
