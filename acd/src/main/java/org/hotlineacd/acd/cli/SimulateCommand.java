package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotlineacd.acd.app.RecordKeeping;
import org.hotlineacd.acd.app.SimulatedCentre;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.figures.FigureTables;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.sim.LoadedProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the engine on the simulated PBX at full speed on virtual time and prints the figures. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Run the real engine against simulated callers and agents on virtual time, as fast as",
        "the CPU allows, and print the figures of METRICS.md per queue and for the whole centre."})
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ProfileOptions profile;

  @Option(names = {"-d", "--duration"}, paramLabel = "D", defaultValue = "24h", converter = DurationConverter.class,
      description = "virtual time to simulate, e.g. 8h, 90m (default: ${DEFAULT-VALUE})")
  Duration duration;

  @Mixin StorageOption storage;

  @Option(names = "--store",
      description = "also write call records, interval figures and cases to the records database (default: off, to stay fast)")
  boolean store;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "the local date the run starts on, at midnight in the configured time zone (default: 2026-03-02, a Monday)")
  LocalDate date;

  @Override
  public Integer call() throws ConfigException, java.sql.SQLException {
    AcdConfig base = config.load();
    LoadedProfile loaded = profile.load("city-peak-day");
    Quiet.engineAtFullSpeed();
    ZoneId zone = base.settings().timeZone();
    LocalDate day = date == null ? LocalDate.of(2026, 3, 2) : date;
    long start = day.atStartOfDay(zone).toInstant().getEpochSecond() * 1_000_000_000L;
    RecordKeeping records = store ? RecordKeeping.start(base, storage.storage(base), true) : null;
    SimulatedCentre centre = records == null
        ? SimulatedCentre.create(base, loaded, profile.seed, TimeSource.virtualFrom(start))
        : SimulatedCentre.create(base, loaded, profile.seed, TimeSource.virtualFrom(start), records.listener());
    long wallStart = System.nanoTime();
    long end = centre.loop().runUntil(start + duration.toNanos());
    if (records != null) {
      records.close();
    }
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "simulated %s of profile '%s' (seed %d) from %s in %s%n", format(duration),
        loaded.profile().name(), profile.seed, day, zone);
    out.println(FigureTables.report(centre.figures(), start, end));
    out.printf(Locale.ROOT, "simulator: %s%n", centre.hotline().counts());
    out.printf(Locale.ROOT, "engine: %,d inputs in %.2f s of wall time (%,.0f inputs/s), %d agents configured%n",
        centre.loop().inputsApplied(), wallSeconds, centre.loop().inputsApplied() / Math.max(wallSeconds, 1e-9),
        centre.config().agents().size());
    if (records != null) {
      out.printf(Locale.ROOT, "records: %s in %s%n", records.summary(), storage.storage(base).jdbcUrl());
    }
    return 0;
  }

  private static String format(Duration d) {
    return org.hotlineacd.acd.config.Durations.format(d);
  }
}
