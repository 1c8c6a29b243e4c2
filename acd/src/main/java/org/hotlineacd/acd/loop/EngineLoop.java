package org.hotlineacd.acd.loop;

import org.hotlineacd.cti.LogSafe;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.output.AgentNotice;
import org.hotlineacd.cti.output.Output;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.AgentNotifier;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Scheduler;
import org.hotlineacd.cti.port.Telephony;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one thread: it drains the inbox, fires timers and scheduled tasks, and flushes the
 * engine's outputs to the ports after each batch.
 *
 * <p>Threading: {@link #submit} is safe from any thread (a lock-free MPSC queue); everything else,
 * including {@link #schedule} and every port call, happens on the loop thread. Time: read once per
 * batch from the {@link TimeSource}; with a virtual source the loop jumps from deadline to
 * deadline, so a simulation is a pure function of its seed. At one instant, engine timers fire
 * before scheduled tasks, and tasks run in the order they were scheduled. Failure handling: an
 * exception from an input, a port or a task is logged with what caused it and the loop goes on; a
 * call is never dropped because an adapter failed.
 */
public final class EngineLoop implements InputSink, Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final Engine engine;
  private final TimeSource time;
  private final Queue<Input> inbox = new ConcurrentLinkedQueue<>();
  private final Queue<LoopTask> loopTasks = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final List<LongConsumer> batchListeners = new ArrayList<>();
  private Telephony telephony;
  private AgentNotifier notifier = AgentNotifier.NONE;
  private long now;
  private long taskSeq;
  private long inputsApplied;
  private volatile boolean running;
  private volatile Thread thread;

  private record Task(long at, long seq, Runnable run) {}

  private record LoopTask(LongConsumer work, CompletableFuture<Void> done) {}

  /** A loop for {@code engine}, on {@code time}. Connect the ports before starting it. */
  public EngineLoop(Engine engine, TimeSource time) {
    this.engine = engine;
    this.time = time;
    this.now = time.nowNanos();
  }

  /** Connects the PBX: it gets this loop as its inbox and scheduler. */
  public EngineLoop telephony(Telephony value) {
    this.telephony = value;
    value.start(this);
    return this;
  }

  /** Connects the agent desktops. */
  public EngineLoop notifier(AgentNotifier value) {
    this.notifier = value;
    return this;
  }

  /** Adds a callback run on the loop thread after every batch, with the batch's time. */
  public EngineLoop onBatchEnd(LongConsumer listener) {
    batchListeners.add(listener);
    return this;
  }

  @Override
  public void submit(Input input) {
    inbox.add(input);
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Runs {@code work} on the loop thread between two inputs, with the loop's time (a configuration
   * reload, an admin action that needs engine state). Safe from any thread; the future completes
   * when the work has run, exceptionally if it threw (the engine is then as the work left it).
   */
  public CompletableFuture<Void> runOnLoop(LongConsumer work) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loopTasks.add(new LoopTask(work, done));
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      LockSupport.unpark(t);
    }
    return done;
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public void schedule(long atNanos, Runnable task) {
    tasks.add(new Task(atNanos, taskSeq++, task));
  }

  /** How many inputs the engine has applied. */
  public long inputsApplied() {
    return inputsApplied;
  }

  /**
   * Runs on virtual time until {@code untilNanos} (or until nothing is left to do), on the calling
   * thread. Returns the time reached.
   */
  public long runUntil(long untilNanos) {
    if (!time.virtual()) {
      throw new IllegalStateException("runUntil needs a virtual time source");
    }
    while (true) {
      if (drainInbox()) {
        continue;
      }
      long next = Math.min(engine.nextDeadline(), tasks.isEmpty() ? Long.MAX_VALUE : tasks.peek().at);
      if (next > untilNanos || next == Long.MAX_VALUE) {
        now = Math.max(now, Math.min(untilNanos, next == Long.MAX_VALUE ? untilNanos : next));
        endBatch();
        return now;
      }
      now = Math.max(now, next);
      fireDue();
    }
  }

  /** Starts the loop on its own thread, on a real (possibly sped-up) clock. */
  public synchronized void start(String threadName) {
    if (time.virtual()) {
      throw new IllegalStateException("a virtual loop runs with runUntil, not on a thread");
    }
    if (running) {
      return;
    }
    running = true;
    Thread t = new Thread(this::runRealTime, threadName);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Stops the loop thread and waits for it. */
  public void stop() throws InterruptedException {
    running = false;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
      t.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  private void runRealTime() {
    while (running) {
      now = Math.max(now, time.nowNanos());
      fireDue();
      drainInbox();
      endBatch();
      if (!inbox.isEmpty() || !loopTasks.isEmpty()) {
        continue;
      }
      long next = Math.min(engine.nextDeadline(), tasks.isEmpty() ? Long.MAX_VALUE : tasks.peek().at);
      long waitReal = next == Long.MAX_VALUE ? MAX_PARK_NANOS : time.realNanosFor(next - time.nowNanos());
      if (waitReal > 0) {
        LockSupport.parkNanos(this, Math.min(waitReal, MAX_PARK_NANOS));
      }
    }
  }

  private void fireDue() {
    engine.advanceTo(now);
    flush();
    while (!tasks.isEmpty() && tasks.peek().at <= now) {
      Task task = tasks.poll();
      try {
        task.run.run();
      } catch (RuntimeException e) {
        LOG.error("scheduled task failed; the loop goes on", e);
      }
      engine.advanceTo(now);
      flush();
    }
  }

  /** Applies every queued input at the current time; true if there was any. */
  private boolean drainInbox() {
    boolean any = runLoopTasks();
    Input input;
    while ((input = inbox.poll()) != null) {
      any = true;
      try {
        engine.apply(input, now);
        inputsApplied++;
      } catch (RuntimeException e) {
        LOG.error("input failed and changed nothing it had not already changed: {}", LogSafe.describe(input), e);
      }
    }
    if (any) {
      flush();
    }
    return any;
  }

  private boolean runLoopTasks() {
    boolean any = false;
    LoopTask task;
    while ((task = loopTasks.poll()) != null) {
      any = true;
      try {
        task.work.accept(now);
        task.done.complete(null);
      } catch (RuntimeException e) {
        LOG.error("loop task failed", e);
        task.done.completeExceptionally(e);
      }
      flush();
    }
    return any;
  }

  private void flush() {
    engine.drainOutputs(this::deliver);
  }

  private void deliver(Output output) {
    try {
      switch (output) {
        case TelephonyCommand c -> {
          if (telephony != null) {
            telephony.execute(c);
          }
        }
        case AgentNotice n -> notifier.notify(n);
      }
    } catch (RuntimeException e) {
      LOG.error("a port failed to take {}", LogSafe.describe(output), e);
    }
  }

  private void endBatch() {
    for (LongConsumer l : batchListeners) {
      try {
        l.accept(now);
      } catch (RuntimeException e) {
        LOG.error("batch listener failed", e);
      }
    }
  }
}
