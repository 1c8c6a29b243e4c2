package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.records.CaseOutbox;
import org.hotlineacd.acd.records.CaseState;
import org.hotlineacd.acd.records.OutboxEntry;
import org.hotlineacd.acd.records.RecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists and retries case handoffs in the outbox. */
@Command(name = "cases", mixinStandardHelpOptions = true,
    description = "Case handoffs: list them by state, retry failed and dead ones.",
    subcommands = {CasesCommand.ListCases.class, CasesCommand.Retry.class})
final class CasesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or retry");
  }

  /** {@code cases list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List case handoffs, newest first: state, webhook id (the idempotency key), call, attempts, case number, last error.")
  static final class ListCases implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin StorageOption storage;

    @Option(names = "--state", paramLabel = "S",
        description = "pending, delivered, failed, dead or local (default: all)")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most this many (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws ConfigException, SQLException {
      CaseState s = state == null ? null : parseState(spec, state);
      if (limit < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
      }
      AcdConfig cfg = config.load();
      ZoneId zone = cfg.settings().timeZone();
      RecordStore store = storage.open(cfg);
      PrintWriter out = spec.commandLine().getOut();
      try (Connection c = store.connect()) {
        List<OutboxEntry> entries = CaseOutbox.list(c, s, limit);
        out.printf(Locale.ROOT, "cases by state: %s%n", CaseOutbox.countByState(c));
        out.printf(Locale.ROOT, "%-10s %-34s %-19s %8s %-14s %s%n", "state", "webhook-id", "created", "attempts", "case", "last error");
        for (OutboxEntry e : entries) {
          out.printf(Locale.ROOT, "%-10s %-34s %-19s %8d %-14s %s%n", e.state().dbName(), e.webhookId(),
              Instant.ofEpochSecond(0, e.createdNanos()).atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' '),
              e.attempts(), e.caseNumber() == null ? "-" : e.caseNumber(),
              e.lastError() == null ? "" : (e.lastStatus() == null ? "" : "[" + e.lastStatus() + "] ") + e.lastError());
        }
        if (entries.isEmpty()) {
          out.println("(none)");
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code cases retry}. */
  @Command(name = "retry", mixinStandardHelpOptions = true,
      description = "Send failed or dead cases again (same webhook id, so the case system will not create a second case).")
  static final class Retry implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin StorageOption storage;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "a webhook id or record id")
    String id;

    @Option(names = "--all", description = "every failed and dead case")
    boolean all;

    @Override
    public Integer call() throws ConfigException, SQLException {
      if ((id == null) == !all) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give either a case id or --all");
      }
      AcdConfig cfg = config.load();
      RecordStore store = storage.open(cfg);
      try (Connection c = store.connect()) {
        int n = CaseOutbox.retry(c, all ? null : id, System.currentTimeMillis() * 1_000_000L);
        if (n == 0 && !all) {
          throw new CommandLine.ParameterException(spec.commandLine(), "no failed, dead or pending case with id '" + id + "'");
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "%d case(s) queued for delivery%s%n", n,
            cfg.caseSystem() == null ? " (no caseSystem is configured: they are sent once one is)" : "");
      }
      return 0;
    }
  }

  static CaseState parseState(CommandSpec spec, String text) {
    try {
      return CaseState.ofDb(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown state '" + text + "'; use pending, delivered, failed, dead or local");
    }
  }
}
