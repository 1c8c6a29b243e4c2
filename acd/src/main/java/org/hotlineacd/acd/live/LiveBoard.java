package org.hotlineacd.acd.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.hotlineacd.acd.config.WallboardSettings;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.Period;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.port.WallboardFeed;
import org.hotlineacd.cti.port.WallboardFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live board: on each {@link #publish} it reads the engine's snapshot and the figure book
 * (today, the last 15 and 60 minutes, since start), builds one immutable {@link LiveSnapshot} and
 * its wallboard {@link WallboardFrame}, and hands both to readers on other threads.
 *
 * <p>Threading: {@link #publish} runs on the engine thread (the loop calls it, see {@link
 * #everySecond}); it is the only place that reads engine state. {@link #latest}, {@link
 * #snapshot} and {@link #queueIds} are safe from any thread; listeners run on the engine thread
 * and must only hand frames on. Deterministic: the time comes in as {@code nowNanos}.
 */
public final class LiveBoard implements WallboardFeed {
  /** The short sliding window of the tiles and gauges. */
  public static final Duration LAST_15 = Duration.ofMinutes(15);
  /** The long sliding window. */
  public static final Duration LAST_60 = Duration.ofMinutes(60);

  private static final Logger LOG = LoggerFactory.getLogger(LiveBoard.class);

  private final Engine engine;
  private final FigureBook book;
  private final WallboardSettings colours;
  private final AtomicReference<LiveSnapshot> snapshot = new AtomicReference<>();
  private final AtomicReference<WallboardFrame> frame = new AtomicReference<>();
  private final List<Consumer<WallboardFrame>> listeners = new CopyOnWriteArrayList<>();
  private volatile List<String> queueIds;
  private long sequence;

  /** A board over {@code engine} and its {@code book}, with tile colours from {@code colours}. */
  public LiveBoard(Engine engine, FigureBook book, WallboardSettings colours, List<String> queueIds) {
    this.engine = engine;
    this.book = book;
    this.colours = colours;
    this.queueIds = List.copyOf(queueIds);
  }

  /** Builds and publishes the live figures at {@code nowNanos}. Engine thread only. */
  public LiveSnapshot publish(long nowNanos) {
    EngineSnapshot snap = engine.snapshot(nowNanos);
    long now = snap.atNanos();
    long dayStart = book.periodStart(Period.DAY, now);
    long end = FigureBook.windowEnd(now);
    List<LiveQueue> queues = new ArrayList<>(snap.queues().size());
    List<String> ids = new ArrayList<>(snap.queues().size());
    int waiting = 0;
    long longest = 0;
    Map<String, Long> undecidedToday = book.undecidedByQueue(dayStart, Long.MAX_VALUE, now);
    Map<String, Long> undecided15 = book.undecidedByQueue(end - LAST_15.toNanos(), end, now);
    for (EngineSnapshot.QueueView q : snap.queues()) {
      String id = q.id();
      ids.add(id);
      waiting += q.waiting();
      longest = Math.max(longest, q.longestWaitNanos());
      queues.add(new LiveQueue(id, q.name(), q.waiting(), q.longestWaitNanos(), q.loggedInAgents(), q.agentsByState(),
          book.queue(id, dayStart, now + 1), book.queueRecent(id, LAST_15, now), book.queueRecent(id, LAST_60, now),
          book.queueSinceStart(id), undecidedToday.getOrDefault(id, 0L), undecided15.getOrDefault(id, 0L)));
    }
    Map<AgentState, Integer> agents = snap.agentsByState();
    int loggedIn = snap.agents().size() - snap.agentsIn(AgentState.LOGGED_OUT);
    LiveQueue centre = new LiveQueue(Figures.CENTRE, "Whole centre", waiting, longest, loggedIn, agents,
        book.centre(dayStart, now + 1), book.centreRecent(LAST_15, now), book.centreRecent(LAST_60, now),
        book.centreSinceStart(), book.centreUndecided(dayStart, Long.MAX_VALUE, now),
        book.centreUndecided(end - LAST_15.toNanos(), end, now));
    LiveSnapshot live = new LiveSnapshot(++sequence, now, book.zone(), queues, centre);
    WallboardFrame f = BoardJson.frame(live, colours);
    queueIds = List.copyOf(ids);
    snapshot.set(live);
    frame.set(f);
    for (Consumer<WallboardFrame> l : listeners) {
      try {
        l.accept(f);
      } catch (RuntimeException e) {
        LOG.error("a wallboard listener failed", e);
      }
    }
    return live;
  }

  /** The latest published live figures, or null before the first publication. Any thread. */
  public LiveSnapshot snapshot() {
    return snapshot.get();
  }

  @Override
  public List<String> queueIds() {
    return queueIds;
  }

  @Override
  public WallboardFrame latest() {
    return frame.get();
  }

  @Override
  public Subscription subscribe(Consumer<WallboardFrame> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Publishes once a second of real time on {@code loop}'s thread (a daemon timer only asks the
   * loop; the loop does the work between inputs). Close the handle to stop.
   */
  public AutoCloseable everySecond(EngineLoop loop) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "acd-live-board");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> loop.runOnLoop(this::publish), 0, 1, TimeUnit.SECONDS);
    return timer::shutdownNow;
  }
}
