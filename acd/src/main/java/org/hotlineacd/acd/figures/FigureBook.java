package org.hotlineacd.acd.figures;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;

/**
 * The figure book: 15-minute interval sums per queue and for the whole centre, fed by the
 * engine's segment stream and read as {@link Figures} over any range (docs/figures.md).
 *
 * <p>Threading: not thread-safe. {@link #on} runs on the engine thread; query from that thread too
 * (or after the run), and publish copies to other threads. Deterministic: no clock is read, every
 * time comes from the events. Per event: a hash lookup of the queue and, for the centre, of the
 * call; interval lookups hit a two-entry cache except when time moves to a new interval.
 *
 * <p>Every segment event counts in the interval its segment was queued in, found from {@code
 * key.queuedNanos}. Within-T, short-abandon and long-call tests use the queue's thresholds when
 * the event arrives; the service-level formula is applied when figures are read.
 */
public final class FigureBook implements SegmentListener {
  private final IntervalClock clock;
  final IntervalStore store;
  private final RecentSeconds recent;
  /** Everything since the book started, counted as the intervals are: what counters expose. */
  private final Slot total;
  /** Segments queued and not yet answered, abandoned or overflowed (for the live rule). */
  private final Set<SegmentKey> openWaits = new HashSet<>();
  final CentreLedger centre = new CentreLedger();
  private final Map<String, Integer> queueIndex = new HashMap<>();
  private final List<String> queueIds = new ArrayList<>();
  private Thresholds[] thresholds = new Thresholds[0];
  private long[] answerTargetNanos = new long[0];
  private long[] shortAbandonNanos = new long[0];
  private long[] longCallNanos = new long[0];

  /** A book for the configured queues, in the configured time zone. */
  public FigureBook(AcdConfig config) {
    this(thresholdsOf(config), config.settings().timeZone());
  }

  /**
   * A book for these queues (id to thresholds, in report order) in this zone. A queue not listed
   * here is added with {@link Thresholds#DEFAULT} when its first segment arrives.
   */
  public FigureBook(Map<String, Thresholds> queueThresholds, ZoneId zone) {
    this.clock = new IntervalClock(zone);
    this.store = new IntervalStore(clock, queueThresholds.size());
    this.recent = new RecentSeconds(queueThresholds.size());
    this.total = new Slot(Long.MIN_VALUE, Long.MAX_VALUE, queueThresholds.size());
    queueThresholds.forEach(this::setThresholds);
  }

  /** The queues' thresholds from a configuration, in its queue order. */
  public static Map<String, Thresholds> thresholdsOf(AcdConfig config) {
    Map<String, Thresholds> map = new LinkedHashMap<>();
    for (QueueConfig q : config.queues()) {
      map.put(q.id(), q.thresholds());
    }
    return map;
  }

  /**
   * Takes new thresholds (a configuration reload): counts from now on use them; counts already
   * made keep the values they were made with. Queues no longer listed keep their last values.
   */
  public void reconfigure(Map<String, Thresholds> queueThresholds) {
    queueThresholds.forEach(this::setThresholds);
  }

  /**
   * Takes one segment milestone: counted in the segment's interval, in its second of the recent
   * ring (when that is within the last hour) and in the running total, all alike.
   */
  @Override
  public void on(SegmentEvent event) {
    int q = indexOf(event.key().queue());
    long queued = event.key().queuedNanos();
    Slot slot = store.slotFor(queued);
    Slot second = recent.slotFor(queued);
    count(slot.queue(q), event, q);
    count(total.queue(q), event, q);
    if (second != null) {
      count(second.queue(q), event, q);
    }
    switch (event) {
      case SegmentQueued e -> {
        openWaits.add(e.key());
        centre.queued(e, slot, second, total, answerTargetNanos[q], shortAbandonNanos[q], longCallNanos[q]);
      }
      case SegmentAnswered e -> {
        openWaits.remove(e.key());
        centre.answered(e);
      }
      case SegmentAbandoned e -> {
        openWaits.remove(e.key());
        centre.abandoned(e);
      }
      case SegmentOverflowed e -> {
        openWaits.remove(e.key());
        centre.overflowed(e);
      }
      case SegmentTalkEnded e -> centre.talkEnded(e);
      case SegmentWrapUpEnded e -> centre.wrapUpEnded(e);
    }
  }

