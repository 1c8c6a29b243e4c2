package org.hotlineacd.cti.output;

import org.hotlineacd.cti.model.AgentId;

/** Something an agent's desktop must be told. */
public sealed interface AgentNotice extends Output
    permits AgentStateChanged, CallOffered, RequestAccepted, RequestRefused, CallStatus {

  /** The agent the notice is for. */
  AgentId agent();
}
