package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.CallId;

/**
 * Send the caller out of the ACD to a configured target: voicemail, the callback line, or an
 * external dial string (overflow, or a blind transfer to a label such as {@code 110}).
 *
 * @param kind {@code voicemail}, {@code callback} or {@code external}
 * @param target the configured label (for {@code external}, the transfer target's label)
 * @param dialString what the PBX dials, resolved from configuration (empty for voicemail/callback)
 */
public record RouteCall(long commandId, CallId call, String kind, String target, String dialString)
    implements TelephonyCommand {}
