package org.hotlineacd.acd.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * Seeded random segment histories as the engine emits them: answered, abandoned and overflowed
 * segments, transfers to external labels and to queues (a new segment), overflows to queues,
 * transfers in, wrap-up categories, waits around the 30 s threshold and talks around 600 s.
 * Events are in time order (ties in generation order, so each call's milestones stay in order).
 */
public final class HistoryGenerator {
  public static final long SECOND = 1_000_000_000L;
  static final List<String> QUEUES = List.of("general", "enterprise", "policy");
  static final List<String> LABELS = List.of("110", "out-of-province", "in-province-other-city");
  static final List<String> CATEGORIES = List.of("traffic", "housing", "tax", "noise", "water", "permits", "other");

  private record Timed(long at, long order, SegmentEvent event) {}

  private HistoryGenerator() {}

  /** {@code calls} calls arriving over {@code spanNanos} from {@code startNanos}. */
  public static List<SegmentEvent> generate(long seed, int calls, long startNanos, long spanNanos) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Timed> out = new ArrayList<>();
    long[] order = {0};
    for (int i = 0; i < calls; i++) {
      CallId call = CallId.of("c" + seed + "-" + i);
      long t = startNanos + (long) (rnd.nextDouble() * spanNanos);
      String number = "1380000" + String.format("%04d", rnd.nextInt(calls / 3 + 1));
      String line = rnd.nextInt(10) == 0 ? "110-link" : "12345";
      String transferIn = line.equals("110-link") ? "110" : null;
      String queue = QUEUES.get(rnd.nextInt(QUEUES.size()));
      for (int index = 0; index < 3; index++) {
        SegmentKey key = new SegmentKey(call, index, queue, line, t);
        add(out, order, t, new SegmentQueued(key, 0, number, index == 0 ? transferIn : null));
        long wait = (long) (rnd.nextDouble() * 60 * SECOND);
        if (rnd.nextInt(8) == 0) {
          wait = 30 * SECOND;
        }
        int kind = rnd.nextInt(10);
        if (kind == 0) {
          add(out, order, t + wait, new SegmentAbandoned(key, t + wait, rnd.nextBoolean(), rnd.nextInt(2)));
          break;
        }
        if (kind == 1) {
          boolean toQueue = index < 2 && rnd.nextBoolean();
          String target = toQueue ? QUEUES.get(rnd.nextInt(QUEUES.size())) : "callbacks";
          add(out, order, t + wait, new SegmentOverflowed(key, t + wait, "max-wait", toQueue ? "queue" : "callback", target));
          if (!toQueue) {
            break;
          }
          t = t + wait;
          queue = target;
          continue;
        }
        AgentId agent = AgentId.of("a" + rnd.nextInt(20));
        long answered = t + wait;
        long talk = rnd.nextInt(5) == 0 ? 600 * SECOND + (rnd.nextBoolean() ? 0 : SECOND) : (long) (rnd.nextDouble() * 900 * SECOND);
        long hold = rnd.nextInt(4) == 0 ? talk / 10 : 0;
        long ended = answered + talk;
        int transfer = index < 2 ? rnd.nextInt(8) : 7;
        String label = transfer == 0 ? LABELS.get(rnd.nextInt(LABELS.size()))
            : transfer == 1 ? "queue:" + QUEUES.get(rnd.nextInt(QUEUES.size())) : null;
        add(out, order, answered, new SegmentAnswered(key, agent, answered, 1 + rnd.nextInt(2)));
        add(out, order, ended, new SegmentTalkEnded(key, agent, ended, talk, hold,
            label == null ? CallEndSide.CALLER : CallEndSide.SYSTEM, label));
        long wrap = (long) (rnd.nextDouble() * 60 * SECOND);
        String category = rnd.nextInt(5) == 0 ? null : CATEGORIES.get(Math.min(rnd.nextInt(4) + rnd.nextInt(4), 6));
        if (label != null && label.startsWith("queue:")) {
          // The next segment is queued when the transfer happens; this wrap-up ends later.
          String next = label.substring("queue:".length());
          long nextQueued = ended;
          add(out, order, ended + wrap, new SegmentWrapUpEnded(key, agent, ended + wrap, wrap, false, "transferred", category, "s" + i));
          t = nextQueued;
          queue = next;
          continue;
        }
        add(out, order, ended + wrap, new SegmentWrapUpEnded(key, agent, ended + wrap, wrap, rnd.nextInt(10) == 0,
            rnd.nextBoolean() ? "resolved" : "dispatched", category, "summary of " + call.value()));
        break;
      }
    }
    out.sort(Comparator.comparingLong(Timed::at).thenComparingLong(Timed::order));
    return out.stream().map(Timed::event).toList();
  }

  private static void add(List<Timed> out, long[] order, long at, SegmentEvent e) {
    out.add(new Timed(at, order[0]++, e));
  }
}
