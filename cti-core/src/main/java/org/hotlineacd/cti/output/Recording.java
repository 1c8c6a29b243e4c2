package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.CallId;

/**
 * Start ({@code start} true) or stop recording the connected call (MixMonitor on Asterisk).
 *
 * @param fileName the base name the engine chose (kept on the call record); the adapter adds the
 *     configured directory and format
 */
public record Recording(long commandId, CallId call, boolean start, String fileName) implements TelephonyCommand {}
