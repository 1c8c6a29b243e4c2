package org.hotlineacd.cti.input;

import org.hotlineacd.cti.model.AgentId;

/**
 * What an agent (through the desktop) or a supervisor asks of the engine. The engine answers every
 * request with a {@code RequestAccepted} or {@code RequestRefused} notice carrying the same id.
 */
public sealed interface AgentRequest extends Input
    permits AgentLogin,
        AgentLogout,
        ForcedLogout,
        AgentReady,
        AgentNotReady,
        WrapUpDone,
        AgentHangUpRequest,
        HoldRequest,
        TransferRequest,
        ConsultRequest,
        CompleteTransferRequest,
        CancelConsultRequest,
        RecordingRequest {

  /** The caller's id for this request, echoed in the answer. */
  long requestId();

  /** The agent the request is about (and, at the edges, the only agent it may be about). */
  AgentId agent();
}
