package org.hotlineacd.acd.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotlineacd.acd.figures.FigureFixtures.AGENT;
import static org.hotlineacd.acd.figures.FigureFixtures.SECOND;
import static org.hotlineacd.acd.figures.FigureFixtures.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;
import org.junit.jupiter.api.Test;

/**
 * Invariants over random segment histories: any range of intervals sums to the figures computed
 * directly from the per-segment (and per-call) data, and with one segment per call the queues add
 * up to the centre. Each seed is printed when it fails.
 */
class FigureRandomizedTest {
  private static final int SEEDS = 300;
  private static final List<ZoneId> ZONES = List.of(
      ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Europe/Berlin"),
      ZoneId.of("America/St_Johns"), ZoneId.of("UTC"), ZoneId.of("+05:07"));
  private static final List<String> QUEUES = List.of("general", "enterprise", "english");

  enum Outcome { ANSWERED, ABANDONED, OVERFLOWED }

  /** One segment as the reference sees it. */
  record Seg(SegmentKey key, String transferIn, Outcome outcome, long waitNanos, long talk, long hold,
      long wrap, String transferLabel, String cause, String kind) {}

  /** One generated history: queues' thresholds, segments by call, and the events in emit order. */
  record History(ZoneId zone, Map<String, Thresholds> thresholds, List<List<Seg>> calls, List<SegmentEvent> events) {}

