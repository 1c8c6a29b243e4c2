package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.acd.figures.Period;
import org.hotlineacd.acd.records.PeriodReport;
import org.hotlineacd.acd.records.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints the period report from the stored interval figures. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Print the figures of a period from the records database: the 话务服务 table, offered,",
        "abandoned, AHT, transfers by label, top categories, per queue and per interval.",
        "Times are local in the configured time zone; --to is exclusive, a bare date as --to means the end of that day."})
final class ReportCommand implements Callable<Integer> {
  /** The report formats. */
  enum Format { table, csv, json }

  /** The breakdown periods, plus auto. */
  enum By { auto, interval, hour, day, month, year }

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StorageOption storage;

  @Option(names = "--from", required = true, paramLabel = "WHEN", description = "start: YYYY-MM-DD or YYYY-MM-DDTHH:MM")
  String from;

  @Option(names = "--to", required = true, paramLabel = "WHEN", description = "end (exclusive; a bare date includes that day)")
  String to;

  @Option(names = "--queue", paramLabel = "ID", description = "report on this queue only (default: the whole centre)")
  String queue;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--by", paramLabel = "P", defaultValue = "auto",
      description = "breakdown: interval, hour, day, month, year or auto (interval up to a day, day up to 92 days, else month)")
  By by;

  @Override
  public Integer call() throws ConfigException, SQLException {
    AcdConfig cfg = config.load();
    ZoneId zone = cfg.settings().timeZone();
    LocalTimes.LocalTime start = LocalTimes.parse(from).orElseThrow(() -> usage("--from", from));
    LocalTimes.LocalTime end = LocalTimes.parse(to).orElseThrow(() -> usage("--to", to));
    long fromNanos = start.epochNanos(zone);
    long toNanos = end.dateOnly() ? end.time().plusDays(1).atZone(zone).toEpochSecond() * 1_000_000_000L : end.epochNanos(zone);
    if (fromNanos >= toNanos) {
      throw new ParameterException(spec.commandLine(),
          "--from (" + from + ") must be before --to (" + to + "): the range is empty");
    }
    RecordStore store = storage.open(cfg);
    try (Connection c = store.connect()) {
      if (queue != null) {
        Set<String> known = new TreeSet<>(store.scopes(c));
        known.remove(Figures.CENTRE);
        cfg.queues().stream().map(QueueConfig::id).forEach(known::add);
        if (!known.contains(queue)) {
          throw new ParameterException(spec.commandLine(),
              "unknown queue '" + queue + "'; known queues: " + String.join(", ", known));
        }
      }
      Period period = by == By.auto ? PeriodReport.defaultPeriod(fromNanos, toNanos)
          : Period.valueOf(by.name().toUpperCase(Locale.ROOT));
      PeriodReport report = PeriodReport.read(store, c, cfg, fromNanos, toNanos, queue, period);
      PrintWriter out = spec.commandLine().getOut();
      out.print(switch (format) {
        case table -> report.table();
        case csv -> report.csv();
        case json -> report.json();
      });
      out.flush();
    }
    return 0;
  }

  private ParameterException usage(String option, String value) {
    return new ParameterException(spec.commandLine(), option + " '" + value
        + "' is not a date or time; use YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2026-03-02 or 2026-03-02T08:00");
  }
}
