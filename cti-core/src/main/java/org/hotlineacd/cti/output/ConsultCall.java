package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;

/**
 * Start an attended transfer: hold the caller and dial {@code dialString} (the target labelled
 * {@code label}) for the agent to speak to first.
 */
public record ConsultCall(long commandId, CallId call, AgentId agent, String label, String dialString)
    implements TelephonyCommand {}
