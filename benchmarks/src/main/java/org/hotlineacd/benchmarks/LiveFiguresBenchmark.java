package org.hotlineacd.benchmarks;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Aggregation cost per segment event: a fresh {@link FigureBook} takes a realistic, time-ordered
 * day of {@value #CALLS} calls on 6 queues (about 4 events each: queued, answered or abandoned,
 * talk ended, wrap-up ended), counting each into its 15-minute interval, its second of the
 * sliding-window ring, the running totals and the live open-wait set. One operation is one event.
 * {@code baseline} passes the same events to a listener that does nothing (the loop and dispatch).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LiveFiguresBenchmark {
  static final int CALLS = 25_000;
  static final int EVENTS = 97_486; // fixed by the seed; checked in setup
  private static final long SECOND = 1_000_000_000L;
  private SegmentEvent[] events;
  private FigureBook book;
  private Map<String, Thresholds> queues;
  private long sink;

  @Setup(Level.Trial)
  public void history() {
    queues = new LinkedHashMap<>();
    for (String q : List.of("general", "enterprise", "talent", "policy", "car-moving", "police-link")) {
      queues.put(q, Thresholds.DEFAULT);
    }
    List<String> ids = List.copyOf(queues.keySet());
    SplittableRandom rnd = new SplittableRandom(42);
    long day = 1_772_409_600L * SECOND; // 2026-03-02 00:00 Asia/Shanghai
    record Timed(long at, long seq, SegmentEvent e) {}
    List<Timed> all = new ArrayList<>();
    AgentId agent = AgentId.of("a1");
    for (int c = 0; c < CALLS; c++) {
      long q = day + (long) (rnd.nextDouble() * 86_400) * SECOND;
      SegmentKey key = new SegmentKey(CallId.of("c" + c), 0, ids.get(rnd.nextInt(ids.size())), "12345", q);
      long wait = rnd.nextLong(60) * SECOND;
      all.add(new Timed(q, all.size(), new SegmentQueued(key, 0, "13800000000", null)));
      if (rnd.nextInt(20) == 0) {
        all.add(new Timed(q + wait, all.size(), new SegmentAbandoned(key, q + wait, false, 0)));
        continue;
      }
      long talk = rnd.nextLong(600) * SECOND;
      all.add(new Timed(q + wait, all.size(), new SegmentAnswered(key, agent, q + wait, 1)));
      all.add(new Timed(q + wait + talk, all.size(),
          new SegmentTalkEnded(key, agent, q + wait + talk, talk, 0, CallEndSide.CALLER, null)));
      all.add(new Timed(q + wait + talk + 10 * SECOND, all.size(),
          new SegmentWrapUpEnded(key, agent, q + wait + talk + 10 * SECOND, 10 * SECOND, false, null, null, null)));
    }
    all.sort((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    events = all.stream().map(Timed::e).toArray(SegmentEvent[]::new);
    if (events.length != EVENTS) {
      throw new IllegalStateException("the history has " + events.length + " events; set EVENTS to it");
    }
  }

  @Setup(Level.Invocation)
  public void freshBook() {
    book = new FigureBook(queues, ZoneId.of("Asia/Shanghai"));
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public FigureBook figureBook() {
    for (SegmentEvent e : events) {
      book.on(e);
    }
    return book;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long baseline() {
    SegmentListener none = e -> sink += e.key().index();
    for (SegmentEvent e : events) {
      none.on(e);
    }
    return sink;
  }
}
