package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.CallId;

/**
 * An order to the PBX. Whether it was carried out comes back later as a telephony event; the
 * engine never waits for it.
 */
public sealed interface TelephonyCommand extends Output
    permits RingAgent,
        ConnectCall,
        CancelRing,
        HangUpCall,
        RouteCall,
        AnnouncePosition,
        HoldCall,
        ParkCall,
        ConsultCall,
        CompleteTransfer,
        CancelConsult,
        Recording {

  /** The engine-assigned id (a counter, so replays match); adapters use it as AMI ActionID. */
  long commandId();

  /** The call the command is about. */
  CallId call();
}
