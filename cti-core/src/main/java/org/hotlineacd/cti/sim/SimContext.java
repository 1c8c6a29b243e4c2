package org.hotlineacd.cti.sim;

import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Scheduler;

/** What the simulated callers and agents share: the engine's inbox, time, tallies, request ids. */
final class SimContext {
  final Scheduler scheduler;
  final Counters counters = new Counters();
  private InputSink sink;
  private long lastRequestId;
  private boolean closed;

  SimContext(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  void start(InputSink inbox) {
    if (this.sink != null) {
      throw new IllegalStateException("the simulated hotline was started twice");
    }
    this.sink = inbox;
  }

  boolean running() {
    return sink != null && !closed;
  }

  void close() {
    closed = true;
  }

  long now() {
    return scheduler.nowNanos();
  }

  long nextRequestId() {
    return ++lastRequestId;
  }

  /** Hands an input to the engine, unless the simulation has stopped. */
  void submit(Input input) {
    if (!running()) {
      return;
    }
    if (input instanceof AgentRequest) {
      counters.requestsSent++;
    }
    sink.submit(input);
  }

  /** Runs {@code task} after {@code delayNanos}, unless the simulation has stopped by then. */
  void after(long delayNanos, Runnable task) {
    at(delayNanos >= Long.MAX_VALUE - now() ? Long.MAX_VALUE : now() + delayNanos, task);
  }

  /** Runs {@code task} at {@code atNanos}, unless the simulation has stopped by then. */
  void at(long atNanos, Runnable task) {
    if (!running() || atNanos == Long.MAX_VALUE) {
      return; // never: nothing to schedule
    }
    scheduler.schedule(atNanos, () -> {
      if (running()) {
        task.run();
      }
    });
  }
}
