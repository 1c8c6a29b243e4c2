package org.hotlineacd.cti.asterisk;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The adapter's own share of the dispatch thread: {@link EventTranslator#onEvent} for a new call
 * ({@code AcdEnqueue}, its heaviest path) and for an event it ignores, timed on one thread without
 * the socket or Asterisk-Java's parser and pump. In this package only to reach the package-private
 * translator; used by {@code AmiAdapterBenchmark}.
 */
public final class ListenerCost {
  private ListenerCost() {}

  /** Nanoseconds per {@code AcdEnqueue} hand-off, after {@code warmup} untimed ones; then the caller is forgotten again. */
  public static double enqueueNanos(int warmup, int timed) {
    AtomicLong handed = new AtomicLong();
    EventTranslator t = new EventTranslator("", Dialplan.DEFAULT, input -> handed.incrementAndGet(), null);
    AcdEnqueueEvent[] events = new AcdEnqueueEvent[warmup + timed];
    for (int i = 0; i < events.length; i++) {
      AcdEnqueueEvent e = new AcdEnqueueEvent(ListenerCost.class);
      e.setUniqueId("1795785700." + i);
      e.setChannel("PJSIP/caller-" + i);
      e.setCallerIdNum("5550001");
      e.setAcdLine("general");
      events[i] = e;
    }
    for (int i = 0; i < warmup; i++) {
      t.onEvent(events[i]);
    }
    t.callers.clear();
    long start = System.nanoTime();
    for (int i = warmup; i < events.length; i++) {
      t.onEvent(events[i]);
    }
    long elapsed = System.nanoTime() - start;
    if (handed.get() != events.length) {
      throw new IllegalStateException("handed " + handed.get() + " of " + events.length);
    }
    return (double) elapsed / timed;
  }
}
