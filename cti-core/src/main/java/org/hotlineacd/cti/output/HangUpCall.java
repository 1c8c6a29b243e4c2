package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.CallId;

/** Hang up the caller's channel. */
public record HangUpCall(long commandId, CallId call) implements TelephonyCommand {}
