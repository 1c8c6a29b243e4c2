package org.hotlineacd.acd.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.ChannelPresent;
import org.hotlineacd.cti.input.PbxResyncStarted;
import org.hotlineacd.cti.input.PbxResynced;
import org.hotlineacd.cti.model.CallEndSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the engine back in step with a PBX that may have changed while nobody listened (a lost
 * AMI connection, an Asterisk restart, an ACD restart), and reconciles periodically.
 *
 * <p>A resync is a pair of inputs: {@link PbxResyncStarted} marks the scope's calls unconfirmed
 * (and, after a loss, suspends routing them: waiting calls leave the queue indexes but keep their
 * queue time); {@link PbxResynced} lists what exists. Unconfirmed calls that are not listed are
 * ended (abandoned if they waited or rang, ended by the system if connected); listed waiting
 * callers the engine does not know are queued with their original queue time; then the scope's
 * suspended calls are routed again in queue order. Every correction is logged and counted.
 */
final class Resync {
  private static final Logger LOG = LoggerFactory.getLogger(Resync.class);

  private final EngineState s;
  private final CallFlow calls;
  private long corrections;

  Resync(EngineState state, CallFlow calls) {
    this.s = state;
    this.calls = calls;
  }

  long corrections() {
    return corrections;
  }

  void started(PbxResyncStarted e, long now) {
    String scope = e.scope();
    for (Call c : s.calls.values()) {
      if (!c.id.value().startsWith(scope)) {
        continue;
      }
      c.unconfirmed = true;
      if (e.suspendRouting() && c.phase == Call.Phase.WAITING && !c.suspended) {
        c.queue.removeWaiting(c);
        c.suspended = true;
      }
    }
    if (e.suspendRouting()) {
      s.suspendedScopes.add(scope);
      LOG.info("resync of PBX scope '{}' started: routing its calls is suspended", scope);
    }
  }

  void finished(PbxResynced e, long now) {
    String scope = e.scope();
    Set<String> present = new HashSet<>();
    for (ChannelPresent p : e.calls()) {
      present.add(p.call().value());
    }
    for (Call c : new ArrayList<>(s.calls.values())) {
      if (!c.unconfirmed || !c.id.value().startsWith(scope)) {
        continue;
      }
      c.unconfirmed = false;
      if (present.contains(c.id.value())) {
        continue;
      }
      corrections++;
      LOG.warn("resync: call {} ({}) no longer exists on the PBX; ending it", c.id, c.phase);
      if (c.phase == Call.Phase.CONNECTED) {
        calls.ended(c, CallEndSide.SYSTEM, now);
      } else {
        calls.abandon(c, now);
      }
    }
    s.suspendedScopes.remove(scope);
    for (ChannelPresent p : e.calls()) {
      if (!p.waiting() || s.calls.containsKey(p.call()) || !p.call().value().startsWith(scope)) {
        continue;
      }
      if (p.line() == null || !s.lines.containsKey(p.line())) {
        s.ignored("resync: waiting caller on unknown line '" + p.line() + "'", p, now);
        continue;
      }
      corrections++;
      LOG.warn("resync: caller {} waits on the PBX but not in the ACD; queued with its original wait", p.call());
      calls.arrive(new CallArrived(p.call(), p.line(), p.callerNumber(), p.callerData()), Math.min(now, p.waitingSinceNanos()), now);
    }
    List<Call> resume = new ArrayList<>();
    for (Call c : s.calls.values()) {
      if (c.suspended && !s.suspended(c)) {
        resume.add(c);
      }
    }
    resume.sort(QueueState.CALL_ORDER);
    for (Call c : resume) {
      c.suspended = false;
      calls.route(c, now);
    }
    LOG.info("resync of PBX scope '{}' done: {} calls present, {} resumed", scope, present.size(), resume.size());
  }
}
