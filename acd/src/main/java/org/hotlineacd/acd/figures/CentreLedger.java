package org.hotlineacd.acd.figures;

import java.util.HashMap;
import java.util.Map;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.model.CallId;

/**
 * The whole-centre figures: each call counted once, in the interval of its first segment's
 * queue entry and with that queue's thresholds (docs/figures.md, "The whole centre").
 *
 * <p>Every call has exactly one centre outcome: answered (any segment answered; wait = first
 * answer − first queued), else abandoned or overflowed out of the ACD by its last segment. Talk,
 * hold and wrap-up are the sums over the call's segments, added (with the long-call test on the
 * total) when the call completes. Completion: no segment open and none announced by a transfer or
 * overflow to a queue. Completed calls leave the live map, so it holds only calls in the ACD.
 *
 * <p>A segment of a call whose first segment was not seen (the book started mid-call) is ignored
 * here; the per-queue figures still count it.
 */
final class CentreLedger {
  /** Prefix of a transfer label naming a queue: such a transfer stays in the ACD. */
  static final String QUEUE_LABEL_PREFIX = "queue:";

  private static final String OVERFLOW_TO_QUEUE = "queue";

  private final Map<CallId, LiveCall> live = new HashMap<>();

  /**
   * One call in the ACD. {@code tally} is the centre tally of its first segment's interval;
   * {@code also} are the same call's tallies in the other views (the recent-second ring, whose
   * slot may be null when too old, and the running total), counted exactly alike.
   */
  private static final class LiveCall {
    final long firstQueuedNanos;
    final Tally tally;
    final Tally recent;
    final Tally total;
    final long answerTargetNanos;
    final long shortAbandonNanos;
    final long longCallNanos;
    int openSegments = 1;
    int announcedSegments;
    boolean answered;
    boolean talked;
    boolean wrapped;
    long talkNanos;
    long holdNanos;
    long wrapUpNanos;

    LiveCall(long firstQueuedNanos, Tally tally, Tally recent, Tally total, long t, long s, long l) {
      this.firstQueuedNanos = firstQueuedNanos;
      this.tally = tally;
      this.recent = recent;
      this.total = total;
      this.answerTargetNanos = t;
      this.shortAbandonNanos = s;
      this.longCallNanos = l;
    }
  }

  int liveCalls() {
    return live.size();
  }

  /** The first queue entry of the oldest call in the ACD, or {@code Long.MAX_VALUE} when none. */
  long oldestLiveQueuedNanos() {
    long oldest = Long.MAX_VALUE;
    for (LiveCall c : live.values()) {
      oldest = Math.min(oldest, c.firstQueuedNanos);
    }
    return oldest;
  }

  /**
   * How many calls whose first segment was queued in [fromNanos, toNanos) are still unanswered in
   * the ACD with a wait (from the first queue entry to {@code nowNanos}) of at most their T.
   */
  long undecided(long fromNanos, long toNanos, long nowNanos) {
    long n = 0;
    for (LiveCall c : live.values()) {
      if (!c.answered && c.firstQueuedNanos >= fromNanos && c.firstQueuedNanos < toNanos
          && nowNanos - c.firstQueuedNanos <= c.answerTargetNanos) {
        n++;
      }
    }
    return n;
  }

  /**
   * A segment was queued; {@code slot} is its interval, {@code recent} its second in the ring (or
   * null), {@code total} the running total, {@code t/s/l} its queue's thresholds.
   */
  void queued(SegmentQueued e, Slot slot, Slot recent, Slot total, long t, long s, long l) {
    SegmentKey key = e.key();
    if (key.firstOfCall()) {
      LiveCall c = new LiveCall(key.queuedNanos(), slot.centre, recent == null ? null : recent.centre, total.centre,
          t, s, l);
      live.put(key.call(), c);
      offered(c.tally, e);
      offered(c.total, e);
      if (c.recent != null) {
        offered(c.recent, e);
      }
      return;
    }
    LiveCall c = live.get(key.call());
    if (c != null) {
      c.openSegments++;
      if (c.announcedSegments > 0) {
        c.announcedSegments--;
      }
    }
  }

  private static void offered(Tally t, SegmentQueued e) {
    t.offered++;
    if (e.transferInLabel() != null) {
      t.transferIn(e.transferInLabel());
    }
  }

  void answered(SegmentAnswered e) {
    LiveCall c = live.get(e.key().call());
    if (c != null && !c.answered) {
      c.answered = true;
      long wait = e.answeredNanos() - c.firstQueuedNanos;
      c.tally.answered(wait, c.answerTargetNanos);
      c.total.answered(wait, c.answerTargetNanos);
      if (c.recent != null) {
        c.recent.answered(wait, c.answerTargetNanos);
      }
    }
  }

  void abandoned(SegmentAbandoned e) {
    LiveCall c = live.get(e.key().call());
    if (c == null) {
      return;
    }
    if (!c.answered) {
      long wait = e.endedNanos() - c.firstQueuedNanos;
      c.tally.abandoned(wait, c.answerTargetNanos, c.shortAbandonNanos);
      c.total.abandoned(wait, c.answerTargetNanos, c.shortAbandonNanos);
      if (c.recent != null) {
        c.recent.abandoned(wait, c.answerTargetNanos, c.shortAbandonNanos);
      }
    }
    segmentDone(e.key().call(), c);
  }

  void overflowed(SegmentOverflowed e) {
    LiveCall c = live.get(e.key().call());
    if (c == null) {
      return;
    }
    if (OVERFLOW_TO_QUEUE.equals(e.kind())) {
      c.announcedSegments++;
    } else if (!c.answered) {
      long wait = e.leftNanos() - c.firstQueuedNanos;
      c.tally.overflowed(wait, e.cause());
      c.total.overflowed(wait, e.cause());
      if (c.recent != null) {
        c.recent.overflowed(wait, e.cause());
      }
    }
    segmentDone(e.key().call(), c);
  }

  void talkEnded(SegmentTalkEnded e) {
    LiveCall c = live.get(e.key().call());
    if (c == null) {
      return;
    }
    c.talked = true;
    c.talkNanos += e.talkNanos();
    c.holdNanos += e.holdNanos();
    String label = e.transferLabel();
    if (label != null) {
      if (label.startsWith(QUEUE_LABEL_PREFIX)) {
        c.announcedSegments++;
      } else {
        c.tally.transferOut(label);
        c.total.transferOut(label);
        if (c.recent != null) {
          c.recent.transferOut(label);
        }
      }
    }
  }

  void wrapUpEnded(SegmentWrapUpEnded e) {
    LiveCall c = live.get(e.key().call());
    if (c == null) {
      return;
    }
    c.wrapped = true;
    c.wrapUpNanos += e.wrapUpNanos();
    segmentDone(e.key().call(), c);
  }

  private void segmentDone(CallId call, LiveCall c) {
    c.openSegments--;
    if (c.openSegments > 0 || c.announcedSegments > 0) {
      return;
    }
    live.remove(call);
    complete(c, c.tally);
    complete(c, c.total);
    if (c.recent != null) {
      complete(c, c.recent);
    }
  }

  private static void complete(LiveCall c, Tally t) {
    if (c.talked) {
      t.talked(c.talkNanos, c.holdNanos, c.longCallNanos);
    }
    if (c.wrapped) {
      t.wrappedUp(c.wrapUpNanos);
    }
  }
}