  @Test
  void anyRangeOfIntervals_sumsToTheFiguresComputedFromTheSegments() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        checkRanges(generate(seed, true), new Random(seed * 31));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed with seed " + seed, e);
      }
    }
  }

  @Test
  void withOneSegmentPerCall_queueTotalsAddUpToTheCentre() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      try {
        History h = generate(seed, false);
        FigureBook book = feed(h);
        List<Figures> queues = book.queueIds().stream().map(book::queueTotal).toList();
        assertThat(counts(queues)).isEqualTo(counts(List.of(book.centreTotal())));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed with seed " + seed, e);
      }
    }
  }

  @Test
  void slidingWindowsOnIntervalBoundaries_equalTheReport_andRunningTotalsEqualAllIntervals() {
    for (long seed = 1; seed <= 100; seed++) {
      try {
        History h = generate(seed, true);
        Random rnd = new Random(seed * 17);
        FigureBook book = new FigureBook(h.thresholds(), h.zone());
        TreeSet<Long> checkpoints = new TreeSet<>();
        long first = timeOf(h.events().get(0));
        long last = timeOf(h.events().get(h.events().size() - 1));
        for (int i = 0; i < 10; i++) {
          checkpoints.add(interval(first + (long) (rnd.nextDouble() * (last - first)), h.zone()));
        }
        for (SegmentEvent e : h.events()) {
          while (!checkpoints.isEmpty() && checkpoints.first() <= timeOf(e)) {
            checkWindows(book, checkpoints.pollFirst());
          }
          book.on(e);
        }
        for (String q : QUEUES) {
          assertThat(counts(List.of(book.queueSinceStart(q)))).isEqualTo(counts(List.of(book.queueTotal(q))));
        }
        assertThat(counts(List.of(book.centreSinceStart()))).isEqualTo(counts(List.of(book.centreTotal())));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed with seed " + seed, e);
      }
    }
  }

  /** At an interval boundary, before any event of that instant, the windows are whole intervals. */
  private static void checkWindows(FigureBook book, long now) {
    for (java.time.Duration w : List.of(java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(60))) {
      long from = now - w.toNanos();
      for (String q : QUEUES) {
        assertThat(book.queueRecent(q, w, now)).as("queue %s last %s at %d", q, w, now).isEqualTo(book.queue(q, from, now));
      }
      assertThat(book.centreRecent(w, now)).as("centre last %s at %d", w, now).isEqualTo(book.centre(from, now));
    }
  }

  /** When the engine would emit the event. */
  static long timeOf(SegmentEvent e) {
    return switch (e) {
      case SegmentQueued q -> q.key().queuedNanos();
      case SegmentAnswered a -> a.answeredNanos();
      case SegmentAbandoned a -> a.endedNanos();
      case SegmentOverflowed o -> o.leftNanos();
      case SegmentTalkEnded t -> t.endedNanos();
      case SegmentWrapUpEnded w -> w.endedNanos();
    };
  }

  private static void checkRanges(History h, Random rnd) {
    FigureBook book = feed(h);
    assertThat(book.liveCalls()).as("every call completed").isZero();
    TreeSet<Long> starts = new TreeSet<>();
    h.calls().forEach(c -> c.forEach(s -> starts.add(interval(s.key().queuedNanos(), h.zone()))));
    List<Long> points = new ArrayList<>(starts);
    points.add(Long.MIN_VALUE);
    points.add(Long.MAX_VALUE);
    for (int i = 0; i < 10; i++) {
      points.add(starts.first() + (long) (rnd.nextDouble() * (starts.last() - starts.first())));
    }
    for (int r = 0; r < 20; r++) {
      long a = points.get(rnd.nextInt(points.size()));
      long b = points.get(rnd.nextInt(points.size()));
      long from = Math.min(a, b);
      long to = Math.max(a, b);
      for (String q : QUEUES) {
        assertThat(book.queue(q, from, to)).as("queue %s [%d, %d)", q, from, to)
            .isEqualTo(expectedQueue(h, q, from, to));
      }
      Figures centre = book.centre(from, to);
      assertThat(centre).as("centre [%d, %d)", from, to).isEqualTo(expectedCentre(h, centre, from, to));
    }
    for (Period p : Period.values()) {
      List<Figures> periods = book.centreByPeriod(p, Long.MIN_VALUE, Long.MAX_VALUE);
      for (int i = 1; i < periods.size(); i++) {
        assertThat(periods.get(i).fromNanos()).as("%s periods in order", p)
            .isGreaterThanOrEqualTo(periods.get(i - 1).toNanos());
      }
      assertThat(counts(periods)).as("%s roll-up", p).isEqualTo(counts(List.of(book.centreTotal())));
    }
    Map<LocalDate, Long> callsByDay = new TreeMap<>();
    h.calls().forEach(c -> callsByDay.merge(localDate(c.get(0).key().queuedNanos(), h.zone()), 1L, Long::sum));
    Map<LocalDate, Long> booked = new TreeMap<>();
    for (Figures day : book.centreByPeriod(Period.DAY, Long.MIN_VALUE, Long.MAX_VALUE)) {
      LocalDate date = localDate(day.fromNanos(), h.zone());
      assertThat(day.fromNanos()).isEqualTo(date.atStartOfDay(h.zone()).toEpochSecond() * SECOND);
      booked.put(date, day.offered());
    }
    assertThat(booked).as("calls by local day").isEqualTo(callsByDay);
  }

  private static LocalDate localDate(long nanos, ZoneId zone) {
    return Instant.ofEpochSecond(0, nanos).atZone(zone).toLocalDate();
  }

  private static FigureBook feed(History h) {
    FigureBook book = new FigureBook(h.thresholds(), h.zone());
    h.events().forEach(book::on);
    return book;
  }

  // ---- the reference: straight from the per-segment data ----

  /** The interval start computed another way than the book does: with ZonedDateTime. */
  static long interval(long nanos, ZoneId zone) {
    ZonedDateTime z = Instant.ofEpochSecond(0, nanos).atZone(zone);
    return z.withNano(0).withSecond(0).withMinute(z.getMinute() / 15 * 15).toEpochSecond() * SECOND;
  }

  private static Figures expectedQueue(History h, String queue, long from, long to) {
    Thresholds th = h.thresholds().get(queue);
    Expected x = new Expected();
    for (List<Seg> call : h.calls()) {
      for (Seg s : call) {
        long start = interval(s.key().queuedNanos(), h.zone());
        if (s.key().queue().equals(queue) && start >= from && start < to) {
          x.segment(s, th);
        }
      }
    }
    return x.figures(queue, false, from, to, th, false);
  }

  private static Figures expectedCentre(History h, Figures actual, long from, long to) {
    Expected x = new Expected();
    for (List<Seg> call : h.calls()) {
      Seg first = call.get(0);
      long start = interval(first.key().queuedNanos(), h.zone());
      if (start >= from && start < to) {
        x.call(call, h.thresholds().get(first.key().queue()));
      }
    }
    return x.figures(Figures.CENTRE, true, from, to, actual.thresholds(), actual.perQueueThresholds());
  }

  /** The reference sums: the definitions of METRICS.md and docs/figures.md, written out once more. */
  static final class Expected {
    long offered, answered, withinT, abandoned, shortAbandons, abandonedWithinT, overflowed;
    long answeredWait, queueTime, talks, talk, longCalls, hold, wrapUps, wrap;
    final Map<String, Long> byCause = new TreeMap<>();
    final Map<String, Long> out = new TreeMap<>();
    final Map<String, Long> in = new TreeMap<>();

    void segment(Seg s, Thresholds th) {
      offered++;
      label(in, s.transferIn());
      switch (s.outcome()) {
        case ANSWERED -> {
          answered(s.waitNanos(), th);
          talked(s.talk(), s.hold(), th);
          wrapUps++;
          wrap += s.wrap();
          label(out, s.transferLabel());
        }
        case ABANDONED -> abandoned(s.waitNanos(), th);
        case OVERFLOWED -> overflowed(s.waitNanos(), s.cause());
      }
    }

    void call(List<Seg> call, Thresholds th) {
      Seg first = call.get(0);
      long q0 = first.key().queuedNanos();
      offered++;
      label(in, first.transferIn());
      Seg firstAnswered = call.stream().filter(s -> s.outcome() == Outcome.ANSWERED).findFirst().orElse(null);
      Seg last = call.get(call.size() - 1);
      if (firstAnswered != null) {
        answered(firstAnswered.key().queuedNanos() + firstAnswered.waitNanos() - q0, th);
        List<Seg> handled = call.stream().filter(s -> s.outcome() == Outcome.ANSWERED).toList();
        talked(handled.stream().mapToLong(Seg::talk).sum(), handled.stream().mapToLong(Seg::hold).sum(), th);
        wrapUps++;
        wrap += handled.stream().mapToLong(Seg::wrap).sum();
        handled.stream().map(Seg::transferLabel).filter(l -> l != null && !l.startsWith("queue:"))
            .forEach(l -> label(out, l));
      } else if (last.outcome() == Outcome.ABANDONED) {
        abandoned(last.key().queuedNanos() + last.waitNanos() - q0, th);
      } else {
        overflowed(last.key().queuedNanos() + last.waitNanos() - q0, last.cause());
      }
    }

    private void answered(long w, Thresholds th) {
      answered++;
      answeredWait += w;
      queueTime += w;
      withinT += w <= th.answerTarget().toNanos() ? 1 : 0;
    }

    private void talked(long t, long h, Thresholds th) {
      talks++;
      talk += t;
      hold += h;
      longCalls += t > th.longCall().toNanos() ? 1 : 0;
    }

    private void abandoned(long w, Thresholds th) {
      abandoned++;
      queueTime += w;
      long s = th.shortAbandon().toNanos();
      shortAbandons += s > 0 && w <= s ? 1 : 0;
      abandonedWithinT += w <= th.answerTarget().toNanos() ? 1 : 0;
    }

    private void overflowed(long w, String cause) {
      overflowed++;
      queueTime += w;
      label(byCause, cause);
    }

    private static void label(Map<String, Long> map, String label) {
      if (label != null) {
        map.merge(label, 1L, Long::sum);
      }
    }

    Figures figures(String scope, boolean centre, long from, long to, Thresholds th, boolean perQueue) {
      return new Figures(scope, centre, from, to, th, perQueue, offered, answered, withinT, abandoned,
          shortAbandons, abandonedWithinT, overflowed, byCause, answeredWait, queueTime, talks, talk,
          longCalls, hold, wrapUps, wrap, out, in);
    }
  }

  /** The stored counts of some figures, summed, as one comparable list. */
  private static List<Object> counts(List<Figures> list) {
    long[] sums = new long[15];
    Map<String, Long> causes = new TreeMap<>();
    Map<String, Long> out = new TreeMap<>();
    Map<String, Long> in = new TreeMap<>();
    for (Figures f : list) {
      long[] v = {f.offered(), f.answered(), f.answeredWithinT(), f.abandoned(), f.shortAbandons(),
          f.abandonedWithinT(), f.overflowed(), f.answeredWaitNanos(), f.queueTimeNanos(), f.talks(),
          f.talkNanos(), f.longCalls(), f.holdNanos(), f.wrapUps(), f.wrapUpNanos()};
      for (int i = 0; i < v.length; i++) {
        sums[i] += v[i];
      }
      f.overflowedByCause().forEach((k, n) -> causes.merge(k, n, Long::sum));
      f.transfersOut().forEach((k, n) -> out.merge(k, n, Long::sum));
      f.transfersIn().forEach((k, n) -> in.merge(k, n, Long::sum));
    }
    List<Object> all = new ArrayList<>();
    for (long s : sums) {
      all.add(s);
    }
    all.add(causes);
    all.add(out);
    all.add(in);
    return all;
  }

  // ---- generation ----

  private static History generate(long seed, boolean multiSegment) {
    Random rnd = new Random(seed);
    ZoneId zone = ZONES.get(rnd.nextInt(ZONES.size()));
    Map<String, Thresholds> thresholds = new LinkedHashMap<>();
    for (String q : QUEUES) {
      thresholds.put(q, FigureFixtures.thresholds(pick(rnd, 10, 20, 30), pick(rnd, 0, 3, 5),
          pick(rnd, 60, 120, 600), ServiceLevelFormula.values()[rnd.nextInt(3)]));
    }
    long base = at("2024-10-26T20:00:00", zone); // spans Berlin's DST fall-back
    long span = 36 * 3600 * SECOND;
    int callCount = 20 + rnd.nextInt(150);
    List<List<Seg>> calls = new ArrayList<>();
    List<long[]> order = new ArrayList<>(); // {time, sequence}, parallel to events
    List<SegmentEvent> events = new ArrayList<>();
    for (int c = 0; c < callCount; c++) {
      List<Seg> segs = new ArrayList<>();
      int count = multiSegment ? 1 + rnd.nextInt(3) : 1;
      long t = base + (long) (rnd.nextDouble() * span);
      String queue = QUEUES.get(rnd.nextInt(QUEUES.size()));
      for (int i = 0; i < count; i++) {
        Thresholds th = thresholds.get(queue);
        boolean last = i == count - 1;
        String next = QUEUES.get(rnd.nextInt(QUEUES.size()));
        SegmentKey key = new SegmentKey(CallId.of("c" + c), i, queue, "line", t);
        String transferIn = i == 0 ? pick(rnd, null, null, "110", "12315") : null;
        long wait = duration(rnd, 120, th.answerTarget().toNanos(), th.shortAbandon().toNanos(), 0);
        long talk = duration(rnd, 900, th.longCall().toNanos(), th.longCall().toNanos() + 1, 0);
        long hold = talk / 4 > 0 ? (long) (rnd.nextDouble() * (talk / 4)) : 0;
        long wrap = rnd.nextInt(4) == 0 ? 0 : (long) (rnd.nextDouble() * 60 * SECOND);
        Seg seg;
        int roll = rnd.nextInt(10);
        if (!last) {
          seg = rnd.nextBoolean()
              ? new Seg(key, transferIn, Outcome.ANSWERED, wait, talk, hold, wrap, "queue:" + next, null, null)
              : new Seg(key, transferIn, Outcome.OVERFLOWED, wait, 0, 0, 0, null, "max-wait", "queue");
        } else if (roll < 6) {
          seg = new Seg(key, transferIn, Outcome.ANSWERED, wait, talk, hold, wrap,
              pick(rnd, null, null, null, "110", "out-of-province"), null, null);
        } else if (roll < 8) {
          seg = new Seg(key, transferIn, Outcome.ABANDONED, wait, 0, 0, 0, null, null, null);
        } else {
          seg = new Seg(key, transferIn, Outcome.OVERFLOWED, wait, 0, 0, 0, null,
              pick(rnd, "max-wait", "max-length", "no-agents"), pick(rnd, "voicemail", "callback", "external"));
        }
        segs.add(seg);
        emit(seg, events, order);
        t = seg.outcome() == Outcome.ANSWERED ? t + wait + talk : t + wait;
        queue = next;
      }
      calls.add(segs);
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      idx.add(i);
    }
    idx.sort(Comparator.<Integer>comparingLong(i -> order.get(i)[0]).thenComparingLong(i -> order.get(i)[1]));
    return new History(zone, thresholds, calls, idx.stream().map(events::get).toList());
  }

  private static void emit(Seg s, List<SegmentEvent> events, List<long[]> order) {
    SegmentKey k = s.key();
    long q = k.queuedNanos();
    add(events, order, q, new SegmentQueued(k, 0, "13800000000", s.transferIn()));
    switch (s.outcome()) {
      case ANSWERED -> {
        add(events, order, q + s.waitNanos(), new SegmentAnswered(k, AGENT, q + s.waitNanos(), 1));
        long end = q + s.waitNanos() + s.talk();
        add(events, order, end, new SegmentTalkEnded(k, AGENT, end, s.talk(), s.hold(), CallEndSide.CALLER, s.transferLabel()));
        add(events, order, end + s.wrap(), new SegmentWrapUpEnded(k, AGENT, end + s.wrap(), s.wrap(), false, null, null, null));
      }
      case ABANDONED -> add(events, order, q + s.waitNanos(), new SegmentAbandoned(k, q + s.waitNanos(), false, 0));
      case OVERFLOWED -> add(events, order, q + s.waitNanos(),
          new SegmentOverflowed(k, q + s.waitNanos(), s.cause(), s.kind(), s.kind().equals("queue") ? "x" : ""));
    }
  }

  private static void add(List<SegmentEvent> events, List<long[]> order, long time, SegmentEvent e) {
    order.add(new long[] {time, events.size()});
    events.add(e);
  }

  /** A random duration up to {@code maxSeconds}, often exactly one of the given edge values. */
  private static long duration(Random rnd, int maxSeconds, long... edges) {
    return rnd.nextInt(4) == 0 ? edges[rnd.nextInt(edges.length)] : (long) (rnd.nextDouble() * maxSeconds * SECOND);
  }

  @SafeVarargs
  private static <T> T pick(Random rnd, T... values) {
    return values[rnd.nextInt(values.length)];
  }
}
