package org.hotlineacd.bridge.agent;

import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AgentNotice;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.output.CallStatus;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;

/**
 * What the bridge knows of one agent from the engine's notices: enough to give a desktop that
 * connects (or reconnects) the full current state. Immutable; a new one replaces the old on the
 * engine thread for each notice.
 *
 * @param call the call the agent rings for, talks to or wraps up, or {@code null}
 * @param offer the screen pop of that call, or {@code null}
 * @param status hold, consultation and recording of that call, or {@code null}
 */
record DeskView(
    AgentState state, String reason, CallId call, long sinceNanos, long deadlineNanos, CallOffered offer, CallStatus status) {
  static final DeskView LOGGED_OUT = new DeskView(AgentState.LOGGED_OUT, null, null, 0, 0, null, null);

  /** The view after {@code notice}. */
  DeskView on(AgentNotice notice) {
    return switch (notice) {
      case AgentStateChanged n -> new DeskView(n.state(), n.reason(), n.call(), n.atNanos(), n.deadlineNanos(),
          offer != null && offer.call().equals(n.call()) ? offer : null, // the offer may come before the ring
          status != null && status.call().equals(n.call()) ? status : null);
      case CallOffered n -> new DeskView(state, reason, call, sinceNanos, deadlineNanos, n,
          status != null && status.call().equals(n.call()) ? status : null);
      case CallStatus n -> new DeskView(state, reason, call, sinceNanos, deadlineNanos,
          offer != null && offer.call().equals(n.call()) ? offer : null, n);
      case RequestAccepted n -> this;
      case RequestRefused n -> this;
    };
  }
}
