package org.hotlineacd.bridge.agent;

import org.hotlineacd.cti.LogSafe;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotlineacd.cti.output.AgentNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notices on their way from the engine thread to the sessions of one event loop.
 *
 * <p>Why: one {@code execute} per notice cost a task, often a selector wake-up, and a
 * {@code writeAndFlush} (a {@code write(2)} and a TCP segment) per frame; a ready command alone
 * produces two notices (the state and the acceptance). Here the engine thread queues notices and
 * schedules at most one drain task per event loop; the drain task hands every queued notice to its
 * session, which writes its frames without flushing, and then flushes each touched connection
 * once. Notices the engine produces while a drain is pending ride along with it.
 *
 * <p>Threading: {@link #add} on the engine thread (any thread is safe); {@link #run} on the event
 * loop. Order: notices reach their sessions in the order they were added.
 */
final class Outbox implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private record Delivery(AgentSession session, AgentNotice notice) {}

  private final EventLoop loop;
  private final Queue<Delivery> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Sessions written to in the current drain; only touched on the event loop. */
  private final List<AgentSession> touched = new ArrayList<>();

  Outbox(EventLoop loop) {
    this.loop = loop;
  }

  /** Queues {@code notice} for {@code session} and makes sure a drain is coming; never waits. */
  void add(AgentSession session, AgentNotice notice) {
    queue.add(new Delivery(session, notice));
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      try {
        loop.execute(this);
      } catch (RejectedExecutionException e) {
        queue.clear(); // the server is shutting down: nobody is left to read these
        scheduled.set(false);
      }
    }
  }

  @Override
  public void run() {
    // cleared first: a notice added from here on schedules another drain (at worst an empty one)
    scheduled.set(false);
    Delivery d;
    while ((d = queue.poll()) != null) {
      boolean wrote;
      try {
        wrote = d.session.onNoticeUnflushed(d.notice);
      } catch (RuntimeException e) { // one bad notice must not hold back the others of the batch
        LOG.warn("a desktop notice failed: {}", LogSafe.describe(d.notice), e);
        wrote = true;
      }
      if (wrote && !d.session.inFlushList) {
        d.session.inFlushList = true;
        touched.add(d.session);
      }
    }
    for (int i = 0; i < touched.size(); i++) {
      AgentSession s = touched.get(i);
      s.inFlushList = false;
      s.flush();
    }
    touched.clear();
  }
}
