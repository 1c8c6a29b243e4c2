package org.hotlineacd.cti.port;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where wallboards get their figures: a stream of immutable, sequence-numbered {@link
 * WallboardFrame}s published about once a second by the engine side, and the latest one for a
 * board that (re)connects. The network edge serves it; the engine side implements it.
 *
 * <p>Threading: {@link #latest} and {@link #queueIds} are safe from any thread. Listeners are
 * called on the publisher's thread (the engine loop) and must only hand the frame on, never block.
 */
public interface WallboardFeed {
  /** The ids of the queues a board may filter on, in display order. */
  List<String> queueIds();

  /** The latest frame, or null before the first is published. */
  WallboardFrame latest();

  /** Calls {@code listener} with every frame published from now on, until the handle is closed. */
  Subscription subscribe(Consumer<WallboardFrame> listener);

  /** Stops a subscription. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
