package org.hotlineacd.cti.port;

import org.hotlineacd.cti.input.Input;

/** The engine's inbox as adapters see it: safe to call from any thread. */
@FunctionalInterface
public interface InputSink {
  /** Queues one input for the engine thread. */
  void submit(Input input);
}
