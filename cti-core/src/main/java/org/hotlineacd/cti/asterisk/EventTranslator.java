package org.hotlineacd.cti.asterisk;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.AbstractHoldEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.ConsultFailed;
import org.hotlineacd.cti.input.EndpointReachability;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.port.InputSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one server's AMI events into engine inputs, on Asterisk-Java's dispatch thread.
 *
 * <p>Threading: {@link #onEvent} runs on the dispatch thread and never blocks: it reads a few
 * concurrent maps and submits to the engine's lock-free inbox. The command side ({@code
 * ServerLink}) registers legs in the same maps from the server's own thread before it sends the
 * action, so an event about a leg always finds it. Failure handling: an event with missing or odd
 * headers is logged at DEBUG and dropped; nothing thrown here reaches Asterisk-Java.
 */
final class EventTranslator {
  private static final Logger LOG = LoggerFactory.getLogger(EventTranslator.class);

  private final String scope;
  private final Dialplan dialplan;
  private final InputSink sink;
  private final Set<String> endpoints;
  final Map<String, Tracks.Caller> callers = new ConcurrentHashMap<>();
  final Map<String, Tracks.Leg> legsByUid = new ConcurrentHashMap<>();
  final Map<String, Tracks.Leg> legsByAction = new ConcurrentHashMap<>();
  private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

  /** @param endpoints the agent endpoints to report reachability for (null: every device) */
  EventTranslator(String scope, Dialplan dialplan, InputSink sink, Set<String> endpoints) {
    this.scope = scope;
    this.dialplan = dialplan;
    this.sink = sink;
    this.endpoints = endpoints;
  }

  CallId callId(String uniqueId) {
    return new CallId(scope + uniqueId);
  }

  /** The uniqueid part of a call id of this server. */
  String uniqueId(CallId call) {
    return call.value().substring(scope.length());
  }

  boolean owns(CallId call) {
    return call.value().startsWith(scope);
  }

  void onEvent(ManagerEvent event) {
    try {
      switch (event) {
        case AcdEnqueueEvent e -> enqueue(e);
        // A HangupRequest is the far end's own hang-up (a BYE); Asterisk's follow-up hang-up of the
        // other side comes as SoftHangupRequest, and the two Hangup events come in either order.
        case HangupRequestEvent e -> hangup(e.getUniqueId(), e.getCause());
        case HangupEvent e -> hangup(e.getUniqueId(), e.getCause());
        case OriginateResponseEvent e -> originateResponse(e);
        case NewStateEvent e -> {
          if ("Up".equalsIgnoreCase(e.getChannelStateDesc())) {
            Tracks.Leg leg = legsByUid.get(String.valueOf(e.getUniqueId()));
            if (leg != null) {
              leg.channel = e.getChannel();
              answered(leg);
            }
          }
        }
        case HoldEvent e -> hold(e, true);
        case UnholdEvent e -> hold(e, false);
        case AttendedTransferEvent e -> {
          if (!"Success".equalsIgnoreCase(e.getResult())) {
            Tracks.Leg leg = legsByUid.get(String.valueOf(e.getOrigTransfererUniqueid()));
            if (leg != null) {
              sink.submit(new ConsultFailed(leg.call));
            }
          }
        }
        case PeerStatusEvent e -> peer(e.getPeer(), e.getPeerStatus());
        case DeviceStateChangeEvent e -> device(e.getDevice(), e.getState());
        default -> { }
      }
    } catch (RuntimeException e) {
      LOG.warn("AMI event {} could not be translated and was dropped: {}", event.getClass().getSimpleName(), e.toString());
    }
  }

  private void enqueue(AcdEnqueueEvent e) {
    String uid = e.getUniqueId();
    if (uid == null || uid.isEmpty()) {
      LOG.warn("AcdEnqueue without Uniqueid dropped (channel {})", e.getChannel());
      return;
    }
    String line = firstNonBlank(e.getAcdLine(), variable(e, dialplan.lineHeader()), e.getQueue(), variable(e, "ACD_QUEUE"));
    if (line == null) {
      LOG.warn("AcdEnqueue for {} names no line (AcdLine, variable {} or Queue) and was dropped", uid, dialplan.lineHeader());
      return;
    }
    Tracks.Caller caller = new Tracks.Caller(callId(uid), uid, e.getChannel());
    if (callers.putIfAbsent(uid, caller) != null) {
      return; // the dialplan raised it again for a caller the ACD has (a park): nothing new
    }
    sink.submit(new CallArrived(caller.call, line, e.getCallerIdNum(), callerData(e)));
  }

  private static Map<String, String> callerData(ManagerEvent e) {
    Map<String, String> vars = e.getChannelVariables();
    if (vars == null || vars.isEmpty()) {
      return Map.of();
    }
    Map<String, String> data = new HashMap<>();
    vars.forEach((k, v) -> {
      if (k != null && v != null) {
        data.put(k, v);
      }
    });
    return data;
  }

  private static String variable(ManagerEvent e, String name) {
    Map<String, String> vars = e.getChannelVariables();
    if (vars == null) {
      return null;
    }
    String v = vars.get(name);
    return v != null ? v : vars.get("ACD_" + name.toUpperCase(Locale.ROOT));
  }

