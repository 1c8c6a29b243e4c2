package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.CallId;

/** Put the connected caller on hold (music) or take it off hold; the PBX confirms with CallHeld/CallUnheld. */
public record HoldCall(long commandId, CallId call, boolean hold) implements TelephonyCommand {}