  /** Counts one milestone into one queue tally. */
  private void count(Tally t, SegmentEvent event, int q) {
    switch (event) {
      case SegmentQueued e -> {
        t.offered++;
        if (e.transferInLabel() != null) {
          t.transferIn(e.transferInLabel());
        }
      }
      case SegmentAnswered e -> t.answered(e.waitNanos(), answerTargetNanos[q]);
      case SegmentAbandoned e -> t.abandoned(e.waitNanos(), answerTargetNanos[q], shortAbandonNanos[q]);
      case SegmentOverflowed e -> t.overflowed(e.waitNanos(), e.cause());
      case SegmentTalkEnded e -> {
        t.talked(e.talkNanos(), e.holdNanos(), longCallNanos[q]);
        if (e.transferLabel() != null) {
          t.transferOut(e.transferLabel());
        }
      }
      case SegmentWrapUpEnded e -> t.wrappedUp(e.wrapUpNanos());
    }
  }

  /**
   * The end of the sliding windows at {@code nowNanos}: {@code now} rounded up to a whole second.
   * A window of length w covers the segments queued in [end - w, end), so at a whole second on an
   * interval boundary "the last 15 minutes" is exactly the interval that just ended.
   */
  public static long windowEnd(long nowNanos) {
    return Math.ceilDiv(nowNanos, IntervalClock.NANOS_PER_SECOND) * IntervalClock.NANOS_PER_SECOND;
  }

  /**
   * The queue's figures over the segments queued in the sliding window of length {@code window}
   * (whole seconds, at most an hour) ending at {@link #windowEnd windowEnd(nowNanos)}.
   */
  public Figures queueRecent(String queueId, Duration window, long nowNanos) {
    long to = windowEnd(nowNanos);
    long from = to - windowNanos(window);
    return queueFigures(queueId, from, to, recent.range(from, to));
  }

  /** The whole centre's figures over a sliding window, as {@link #queueRecent}. */
  public Figures centreRecent(Duration window, long nowNanos) {
    long to = windowEnd(nowNanos);
    long from = to - windowNanos(window);
    return centreFigures(from, to, recent.range(from, to));
  }

  /** The queue's figures over everything since the book started (what counters expose). */
  public Figures queueSinceStart(String queueId) {
    Integer q = queueIndex.get(queueId);
    Tally t = q == null ? null : total.queueOrNull(q);
    return Figures.of(queueId, false, store.firstStart(), store.lastEnd(), thresholds(queueId), false,
        t == null ? new Tally() : t);
  }

  /** The whole centre's figures over everything since the book started. */
  public Figures centreSinceStart() {
    return Figures.of(Figures.CENTRE, true, store.firstStart(), store.lastEnd(), centreThresholds(),
        !uniformThresholds(), total.centre);
  }

  /**
   * How many of the queue's segments queued in [fromNanos, toNanos) are still waiting at {@code
   * nowNanos} with a wait of at most the queue's T: not yet a hit nor a miss (see {@link
   * Figures#liveServiceLevel}).
   */
  public long undecided(String queueId, long fromNanos, long toNanos, long nowNanos) {
    return undecidedByQueue(fromNanos, toNanos, nowNanos).getOrDefault(queueId, 0L);
  }