  private void hangup(String uid, Integer cause) {
    if (uid == null) {
      return;
    }
    Tracks.Caller caller = callers.remove(uid);
    if (caller != null) {
      Tracks.Leg leg = caller.leg;
      if (leg != null) {
        leg.end();
      }
      if (!caller.left) {
        sink.submit(new CallerHungUp(caller.call));
      }
      return;
    }
    Tracks.Leg leg = legsByUid.remove(uid);
    if (leg == null) {
      return;
    }
    int c = cause == null ? 0 : cause;
    switch (leg.end()) {
      case RINGING -> sink.submit(new AgentLegFailed(leg.call, leg.agent, failure(c), c));
      case ANSWERED -> {
        Tracks.Caller of = callers.get(uniqueId(leg.call));
        if (of != null) {
          of.left = true; // the call is over for the ACD; the dialplan hangs the caller up
        }
        sink.submit(new AgentHungUp(leg.call, leg.agent));
      }
      case ENDED -> { }
    }
  }

  private void originateResponse(OriginateResponseEvent e) {
    String actionId = e.getActionId();
    Tracks.Leg leg = actionId == null ? null : legsByAction.remove(actionId);
    if (leg == null) {
      return;
    }
    if (e.isSuccess() || "Success".equalsIgnoreCase(e.getResponse())) {
      String uid = e.getUniqueId();
      if (uid != null && !uid.equals(leg.uniqueId) && !uid.startsWith("<")) {
        legsByUid.remove(leg.uniqueId, leg);
        leg.uniqueId = uid;
        legsByUid.put(uid, leg);
      }
      if (e.getChannel() != null) {
        leg.channel = e.getChannel();
      }
      answered(leg);
      return;
    }
    legsByUid.remove(leg.uniqueId, leg);
    if (leg.end() == Tracks.Leg.State.RINGING) {
      int reason = e.getReason() == null ? -1 : e.getReason();
      sink.submit(new AgentLegFailed(leg.call, leg.agent, originateFailure(reason), 0));
    }
  }

  private void answered(Tracks.Leg leg) {
    if (leg.answer()) {
      sink.submit(new AgentLegAnswered(leg.call, leg.agent));
    }
  }

  /**
   * {@code Hold}/{@code Unhold} name the channel that asked for it: the agent leg when the agent's
   * phone holds (07) or an {@code Atxfer} starts (06c), the caller leg otherwise. Only changes are
   * told, and nothing about a caller that has left the ACD: Asterisk sends {@code Unhold} for a
   * call that was never held when a transfer takes the agent leg out (06a).
   */
  private void hold(AbstractHoldEvent e, boolean held) {
    String uid = String.valueOf(e.getUniqueId());
    Tracks.Caller caller = callers.get(uid);
    if (caller == null) {
      Tracks.Leg leg = legsByUid.get(uid);
      caller = leg != null && leg.state() == Tracks.Leg.State.ANSWERED ? callers.get(uniqueId(leg.call)) : null;
    }
    if (caller == null || caller.left || caller.held == held) {
      return;
    }
    caller.held = held;
    sink.submit(held ? new CallHeld(caller.call) : new CallUnheld(caller.call));
  }

  private void peer(String peer, String status) {
    if (peer == null || status == null) {
      return;
    }
    String s = status.toLowerCase(Locale.ROOT);
    if (s.equals("reachable") || s.equals("registered")) {
      reachability(peer, true);
    } else if (s.equals("unreachable") || s.equals("unregistered") || s.equals("rejected")) {
      reachability(peer, false);
    }
  }

  /** A device state (live, or from the resync's DeviceStateList). */
  void device(String device, String state) {
    if (device == null || state == null || !device.contains("/")) {
      return;
    }
    String s = state.toUpperCase(Locale.ROOT);
    reachability(device, !(s.equals("UNAVAILABLE") || s.equals("INVALID") || s.equals("UNKNOWN")));
  }

  private void reachability(String endpoint, boolean up) {
    if (endpoints != null && !endpoints.contains(endpoint)) {
      return;
    }
    Boolean before = reachable.put(endpoint, up);
    if (before == null || before != up) {
      sink.submit(new EndpointReachability(endpoint, up));
    }
  }

  /** What a hang-up cause of a ringing leg means (Q.850). */
  static LegFailure failure(int cause) {
    return switch (cause) {
      case 17, 21 -> LegFailure.BUSY;
      case 18, 19 -> LegFailure.NO_ANSWER;
      case 3, 20, 27, 38 -> LegFailure.UNREACHABLE;
      default -> LegFailure.FAILED;
    };
  }

  /** What an {@code OriginateResponse} failure {@code Reason} means (0: not created, 3: no answer, 5: busy, 8: congestion). */
  static LegFailure originateFailure(int reason) {
    return switch (reason) {
      case 0 -> LegFailure.UNREACHABLE;
      case 3 -> LegFailure.NO_ANSWER;
      case 5 -> LegFailure.BUSY;
      default -> LegFailure.FAILED;
    };
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
