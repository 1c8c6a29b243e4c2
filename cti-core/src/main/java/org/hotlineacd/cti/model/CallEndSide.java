package org.hotlineacd.cti.model;

/** Which side ended a connected call. */
public enum CallEndSide {
  /** The caller hung up. */
  CALLER,
  /** The agent hung up (from the phone or the desktop). */
  AGENT,
  /** The system ended it (transfer, overflow, shutdown). */
  SYSTEM
}
