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

  /** One call in the ACD. */
  private static final class LiveCall {
    final long firstQueuedNanos;
    final Tally tally;
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

    LiveCall(long firstQueuedNanos, Tally tally, long t, long s, long l) {
      this.firstQueuedNanos = firstQueuedNanos;
      this.tally = tally;
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

  /** A segment was queued; {@code slot} is its interval, {@code t/s/l} its queue's thresholds. */
  void queued(SegmentQueued e, Slot slot, long t, long s, long l) {
    SegmentKey key = e.key();
    if (key.firstOfCall()) {
      LiveCall c = new LiveCall(key.queuedNanos(), slot.centre, t, s, l);
      live.put(key.call(), c);
      c.tally.offered++;
      if (e.transferInLabel() != null) {
        c.tally.transferIn(e.transferInLabel());
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

  void answered(SegmentAnswered e) {
    LiveCall c = live.get(e.key().call());
    if (c != null && !c.answered) {
      c.answered = true;
      c.tally.answered(e.answeredNanos() - c.firstQueuedNanos, c.answerTargetNanos);
    }
  }

  void abandoned(SegmentAbandoned e) {
    LiveCall c = live.get(e.key().call());
    if (c == null) {
      return;
    }
    if (!c.answered) {
      c.tally.abandoned(e.endedNanos() - c.firstQueuedNanos, c.answerTargetNanos, c.shortAbandonNanos);
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
      c.tally.overflowed(e.leftNanos() - c.firstQueuedNanos, e.cause());
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
    if (c.talked) {
      c.tally.talked(c.talkNanos, c.holdNanos, c.longCallNanos);
    }
    if (c.wrapped) {
      c.tally.wrappedUp(c.wrapUpNanos);
    }
  }
}
