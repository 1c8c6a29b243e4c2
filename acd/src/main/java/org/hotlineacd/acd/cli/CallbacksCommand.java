package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.records.Callbacks;
import org.hotlineacd.acd.records.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The abandoned-call callback list. */
@Command(name = "callbacks", mixinStandardHelpOptions = true,
    description = "Abandoned calls to call back.", subcommands = {CallbacksCommand.ListCallbacks.class})
final class CallbacksCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list");
  }

  /** {@code callbacks list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Numbers with an abandoned call on the day that did not reach an agent later that day.")
  static final class ListCallbacks implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin StorageOption storage;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the local day (default: today in the configured zone)")
    String date;

    @Override
    public Integer call() throws ConfigException, SQLException {
      AcdConfig cfg = config.load();
      ZoneId zone = cfg.settings().timeZone();
      LocalDate day;
      try {
        day = date == null ? LocalDate.now(zone) : LocalDate.parse(date.trim());
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--date '" + date + "' is not a date; use YYYY-MM-DD");
      }
      RecordStore store = storage.open(cfg);
      PrintWriter out = spec.commandLine().getOut();
      try (Connection c = store.connect()) {
        List<Callbacks.Callback> list = Callbacks.of(store, c, day.toString());
        out.printf(Locale.ROOT, "callbacks for %s (%s): %d number(s)%n", day, zone.getId(), list.size());
        out.printf(Locale.ROOT, "%-16s %8s %-8s %-8s %9s %-24s %s%n", "number", "abandons", "first", "last", "max wait", "line", "queue");
        for (Callbacks.Callback cb : list) {
          out.printf(Locale.ROOT, "%-16s %8d %-8s %-8s %8.0fs %-24s %s%n", cb.callerNumber(), cb.abandons(),
              time(cb.firstAbandonedNanos(), zone), time(cb.lastAbandonedNanos(), zone), cb.longestWaitNanos() / 1e9,
              cb.line(), cb.queue());
        }
      }
      out.flush();
      return 0;
    }

    private static String time(long nanos, ZoneId zone) {
      return Instant.ofEpochSecond(0, nanos).atZone(zone).toLocalTime().withNano(0).toString();
    }
  }
}