  /**
   * {@link #undecided} for every queue at once, in one pass over the waiting segments (a live
   * board asks for all queues every second: one pass per queue would cost queues x waiting).
   * Queues with none are absent.
   */
  public Map<String, Long> undecidedByQueue(long fromNanos, long toNanos, long nowNanos) {
    Map<String, Long> counts = new HashMap<>();
    for (SegmentKey k : openWaits) {
      long queued = k.queuedNanos();
      Integer q = queueIndex.get(k.queue());
      if (q != null && queued >= fromNanos && queued < toNanos && nowNanos - queued <= answerTargetNanos[q]) {
        counts.merge(k.queue(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The whole centre's undecided calls (first queued in the range, unanswered, wait at most T). */
  public long centreUndecided(long fromNanos, long toNanos, long nowNanos) {
    return centre.undecided(fromNanos, toNanos, nowNanos);
  }

  private static long windowNanos(Duration window) {
    if (window.isNegative() || window.isZero() || window.getNano() != 0
        || window.getSeconds() > RecentSeconds.SECONDS) {
      throw new IllegalArgumentException("a sliding window is 1 s to 1 h in whole seconds, was " + window);
    }
    return window.toNanos();
  }

  /**
   * Adds stored interval sums (an {@link IntervalRow} read back from the records database) as if
   * their segments had been fed: a book loaded from stored rows reads exactly as the book that
   * was fed the segments. A row of an unknown queue adds it with {@link Thresholds#DEFAULT}.
   */
  public void add(IntervalRow row) {
    Slot slot = store.slotFor(row.intervalStartNanos());
    Tally t = row.centre() ? slot.centre : slot.queue(indexOf(row.scope()));
    t.add(row);
  }

  /** The index of a queue (added with default thresholds when new), for {@link IntervalDeltas}. */
  int queueIndex(String queueId) {
    return indexOf(queueId);
  }

  /** The queue's figures over the intervals starting in [fromNanos, toNanos). */
  public Figures queue(String queueId, long fromNanos, long toNanos) {
    return queueFigures(queueId, fromNanos, toNanos, store.range(fromNanos, toNanos));
  }

  /** The whole centre's figures over the intervals starting in [fromNanos, toNanos). */
  public Figures centre(long fromNanos, long toNanos) {
    return centreFigures(fromNanos, toNanos, store.range(fromNanos, toNanos));
  }

  /** The queue's figures over every interval held. */
  public Figures queueTotal(String queueId) {
    return queueFigures(queueId, store.firstStart(), store.lastEnd(), store.all());
  }

  /** The whole centre's figures over every interval held. */
  public Figures centreTotal() {
    return centreFigures(store.firstStart(), store.lastEnd(), store.all());
  }

  /**
   * The queue's figures per period (only periods with at least one touched interval), in time
   * order, for intervals starting in [fromNanos, toNanos).
   */
  public List<Figures> queueByPeriod(String queueId, Period period, long fromNanos, long toNanos) {
    List<Figures> out = new ArrayList<>();
    for (List<Slot> group : byPeriod(period, fromNanos, toNanos)) {
      long start = clock.periodStart(period, group.get(0).startNanos);
      out.add(queueFigures(queueId, start, clock.periodEnd(period, start), group));
    }
    return out;
  }

  /** The whole centre's figures per period, as {@link #queueByPeriod}. */
  public List<Figures> centreByPeriod(Period period, long fromNanos, long toNanos) {
    List<Figures> out = new ArrayList<>();
    for (List<Slot> group : byPeriod(period, fromNanos, toNanos)) {
      long start = clock.periodStart(period, group.get(0).startNanos);
      out.add(centreFigures(start, clock.periodEnd(period, start), group));
    }
    return out;
  }

  /** The queue ids, configured ones first in configuration order, then any met in events. */
  public List<String> queueIds() {
    return List.copyOf(queueIds);
  }

  /** The thresholds a queue is counted with now ({@link Thresholds#DEFAULT} if unknown). */
  public Thresholds thresholds(String queueId) {
    Integer q = queueIndex.get(queueId);
    return q == null ? Thresholds.DEFAULT : thresholds[q];
  }

  /** The zone intervals are aligned in. */
  public ZoneId zone() {
    return clock.zone();
  }

  /** The start of the 15-minute interval holding an instant (epoch nanos). */
  public long intervalStart(long epochNanos) {
    return clock.intervalStart(epochNanos);
  }

  /** The start of the period of this kind holding an instant (epoch nanos). */
  public long periodStart(Period period, long epochNanos) {
    return clock.periodStart(period, epochNanos);
  }

  /** The start of the period after the one starting at {@code startNanos}. */
  public long periodEnd(Period period, long startNanos) {
    return clock.periodEnd(period, startNanos);
  }

  /** The start of the first interval held (epoch nanos), or 0 when empty. */
  public long firstIntervalStart() {
    return store.firstStart();
  }

  /** The end of the last interval held (epoch nanos), or 0 when empty. */
  public long lastIntervalEnd() {
    return store.lastEnd();
  }

  /** How many calls are in the ACD now (the centre's live map; it empties as calls complete). */
  public int liveCalls() {
    return centre.liveCalls();
  }

  /** How many intervals have been touched. */
  public int intervalCount() {
    return store.size();
  }

  private Figures queueFigures(String queueId, long from, long to, Collection<Slot> slots) {
    Integer q = queueIndex.get(queueId);
    Tally sum = new Tally();
    if (q != null) {
      for (Slot s : slots) {
        Tally t = s.queueOrNull(q);
        if (t != null) {
          sum.add(t);
        }
      }
    }
    return Figures.of(queueId, false, from, to, thresholds(queueId), false, sum);
  }

  private Figures centreFigures(long from, long to, Collection<Slot> slots) {
    Tally sum = new Tally();
    for (Slot s : slots) {
      sum.add(s.centre);
    }
    return Figures.of(Figures.CENTRE, true, from, to, centreThresholds(), !uniformThresholds(), sum);
  }

  /**
   * The thresholds stated for the centre: the queues' common ones, or else the first queue's
   * formula with the default T, S and L (each call was counted with its first queue's values).
   */
  public Thresholds centreThresholds() {
    if (thresholds.length == 0) {
      return Thresholds.DEFAULT;
    }
    if (uniformThresholds()) {
      return thresholds[0];
    }
    Thresholds d = Thresholds.DEFAULT;
    return new Thresholds(d.answerTarget(), d.shortAbandon(), d.longCall(), thresholds[0].formula());
  }

  private boolean uniformThresholds() {
    for (Thresholds t : thresholds) {
      if (!t.equals(thresholds[0])) {
        return false;
      }
    }
    return true;
  }

  private List<List<Slot>> byPeriod(Period period, long from, long to) {
    List<List<Slot>> groups = new ArrayList<>();
    long currentEnd = Long.MIN_VALUE;
    List<Slot> current = null;
    for (Slot s : store.range(from, to)) {
      if (current == null || s.startNanos >= currentEnd) {
        long start = clock.periodStart(period, s.startNanos);
        currentEnd = clock.periodEnd(period, start);
        current = new ArrayList<>();
        groups.add(current);
      }
      current.add(s);
    }
    return groups;
  }

  private int indexOf(String queueId) {
    Integer q = queueIndex.get(queueId);
    return q != null ? q : setThresholds(queueId, Thresholds.DEFAULT);
  }

  private int setThresholds(String queueId, Thresholds value) {
    Objects.requireNonNull(value, "thresholds of " + queueId);
    Integer q = queueIndex.get(queueId);
    if (q == null) {
      q = queueIds.size();
      queueIds.add(queueId);
      queueIndex.put(queueId, q);
      thresholds = Arrays.copyOf(thresholds, q + 1);
      answerTargetNanos = Arrays.copyOf(answerTargetNanos, q + 1);
      shortAbandonNanos = Arrays.copyOf(shortAbandonNanos, q + 1);
      longCallNanos = Arrays.copyOf(longCallNanos, q + 1);
      store.queueCount(q + 1);
      recent.queueCount(q + 1);
    }
    thresholds[q] = value;
    answerTargetNanos[q] = value.answerTarget().toNanos();
    shortAbandonNanos[q] = value.shortAbandon().toNanos();
    longCallNanos[q] = value.longCall().toNanos();
    return q;
  }
}
