package org.hotlineacd.acd.records;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.records.SegmentRecord.Outcome;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;
import org.hotlineacd.cti.model.CallId;

/**
 * Builds segment and call records from the segment stream: a segment record when the segment
 * finishes (abandoned, overflowed, or wrapped up after its talk), a call record when the call's
 * last segment finishes. A call is complete by the rule of the figures' centre ledger
 * (docs/figures.md): no segment open and none announced by a transfer or overflow to a queue.
 *
 * <p>Not thread-safe: the records writer's thread owns it. A milestone of a segment that was never
 * seen queued (the process started mid-call) is counted in {@link #orphans()} and skipped.
 */
final class CallAssembler {
  private static final String QUEUE_LABEL_PREFIX = "queue:";
  private static final String OVERFLOW_TO_QUEUE = "queue";

  private final ZoneId zone;
  private final Map<CallId, OpenCall> calls = new HashMap<>();
  private long orphans;

  CallAssembler(ZoneId zone) {
    this.zone = zone;
  }

  /** A call in the ACD: its finished segments and the open ones. */
  private static final class OpenCall {
    final String recordId;
    final SegmentQueued first;
    final List<SegmentRecord> done = new ArrayList<>();
    final Map<Integer, OpenSegment> open = new HashMap<>();
    int announced;
    /** The first recording's base name, from the engine's talk-end event. */
    String recordingFile;

    OpenCall(String recordId, SegmentQueued first) {
      this.recordId = recordId;
      this.first = first;
    }
  }

  /** One segment until it finishes. */
  private static final class OpenSegment {
    final SegmentQueued queued;
    SegmentAnswered answered;
    SegmentTalkEnded talk;

    OpenSegment(SegmentQueued queued) {
      this.queued = queued;
    }
  }

  /** Records finished by one milestone. */
  record Finished(List<SegmentRecord> segments, List<CallRecord> calls) {}

  /** How many milestones were skipped because their segment was never seen queued. */
  long orphans() {
    return orphans;
  }

  /** How many calls are open. */
  int openCalls() {
    return calls.size();
  }

  /** The stable record id of a call: its id and first queue entry (epoch millis). */
  static String recordId(CallId call, long firstQueuedNanos) {
    return call.value() + "-" + Math.floorDiv(firstQueuedNanos, 1_000_000L);
  }

  /** Takes one milestone; adds what it finished to {@code segments} and {@code done}. */
  void on(SegmentEvent event, List<SegmentRecord> segments, List<CallRecord> done) {
    SegmentKey key = event.key();
    if (event instanceof SegmentQueued q) {
      queued(q);
      return;
    }
    OpenCall call = calls.get(key.call());
    OpenSegment seg = call == null ? null : call.open.get(key.index());
    if (seg == null) {
      orphans++;
      return;
    }
    switch (event) {
      case SegmentQueued q -> throw new AssertionError("handled above: " + q);
      case SegmentAnswered a -> seg.answered = a;
      case SegmentTalkEnded t -> {
        seg.talk = t;
        if (t.recordingFile() != null && call.recordingFile == null) {
          call.recordingFile = t.recordingFile();
        }
        if (t.transferLabel() != null && t.transferLabel().startsWith(QUEUE_LABEL_PREFIX)) {
          call.announced++;
        }
      }
      case SegmentAbandoned a -> finish(call, seg, abandoned(call, seg, a), segments, done);
      case SegmentOverflowed o -> {
        if (OVERFLOW_TO_QUEUE.equals(o.kind())) {
          call.announced++;
        }
        finish(call, seg, overflowed(call, seg, o), segments, done);
      }
      case SegmentWrapUpEnded w -> finish(call, seg, wrapped(call, seg, w), segments, done);
    }
  }

  private void queued(SegmentQueued q) {
    SegmentKey key = q.key();
    OpenCall call = calls.get(key.call());
    if (call == null) {
      call = new OpenCall(recordId(key.call(), key.queuedNanos()), q);
      calls.put(key.call(), call);
    } else if (call.announced > 0) {
      call.announced--;
    }
    call.open.put(key.index(), new OpenSegment(q));
  }

  private void finish(OpenCall call, OpenSegment seg, SegmentRecord record, List<SegmentRecord> segments,
      List<CallRecord> done) {
    call.open.remove(seg.queued.key().index());
    call.done.add(record);
    segments.add(record);
    if (call.open.isEmpty() && call.announced == 0) {
      calls.remove(seg.queued.key().call());
      done.add(callRecord(call));
    }
  }

  private static SegmentRecord abandoned(OpenCall call, OpenSegment s, SegmentAbandoned a) {
    return segment(call, s, Outcome.ABANDONED, null, a.offers(), a.endedNanos(), a.whileRinging(),
        null, null, null, "caller", null);
  }

  private static SegmentRecord overflowed(OpenCall call, OpenSegment s, SegmentOverflowed o) {
    return segment(call, s, Outcome.OVERFLOWED, null, 0, o.leftNanos(), false, o.cause(), o.kind(), o.target(),
        null, null);
  }

