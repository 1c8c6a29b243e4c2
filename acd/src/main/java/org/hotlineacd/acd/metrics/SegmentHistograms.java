package org.hotlineacd.acd.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.segment.SegmentAbandoned;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.acd.segment.SegmentOverflowed;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.acd.segment.SegmentTalkEnded;
import org.hotlineacd.acd.segment.SegmentWrapUpEnded;

/**
 * The wait and talk distributions as Micrometer timers with fixed buckets, recorded from the
 * segment stream (the engine's statistics port) on the engine thread: {@code acd.call.wait}
 * (tags {@code queue}, {@code outcome} answered/abandoned/overflowed) with buckets around the 30 s
 * answer target, and {@code acd.call.talk} (tag {@code queue}) with buckets around the 600 s
 * long-call limit. A queue not given at construction is not recorded (bounded tags).
 */
public final class SegmentHistograms implements SegmentListener {
  /** Wait buckets: fine around T = 30 s, coarse up to 10 minutes. */
  static final List<Duration> WAIT_BUCKETS = seconds(5, 10, 15, 20, 25, 30, 45, 60, 90, 120, 180, 300, 600);
  /** Talk buckets: around the usual 3-minute call and the 600 s long-call limit. */
  static final List<Duration> TALK_BUCKETS = seconds(30, 60, 120, 180, 240, 300, 450, 600, 900, 1200, 1800, 3600);

  private final Map<String, Timer[]> byQueue = new HashMap<>();

  /** Registers the timers of these queues in {@code registry}. */
  public SegmentHistograms(MeterRegistry registry, List<String> queueIds) {
    for (String q : queueIds) {
      byQueue.put(q, new Timer[] {
          wait(registry, q, "answered"), wait(registry, q, "abandoned"), wait(registry, q, "overflowed"),
          Timer.builder("acd.call.talk").description("Talk time of answered queue segments, hold included")
              .tags("queue", q).serviceLevelObjectives(TALK_BUCKETS.toArray(Duration[]::new))
              .register(registry)});
    }
  }

  private static Timer wait(MeterRegistry registry, String queue, String outcome) {
    return Timer.builder("acd.call.wait")
        .description("Wait of queue segments from queue entry to answer, abandon or overflow")
        .tags("queue", queue, "outcome", outcome)
        .serviceLevelObjectives(WAIT_BUCKETS.toArray(Duration[]::new))
        .register(registry);
  }

  @Override
  public void on(SegmentEvent event) {
    Timer[] t = byQueue.get(event.key().queue());
    if (t == null) {
      return;
    }
    switch (event) {
      case SegmentAnswered e -> t[0].record(e.waitNanos(), TimeUnit.NANOSECONDS);
      case SegmentAbandoned e -> t[1].record(e.waitNanos(), TimeUnit.NANOSECONDS);
      case SegmentOverflowed e -> t[2].record(e.waitNanos(), TimeUnit.NANOSECONDS);
      case SegmentTalkEnded e -> t[3].record(e.talkNanos(), TimeUnit.NANOSECONDS);
      case SegmentQueued e -> { }
      case SegmentWrapUpEnded e -> { }
    }
  }

  private static List<Duration> seconds(long... values) {
    return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
  }
}
