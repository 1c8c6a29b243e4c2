package org.hotlineacd.cti.admin;

import java.util.Objects;

/**
 * A state a supervisor forces on an agent.
 *
 * @param reason the not-ready reason (for {@link Action#NOT_READY} only; else {@code null})
 */
public record AgentCommand(Action action, String reason) {
  /** What to force. */
  public enum Action {
    /** Ready (from not-ready or wrap-up). */
    READY,
    /** Not ready with a configured reason (during a call: when its wrap-up ends). */
    NOT_READY,
    /** Logged out (a busy agent leaves once its call and wrap-up are over). */
    LOGOUT
  }

  /** Validates. */
  public AgentCommand {
    Objects.requireNonNull(action, "action");
    if ((action == Action.NOT_READY) != (reason != null)) {
      throw new IllegalArgumentException("a reason goes with not-ready, and only with it");
    }
  }
}
