package org.hotlineacd.acd.figures;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallEndSide;
import org.hotlineacd.cti.model.CallId;

/** Builds segment histories as the engine would emit them. Not a test. */
final class FigureFixtures {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final long SECOND = 1_000_000_000L;
  static final AgentId AGENT = AgentId.of("a1");

  private FigureFixtures() {}

  /** Epoch nanos of a local date-time text such as {@code 2024-03-01T09:00:05}. */
  static long at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toEpochSecond() * SECOND;
  }

  static long seconds(double s) {
    return Math.round(s * SECOND);
  }

  static Thresholds thresholds(int t, int s, int l, ServiceLevelFormula formula) {
    return new Thresholds(Duration.ofSeconds(t), Duration.ofSeconds(s), Duration.ofSeconds(l), formula);
  }

  static SegmentKey key(String call, int index, String queue, long queuedNanos) {
    return new SegmentKey(CallId.of(call), index, queue, "line-1", queuedNanos);
  }

  static SegmentQueued queued(SegmentKey key, String transferInLabel) {
    return new SegmentQueued(key, 0, "13800000000", transferInLabel);
  }

  /** Queued, answered after {@code waitNanos}, talked, wrapped up; {@code transferLabel} may be null. */
  static List<SegmentEvent> answered(
      SegmentKey key, long waitNanos, long talkNanos, long holdNanos, long wrapNanos, String transferLabel) {
    long answeredAt = key.queuedNanos() + waitNanos;
    long endedAt = answeredAt + talkNanos;
    List<SegmentEvent> events = new ArrayList<>();
    events.add(queued(key, null));
    events.add(new SegmentAnswered(key, AGENT, answeredAt, 1));
    events.add(new SegmentTalkEnded(key, AGENT, endedAt, talkNanos, holdNanos,
        transferLabel == null ? CallEndSide.CALLER : CallEndSide.SYSTEM, transferLabel));
    events.add(new SegmentWrapUpEnded(key, AGENT, endedAt + wrapNanos, wrapNanos, false, null, null, null));
    return events;
  }

  static List<SegmentEvent> answered(SegmentKey key, long waitNanos, long talkNanos) {
    return answered(key, waitNanos, talkNanos, 0, 0, null);
  }

  static List<SegmentEvent> abandoned(SegmentKey key, long waitNanos) {
    return List.of(queued(key, null), new SegmentAbandoned(key, key.queuedNanos() + waitNanos, false, 0));
  }

  static List<SegmentEvent> overflowed(SegmentKey key, long waitNanos, String kind, String target) {
    return List.of(queued(key, null),
        new SegmentOverflowed(key, key.queuedNanos() + waitNanos, "max-wait", kind, target));
  }

  static void feed(FigureBook book, List<? extends SegmentEvent> events) {
    events.forEach(book::on);
  }
}
