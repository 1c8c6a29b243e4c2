package org.hotlineacd.cti.input;

import org.hotlineacd.cti.model.CallId;

/** What a PBX (Asterisk or the simulated one) reports about calls and phones. */
public sealed interface TelephonyEvent extends Input
    permits CallArrived,
        CallerHungUp,
        AgentLegAnswered,
        AgentLegFailed,
        AgentHungUp,
        CallHeld,
        CallUnheld,
        EndpointReachability,
        ConsultFailed,
        PbxResyncStarted,
        PbxResynced {

  /** The call the event is about, or {@code null} for events about a phone. */
  CallId call();
}