  private static SegmentRecord wrapped(OpenCall call, OpenSegment s, SegmentWrapUpEnded w) {
    SegmentAnswered a = s.answered;
    SegmentTalkEnded t = s.talk;
    SegmentKey k = s.queued.key();
    long answeredAt = a == null ? w.endedNanos() : a.answeredNanos();
    return new SegmentRecord(call.recordId, k.call().value(), k.index(), k.queue(), k.line(),
        s.queued.callerNumber(), s.queued.priority(), s.queued.transferInLabel(), k.queuedNanos(),
        Outcome.ANSWERED, w.agent().value(), a == null ? 0 : a.offers(), answeredAt, answeredAt - k.queuedNanos(),
        false, null, null, null,
        t == null ? null : t.endedNanos(), t == null ? 0 : t.talkNanos(), t == null ? 0 : t.holdNanos(),
        t == null || t.side() == null ? null : t.side().name().toLowerCase(java.util.Locale.ROOT),
        t == null ? null : t.transferLabel(),
        w.endedNanos(), w.wrapUpNanos(), w.timedOut(), w.disposition(), w.category(), w.summary());
  }

  private static SegmentRecord segment(OpenCall call, OpenSegment s, Outcome outcome, String agent, int offers,
      long leftNanos, boolean whileRinging, String cause, String kind, String target, String side, String label) {
    SegmentKey k = s.queued.key();
    return new SegmentRecord(call.recordId, k.call().value(), k.index(), k.queue(), k.line(),
        s.queued.callerNumber(), s.queued.priority(), s.queued.transferInLabel(), k.queuedNanos(), outcome, agent,
        offers, leftNanos, leftNanos - k.queuedNanos(), whileRinging, cause, kind, target, null, 0, 0, side, label,
        null, 0, false, null, null, null);
  }

  private CallRecord callRecord(OpenCall call) {
    List<SegmentRecord> segs = new ArrayList<>(call.done);
    segs.sort((a, b) -> Integer.compare(a.index(), b.index()));
    long firstQueued = call.first.key().queuedNanos();
    List<String> path = new ArrayList<>();
    List<String> agents = new ArrayList<>();
    List<String> transfers = new ArrayList<>();
    SegmentRecord firstAnswered = null;
    SegmentRecord lastHandled = null;
    long talk = 0;
    long hold = 0;
    long wrap = 0;
    long ended = firstQueued;
    for (SegmentRecord s : segs) {
      path.add(s.queue());
      if (s.outcome() == Outcome.ANSWERED) {
        agents.add(s.agent());
        firstAnswered = firstAnswered == null ? s : firstAnswered;
        lastHandled = s;
        talk += s.talkNanos();
        hold += s.holdNanos();
        wrap += s.wrapUpNanos();
        if (s.transferLabel() != null) {
          transfers.add(s.transferLabel());
        }
      }
      ended = Math.max(ended, endOf(s));
    }
    SegmentRecord last = segs.get(segs.size() - 1);
    Outcome outcome = firstAnswered != null ? Outcome.ANSWERED : last.outcome();
    long wait = (firstAnswered != null ? firstAnswered.leftQueueNanos() : last.leftQueueNanos()) - firstQueued;
    String disposition = null;
    String category = null;
    String summary = null;
    boolean timedOut = false;
    for (SegmentRecord s : segs) {
      if (s.outcome() == Outcome.ANSWERED) {
        disposition = s.disposition() != null ? s.disposition() : disposition;
        category = s.category() != null ? s.category() : category;
        summary = s.summary() != null ? s.summary() : summary;
        timedOut = s.wrapUpTimedOut();
      }
    }
    String endSide = lastHandled != null ? lastHandled.endSide() : last.endSide();
    String localDay = Instant.ofEpochSecond(0, firstQueued).atZone(zone).toLocalDate().toString();
    return new CallRecord(call.recordId, call.first.key().call().value(), call.first.callerNumber(),
        call.first.key().line(), firstQueued, localDay, ended, path, agents, outcome, wait, talk, hold, wrap,
        transfers, call.first.transferInLabel(), endSide, endCause(outcome, last, lastHandled), call.recordingFile,
        disposition, category, summary, timedOut, null, segs);
  }

  private static long endOf(SegmentRecord s) {
    if (s.wrapUpEndedNanos() != null) {
      return s.talkEndedNanos() != null ? s.talkEndedNanos() : s.leftQueueNanos();
    }
    return s.leftQueueNanos();
  }

  private static String endCause(Outcome outcome, SegmentRecord last, SegmentRecord lastHandled) {
    if (outcome == Outcome.ANSWERED) {
      String label = lastHandled.transferLabel();
      return label == null ? "completed" : "transferred:" + label;
    }
    if (last.outcome() == Outcome.ABANDONED) {
      return last.abandonedWhileRinging() ? "abandoned-while-ringing" : "abandoned";
    }
    return "overflow:" + last.overflowCause();
  }
}
