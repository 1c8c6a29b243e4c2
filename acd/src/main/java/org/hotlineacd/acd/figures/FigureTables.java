package org.hotlineacd.acd.figures;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Thresholds;

/**
 * Plain-text tables of figures: the seed's annual 话务服务 table and an English per-queue summary,
 * each followed by the thresholds, formula and time zone they were computed with. Ratios print as
 * percentages and durations as seconds, two decimals ("94.52", "14.50"); no data prints as
 * {@code -}.
 */
public final class FigureTables {
  /** What a figure with no data prints as. */
  public static final String NO_DATA = "-";

  private FigureTables() {}

  /** The whole report over every interval the book holds (what {@code simulate} prints at the end). */
  public static String report(FigureBook book) {
    return report(book, book.firstIntervalStart(), book.lastIntervalEnd());
  }

  /**
   * The whole report for the intervals starting in [fromNanos, toNanos): title, annual table
   * (centre), per-queue table, thresholds, formulas and zone.
   */
  public static String report(FigureBook book, long fromNanos, long toNanos) {
    IntervalClock clock = new IntervalClock(book.zone());
    Figures centre = book.centre(fromNanos, toNanos);
    List<Figures> queues = new ArrayList<>();
    for (String q : book.queueIds()) {
      queues.add(book.queue(q, fromNanos, toNanos));
    }
    StringBuilder out = new StringBuilder();
    out.append("Figures for intervals starting from ").append(clock.format(fromNanos))
        .append(" to ").append(clock.format(toNanos)).append(" (").append(book.zone().getId())
        .append("), 15-minute intervals summed\n\n");
    out.append("话务服务 (whole centre, each call counted once)\n");
    out.append(annualTable(centre)).append('\n');
    out.append("Per queue (segments: a call transferred or overflowed to another queue counts in each)\n");
    out.append(queueTable(queues, centre)).append('\n');
    out.append(notes(book, queues, centre));
    return out.toString();
  }

  /** The seed's 话务服务 table (header, rule, one row) for whole-centre figures. */
  public static String annualTable(Figures f) {
    Thresholds th = f.thresholds();
    List<String> header = List.of(
        "人工接听话务量 (通)",
        seconds(th.answerTarget()) + " 秒人工接通率 (%)",
        "平均等待时长 (秒)",
        "平均通话时长 (秒)",
        "话务通话时长超 " + longCallText(th.longCall()) + "占比 (%)");
    List<String> row = List.of(
        Long.toString(f.answered()),
        percent(f.serviceLevel()),
        number(f.asaSeconds()),
        number(f.averageTalkSeconds()),
        percent(f.longCallShare()));
    return table(header, List.of(row), false);
  }

  /** The English per-queue summary, one row per queue and a last row for the centre (may be null). */
  public static String queueTable(List<Figures> queues, Figures centre) {
    List<String> header = List.of(
        "queue", "offered", "answered", "abandoned", "SL %", "ASA s", "avg talk s", "long %", "AHT s");
    List<List<String>> rows = new ArrayList<>();
    for (Figures f : queues) {
      rows.add(summaryRow(f));
    }
    if (centre != null) {
      rows.add(summaryRow(centre));
    }
    return table(header, rows, true);
  }

  /** A fraction as a percentage with two decimals ("94.52"), or {@code -} for no data. */
  public static String percent(double fraction) {
    return number(fraction * 100);
  }

  /** A number with two decimals, or {@code -} for no data (NaN). */
  public static String number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? NO_DATA
        : String.format(Locale.ROOT, "%.2f", value);
  }

  /** What a formula computes, e.g. {@code offered = answered within T / (offered - short abandons)}. */
  public static String describe(ServiceLevelFormula formula) {
    return formula.configName() + " = " + switch (formula) {
      case OFFERED -> "answered within T / (offered - short abandons)";
      case ANSWERED -> "answered within T / answered";
      case ABANDONS_ON_TIME -> "(answered within T + abandoned within T) / offered";
    };
  }

  private static List<String> summaryRow(Figures f) {
    return List.of(
        f.scope(),
        Long.toString(f.offered()),
        Long.toString(f.answered()),
        Long.toString(f.abandoned()),
        percent(f.serviceLevel()),
        number(f.asaSeconds()),
        number(f.averageTalkSeconds()),
        percent(f.longCallShare()),
        number(f.ahtSeconds()));
  }

  private static String notes(FigureBook book, List<Figures> queues, Figures centre) {
    StringBuilder out = new StringBuilder("Thresholds (T answer target, S short abandon, L long call):\n");
    for (Figures f : queues) {
      out.append("  ").append(f.scope()).append(": ").append(thresholdText(f.thresholds())).append('\n');
    }
    out.append("  ").append(Figures.CENTRE).append(": ");
    out.append(centre.perQueueThresholds()
        ? "each call with its first queue's T, S, L; formula " + centre.formula().configName()
        : thresholdText(centre.thresholds()));
    out.append('\n');
    out.append("Service level formulas used:\n");
    queues.stream().map(Figures::formula).distinct()
        .forEach(f -> out.append("  ").append(describe(f)).append('\n'));
    if (queues.stream().noneMatch(f -> f.formula() == centre.formula())) {
      out.append("  ").append(describe(centre.formula())).append('\n');
    }
    out.append("Time zone: ").append(book.zone().getId())
        .append(". Intervals belong to the time a segment was queued. '-' means no data.\n");
    return out.toString();
  }

  private static String thresholdText(Thresholds t) {
    return "T " + seconds(t.answerTarget()) + " s, S " + seconds(t.shortAbandon()) + " s, L "
        + seconds(t.longCall()) + " s, formula " + t.formula().configName();
  }

  private static String longCallText(Duration longCall) {
    return longCall.toSeconds() % 60 == 0 && longCall.toNanosPart() == 0
        ? longCall.toMinutes() + " 分钟"
        : seconds(longCall) + " 秒";
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
  }

  /** A pipe table; numbers right-aligned, the first column left-aligned when it is a label. */
  private static String table(List<String> header, List<List<String>> rows, boolean labelFirst) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(header.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths, -1);
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      boolean left = labelFirst && i == 0;
      out.append(left ? ":" : "-").append("-".repeat(widths[i])).append(left ? "-|" : ":|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      line(out, row, widths, labelFirst ? 1 : 0);
    }
    return out.toString();
  }

  /** One row; cells from {@code firstRight} on are right-aligned (-1: none). */
  private static void line(StringBuilder out, List<String> cells, int[] widths, int firstRight) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String pad = " ".repeat(widths[i] - width(cells.get(i)));
      boolean right = firstRight >= 0 && i >= firstRight;
      out.append(' ').append(right ? pad + cells.get(i) : cells.get(i) + pad).append(" |");
    }
    out.append('\n');
  }

  /** Display width in a terminal: East Asian wide characters take two columns. */
  static int width(String s) {
    return s.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6);
  }
}
