package org.hotlineacd.bridge.agent;

import java.util.concurrent.ScheduledFuture;
import org.hotlineacd.cti.model.AgentId;

/**
 * One agent as the bridge sees it: the latest {@link DeskView} and the session of its desktop, if
 * one is connected.
 *
 * <p>Threading: {@link #view} is written only on the engine thread (by the notifier) and read
 * anywhere. {@link #session}, {@link #grace} and {@link #away} change under this object's lock, on
 * event loops; the engine thread only reads the volatile fields, so it never waits.
 */
final class Desk {
  final AgentId id;
  volatile DeskView view = DeskView.LOGGED_OUT;
  volatile AgentSession session;
  /** True once the reconnect grace ran out with no desktop: the agent must not take calls. */
  volatile boolean away;
  /** The pending end of the reconnect grace, or null. Guarded by this. */
  ScheduledFuture<?> grace;

  Desk(AgentId id) {
    this.id = id;
  }
}
