package org.hotlineacd.acd.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.FigureTables;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.Period;
import org.hotlineacd.cti.model.AgentState;

/**
 * The demo's compact live summary: per queue, calls waiting and the longest wait now, and today's
 * offered, answered, abandoned, 30-second rate, ASA and average talk; agents by state. Built on the
 * loop thread from the engine's snapshot and the figures, then printed by another thread.
 */
public final class LiveSummary {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private LiveSummary() {}

  /** Renders the summary at {@code nowNanos} (call on the loop thread). */
  public static String render(EngineSnapshot snap, FigureBook book, long nowNanos) {
    ZoneId zone = book.zone();
    long dayStart = book.periodStart(Period.DAY, nowNanos);
    StringBuilder out = new StringBuilder(1024);
    out.append(CLOCK.format(Instant.ofEpochSecond(0, nowNanos).atZone(zone))).append(' ').append(zone)
        .append("   calls in the ACD: ").append(snap.callsInAcd()).append('\n');
    out.append("agents: ");
    for (AgentState s : AgentState.values()) {
      out.append(s.label()).append(' ').append(snap.agentsIn(s)).append("  ");
    }
    out.append('\n');
    out.append(String.format(Locale.ROOT, "%-14s %7s %8s | %7s %8s %6s %8s %7s %9s%n",
        "queue", "waiting", "longest", "offered", "answered", "aband", "SL", "ASA", "avg talk"));
    java.util.Map<String, Long> undecidedToday = book.undecidedByQueue(dayStart, nowNanos + 1, nowNanos);
    for (EngineSnapshot.QueueView q : snap.queues()) {
      Figures f = book.queue(q.id(), dayStart, nowNanos + 1);
      long undecided = undecidedToday.getOrDefault(q.id(), 0L);
      row(out, q.id(), Integer.toString(q.waiting()), seconds(q.longestWaitNanos()), f, undecided);
    }
    Figures centre = book.centre(dayStart, nowNanos + 1);
    long centreUndecided = book.centreUndecided(dayStart, nowNanos + 1, nowNanos);
    int waiting = snap.queues().stream().mapToInt(EngineSnapshot.QueueView::waiting).sum();
    long longest = snap.queues().stream().mapToLong(EngineSnapshot.QueueView::longestWaitNanos).max().orElse(0);
    row(out, "centre", Integer.toString(waiting), seconds(longest), centre, centreUndecided);
    out.append("SL = answered within ").append(centre.thresholds().answerTarget().toSeconds())
        .append(" s, formula '").append(centre.formula().configName())
        .append("', today so far; calls still waiting under 30 s are not counted yet (docs/figures.md)\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String name, String waiting, String longest, Figures f, long undecided) {
    out.append(String.format(Locale.ROOT, "%-14s %7s %8s | %7d %8d %6d %8s %7s %9s%n", name, waiting, longest,
        f.offered(), f.answered(), f.abandoned(), percent(f.liveServiceLevel(undecided)),
        secondsOrDash(f.asaSeconds()), secondsOrDash(f.averageTalkSeconds())));
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : FigureTables.percent(fraction) + "%";
  }

  private static String seconds(long nanos) {
    return (nanos / 1_000_000_000L) + "s";
  }

  private static String secondsOrDash(double s) {
    return Double.isNaN(s) ? "-" : FigureTables.number(s) + "s";
  }
}
