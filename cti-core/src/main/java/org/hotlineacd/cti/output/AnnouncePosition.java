package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.CallId;

/**
 * Tell a waiting caller their place in the queue and the estimated wait.
 *
 * @param position 1 for the next call to be served
 */
public record AnnouncePosition(long commandId, CallId call, int position, long estimatedWaitNanos)
    implements TelephonyCommand {}
