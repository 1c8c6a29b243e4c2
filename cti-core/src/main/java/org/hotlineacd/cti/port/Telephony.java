package org.hotlineacd.cti.port;

import org.hotlineacd.cti.output.TelephonyCommand;

/**
 * The PBX as the engine sees it: the simulated PBX and the Asterisk adapter implement it.
 *
 * <p>{@link #execute} is called on the engine thread and must not block: an adapter hands the
 * command to its own I/O and reports the outcome later through the {@link InputSink} it was given
 * in {@link #start}.
 */
public interface Telephony extends AutoCloseable {
  /** Connects the PBX's events to the engine's inbox. */
  void start(InputSink sink);

  /** Carries out one command, without blocking. */
  void execute(TelephonyCommand command);

  /** Stops the adapter; the default does nothing. */
  @Override
  default void close() {}
}
