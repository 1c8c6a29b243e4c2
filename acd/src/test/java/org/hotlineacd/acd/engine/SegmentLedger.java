package org.hotlineacd.acd.engine;

import java.util.HashMap;
import java.util.Map;
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
 * Checks the segment stream as it arrives: every segment that entered a queue ends exactly once as
 * answered, abandoned or overflowed; an answer is followed by one talk end and one wrap-up end;
 * waits, talk, hold and wrap-up are never negative. Keeps totals to compare with figures.
 */
final class SegmentLedger implements SegmentListener {
  enum Stage { QUEUED, ANSWERED, TALK_ENDED, DONE }

  final Map<SegmentKey, Stage> stages = new HashMap<>();
  long queued;
  long answered;
  long abandoned;
  long overflowed;
  long talkEnded;
  long wrapUpEnded;
  long waitSumAnsweredNanos;
  long talkSumNanos;

  @Override
  public void on(SegmentEvent event) {
    SegmentKey k = event.key();
    switch (event) {
      case SegmentQueued q -> {
        require(stages.put(k, Stage.QUEUED) == null, "segment queued twice: " + k);
        queued++;
      }
      case SegmentAnswered a -> {
        advance(k, Stage.QUEUED, Stage.ANSWERED);
        require(a.waitNanos() >= 0, "negative wait " + a);
        require(a.offers() >= 1, "answered without an offer " + a);
        answered++;
        waitSumAnsweredNanos += a.waitNanos();
      }
      case SegmentAbandoned a -> {
        advance(k, Stage.QUEUED, Stage.DONE);
        require(a.waitNanos() >= 0, "negative wait " + a);
        abandoned++;
      }
      case SegmentOverflowed o -> {
        advance(k, Stage.QUEUED, Stage.DONE);
        require(o.waitNanos() >= 0, "negative wait " + o);
        overflowed++;
      }
      case SegmentTalkEnded t -> {
        advance(k, Stage.ANSWERED, Stage.TALK_ENDED);
        require(t.talkNanos() >= 0 && t.holdNanos() >= 0 && t.holdNanos() <= t.talkNanos(), "bad talk " + t);
        talkEnded++;
        talkSumNanos += t.talkNanos();
      }
      case SegmentWrapUpEnded w -> {
        advance(k, Stage.TALK_ENDED, Stage.DONE);
        require(w.wrapUpNanos() >= 0, "negative wrap-up " + w);
        wrapUpEnded++;
      }
    }
  }

  private void advance(SegmentKey k, Stage from, Stage to) {
    Stage now = stages.get(k);
    require(now == from, "segment " + k + " went " + now + " -> " + to + ", expected from " + from);
    stages.put(k, to);
  }

  long open() {
    return stages.values().stream().filter(s -> s == Stage.QUEUED).count();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
