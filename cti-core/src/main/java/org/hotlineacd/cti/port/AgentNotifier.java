package org.hotlineacd.cti.port;

import org.hotlineacd.cti.output.AgentNotice;

/**
 * Where notices for agent desktops go (the softphone bridge implements it). Called on the engine
 * thread: an implementation hands the notice on and returns.
 */
@FunctionalInterface
public interface AgentNotifier {
  /** Delivers one notice, without blocking. */
  void notify(AgentNotice notice);

  /** A notifier for runs without desktops (simulations): notices are dropped. */
  AgentNotifier NONE = notice -> {};
}
