package org.hotlineacd.acd.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.FigureTables;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.IntervalRow;
import org.hotlineacd.acd.figures.Period;

/**
 * A period report read from the stored interval figures (never from raw records): the seed's
 * 话务服务 table, offered, abandoned, AHT, transfers out and in by label, the top 5 wrap-up
 * categories, and per-queue and per-period breakdowns, with the thresholds and zone used.
 *
 * <p>The stored rows are loaded into a {@link FigureBook}, so every figure is derived by the same
 * code as the live figures: a report over stored rows equals the figure book fed the segments.
 *
 * @param scope the headline scope: {@link Figures#CENTRE}, or the one queue asked for
 * @param headline the headline scope's figures over the range
 * @param queues every queue's figures over the range (only the one asked for, with a queue)
 * @param periods the headline scope's figures per period
 * @param topCategories the headline scope's most frequent wrap-up categories (at most 5)
 */
public record PeriodReport(
    long fromNanos,
    long toNanos,
    ZoneId zone,
    String scope,
    Period period,
    Figures headline,
    List<Figures> queues,
    List<Figures> periods,
    Map<String, Long> topCategories) {

  /** How many categories the report lists. */
  public static final int TOP_CATEGORIES = 5;

  /** Copies. */
  public PeriodReport {
    queues = List.copyOf(queues);
    periods = List.copyOf(periods);
    topCategories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topCategories));
  }

  /**
   * Reads the report for intervals starting in [fromNanos, toNanos).
   *
   * @param queue the one queue to report on, or {@code null} for the whole centre
   */
  public static PeriodReport read(RecordStore store, Connection c, AcdConfig config, long fromNanos, long toNanos,
      String queue, Period period) throws SQLException {
    Map<String, Thresholds> thresholds = FigureBook.thresholdsOf(config);
    FigureBook book = new FigureBook(thresholds, config.settings().timeZone());
    for (IntervalRow row : store.intervals(c, fromNanos, toNanos)) {
      book.add(row);
    }
    String scope = queue == null ? Figures.CENTRE : queue;
    Figures headline = queue == null ? book.centre(fromNanos, toNanos) : book.queue(queue, fromNanos, toNanos);
    List<Figures> queues = new ArrayList<>();
    for (String q : book.queueIds()) {
      if (queue == null || q.equals(queue)) {
        queues.add(book.queue(q, fromNanos, toNanos));
      }
    }
    List<Figures> periods = queue == null ? book.centreByPeriod(period, fromNanos, toNanos)
        : book.queueByPeriod(queue, period, fromNanos, toNanos);
    Map<String, Long> categories = store.categories(c, fromNanos, toNanos).getOrDefault(scope, Map.of());
    Map<String, Long> top = new LinkedHashMap<>();
    categories.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_CATEGORIES).forEach(e -> top.put(e.getKey(), e.getValue()));
    return new PeriodReport(fromNanos, toNanos, config.settings().timeZone(), scope, period, headline, queues, periods, top);
  }

  /** The period a range is broken down by when none is asked for: intervals up to a day, days up to 92 days, else months. */
  public static Period defaultPeriod(long fromNanos, long toNanos) {
    long days = (toNanos - fromNanos) / 86_400_000_000_000L;
    return days <= 1 ? Period.INTERVAL : days <= 92 ? Period.DAY : Period.MONTH;
  }

  // ---- text ----

  /** The report as plain-text tables. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("Report for intervals starting from ").append(local(fromNanos)).append(" to ").append(local(toNanos))
        .append(" (").append(zone.getId()).append("; 15-minute intervals summed; a segment counts in the interval it was queued in)\n\n");
    boolean centre = Figures.CENTRE.equals(scope);
    out.append("话务服务 (").append(centre ? "whole centre, each call counted once" : "queue " + scope + ", segments")
        .append(")\n").append(FigureTables.annualTable(headline)).append('\n');
    Figures h = headline;
    out.append("Offered ").append(h.offered()).append(", answered ").append(h.answered())
        .append(", abandoned ").append(h.abandoned()).append(" (").append(FigureTables.percent(h.abandonRate())).append(" %)")
        .append(", overflowed ").append(h.overflowed())
        .append(", AHT ").append(FigureTables.number(h.ahtSeconds())).append(" s")
        .append(", average hold ").append(FigureTables.number(h.averageHoldSeconds())).append(" s")
        .append(", average wrap-up ").append(FigureTables.number(h.averageWrapUpSeconds())).append(" s\n");
    out.append("Transfers out by target: ").append(labels(h.transfersOut())).append('\n');
    out.append("Transfers in by label: ").append(labels(h.transfersIn())).append('\n');
    out.append("Top ").append(TOP_CATEGORIES).append(" categories: ").append(labels(topCategories)).append("\n\n");
    out.append("Per queue (segments: a call transferred or overflowed to another queue counts in each)\n");
    out.append(FigureTables.queueTable(queues, centre ? headline : null)).append('\n');
    out.append("Per ").append(period.name().toLowerCase(Locale.ROOT)).append(" (").append(centre ? "whole centre" : scope).append(")\n");
    out.append(periodTable()).append('\n');
    out.append(notes());
    return out.toString();
  }

  private String periodTable() {
    List<Figures> rows = new ArrayList<>(periods);
    if (rows.isEmpty()) {
      return "(no data in this range)\n";
    }
    StringBuilder out = new StringBuilder("| start | offered | answered | abandoned | SL % | ASA s | avg talk s | long % | AHT s |\n");
    out.append("|:--|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Figures f : rows) {
      out.append("| ").append(local(f.fromNanos())).append(" | ").append(f.offered()).append(" | ").append(f.answered())
          .append(" | ").append(f.abandoned()).append(" | ").append(FigureTables.percent(f.serviceLevel()))
          .append(" | ").append(FigureTables.number(f.asaSeconds())).append(" | ")
          .append(FigureTables.number(f.averageTalkSeconds())).append(" | ").append(FigureTables.percent(f.longCallShare()))
          .append(" | ").append(FigureTables.number(f.ahtSeconds())).append(" |\n");
    }
    return out.toString();
  }

  private String notes() {
    StringBuilder out = new StringBuilder("Thresholds (T answer target, S short abandon, L long call) and formula:\n");
    for (Figures f : queues) {
      out.append("  ").append(f.scope()).append(": ").append(thresholdText(f.thresholds())).append('\n');
    }
    if (Figures.CENTRE.equals(scope)) {
      out.append("  ").append(Figures.CENTRE).append(": ").append(headline.perQueueThresholds()
          ? "each call with its first queue's T, S, L; formula " + headline.formula().configName()
          : thresholdText(headline.thresholds())).append('\n');
    }
    out.append("Service level formula: ").append(FigureTables.describe(headline.formula())).append('\n');
    out.append("Time zone: ").append(zone.getId()).append(". '-' means no data.\n");
    return out.toString();
  }

  private static String thresholdText(Thresholds t) {
    return "T " + t.answerTarget().toSeconds() + " s, S " + t.shortAbandon().toSeconds() + " s, L "
        + t.longCall().toSeconds() + " s, formula " + t.formula().configName();
  }

  private static String labels(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    counts.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return out.toString();
  }

  private String local(long nanos) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(0, nanos), zone).toString().replace('T', ' ');
  }

  // ---- CSV ----

  /**
   * The report as CSV in long form: {@code section,scope,from,to,figure,value}, one line per
   * figure (sections: headline, queue, period, transfer-out, transfer-in, category, setting).
   */
  public String csv() {
    StringBuilder out = new StringBuilder("section,scope,from,to,figure,value\n");
    figureLines(out, "headline", headline);
    queues.forEach(f -> figureLines(out, "queue", f));
    periods.forEach(f -> figureLines(out, "period", f));
    headline.transfersOut().forEach((k, v) -> csvLine(out, "transfer-out", scope, fromNanos, toNanos, k, Long.toString(v)));
    headline.transfersIn().forEach((k, v) -> csvLine(out, "transfer-in", scope, fromNanos, toNanos, k, Long.toString(v)));
    topCategories.forEach((k, v) -> csvLine(out, "category", scope, fromNanos, toNanos, k, Long.toString(v)));
    csvLine(out, "setting", scope, fromNanos, toNanos, "time-zone", zone.getId());
    Thresholds t = headline.thresholds();
    csvLine(out, "setting", scope, fromNanos, toNanos, "answer-target-s", Long.toString(t.answerTarget().toSeconds()));
    csvLine(out, "setting", scope, fromNanos, toNanos, "short-abandon-s", Long.toString(t.shortAbandon().toSeconds()));
    csvLine(out, "setting", scope, fromNanos, toNanos, "long-call-s", Long.toString(t.longCall().toSeconds()));
    csvLine(out, "setting", scope, fromNanos, toNanos, "formula", t.formula().configName());
    return out.toString();
  }

  private void figureLines(StringBuilder out, String section, Figures f) {
    values(f).forEach((k, v) -> csvLine(out, section, f.scope(), f.fromNanos(), f.toNanos(), k, v));
  }

  private void csvLine(StringBuilder out, String section, String scopeName, long from, long to, String figure, String value) {
    out.append(section).append(',').append(csvCell(scopeName)).append(',').append(local(from)).append(',')
        .append(local(to)).append(',').append(csvCell(figure)).append(',').append(csvCell(value)).append('\n');
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** The figures a report line shows, by name, formatted as the tables format them. */
  private static Map<String, String> values(Figures f) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("offered", Long.toString(f.offered()));
    m.put("answered", Long.toString(f.answered()));
    m.put("answered-within-t", Long.toString(f.answeredWithinT()));
    m.put("abandoned", Long.toString(f.abandoned()));
    m.put("overflowed", Long.toString(f.overflowed()));
    m.put("service-level-pct", FigureTables.percent(f.serviceLevel()));
    m.put("abandon-rate-pct", FigureTables.percent(f.abandonRate()));
    m.put("asa-s", FigureTables.number(f.asaSeconds()));
    m.put("avg-talk-s", FigureTables.number(f.averageTalkSeconds()));
    m.put("long-call-pct", FigureTables.percent(f.longCallShare()));
    m.put("aht-s", FigureTables.number(f.ahtSeconds()));
    return m;
  }

  // ---- JSON ----

  /** The report as JSON (numbers as in the tables, plus the raw counts). */
  public String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("from", local(fromNanos));
    root.put("to", local(toNanos));
    root.put("timeZone", zone.getId());
    root.put("scope", scope);
    root.put("period", period.name().toLowerCase(Locale.ROOT));
    root.set("headline", figures(mapper, headline));
    ObjectNode th = root.putObject("thresholds");
    th.put("answerTargetSeconds", headline.thresholds().answerTarget().toSeconds());
    th.put("shortAbandonSeconds", headline.thresholds().shortAbandon().toSeconds());
    th.put("longCallSeconds", headline.thresholds().longCall().toSeconds());
    th.put("formula", FigureTables.describe(headline.formula()));
    th.put("perQueueThresholds", headline.perQueueThresholds());
    ObjectNode cats = root.putObject("topCategories");
    topCategories.forEach(cats::put);
    ArrayNode qs = root.putArray("queues");
    queues.forEach(f -> qs.add(figures(mapper, f)));
    ArrayNode ps = root.putArray("periods");
    periods.stream().sorted(Comparator.comparingLong(Figures::fromNanos)).forEach(f -> ps.add(figures(mapper, f)));
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private ObjectNode figures(ObjectMapper mapper, Figures f) {
    ObjectNode n = mapper.createObjectNode();
    n.put("scope", f.scope());
    n.put("from", local(f.fromNanos()));
    n.put("to", local(f.toNanos()));
    n.put("offered", f.offered());
    n.put("answered", f.answered());
    n.put("answeredWithinT", f.answeredWithinT());
    n.put("abandoned", f.abandoned());
    n.put("shortAbandons", f.shortAbandons());
    n.put("overflowed", f.overflowed());
    number(n, "serviceLevelPercent", f.serviceLevel() * 100);
    number(n, "abandonRatePercent", f.abandonRate() * 100);
    number(n, "asaSeconds", f.asaSeconds());
    number(n, "averageTalkSeconds", f.averageTalkSeconds());
    number(n, "longCallPercent", f.longCallShare() * 100);
    number(n, "ahtSeconds", f.ahtSeconds());
    ObjectNode out = n.putObject("transfersOut");
    f.transfersOut().forEach(out::put);
    ObjectNode in = n.putObject("transfersIn");
    f.transfersIn().forEach(in::put);
    return n;
  }

  private static void number(ObjectNode n, String name, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      n.putNull(name);
    } else {
      n.put(name, Math.round(value * 100) / 100.0);
    }
  }
}
