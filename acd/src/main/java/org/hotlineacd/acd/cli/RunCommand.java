package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.app.AsteriskReadiness;
import org.hotlineacd.acd.app.Centre;
import org.hotlineacd.acd.app.Hotline;
import org.hotlineacd.acd.app.LiveMetrics;
import org.hotlineacd.acd.app.RecordKeeping;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.asterisk.AmiTelephony;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.model.AgentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The server: the engine in real time, connected to the Asterisk servers of the configuration over
 * AMI, with everything {@code demo} serves around it (see {@link Hotline}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the ACD against the Asterisk servers listed under 'asterisk' in the configuration",
        "(AMI; see docs/asterisk.md): agent desktops, wallboard, admin API, /metrics and /health on",
        "server.port, call records and case delivery; prints the connection state and the live figures."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StorageOption storage;
  @Mixin ServeOptions serve;

  @Option(names = "--no-records", description = "do not write call records and cases (default: write them to the records database)")
  boolean noRecords;

  @Option(names = "--every", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
      description = "how often to print the status (default: ${DEFAULT-VALUE})")
  Duration every;

  @Option(names = {"-d", "--duration"}, paramLabel = "D", converter = DurationConverter.class,
      description = "stop after this much time (default: run until Ctrl-C)")
  Duration duration;

  @Option(names = "--ready-agents",
      description = "log every configured agent in and make it ready at start, without a desktop (for tests of the dialplan)")
  boolean readyAgents;

  @Override
  public Integer call() throws Exception {
    AcdConfig cfg = config.load();
    PrintWriter out = spec.commandLine().getOut();
    if (cfg.asterisk().servers().isEmpty()) {
      spec.commandLine().getErr().printf(
          "acd run: no Asterisk server is configured in %s.%n"
              + "Add an 'asterisk' section, for example:%n%n"
              + "  asterisk:%n    servers:%n      - name: pbx1%n        host: 127.0.0.1%n        port: 5038%n"
              + "        username: acd%n        secretEnv: ACD_AMI_SECRET%n%n"
              + "and the AMI user, dialplan and phones from config/asterisk/ (see docs/asterisk.md).%n"
              + "Without Asterisk, 'acd demo' runs the engine with simulated callers and agents.%n", config.path());
      return Main.FAILED;
    }
    AcdConfig running = cfg.requireConsistent();
    var edge = serve.edge(spec, running);
    RecordKeeping records = noRecords ? null : RecordKeeping.start(running, storage.storage(running), false);
    TimeSource time = TimeSource.scaled(System.currentTimeMillis() * 1_000_000L, 1.0);
    LiveMetrics metrics = new LiveMetrics(running);
    Centre centre = records == null
        ? Centre.create(running, time, metrics.segments())
        : Centre.create(running, time, metrics.segments(), records.listener());
    Set<String> endpoints = new HashSet<>();
    running.agents().forEach(a -> endpoints.add(a.endpoint()));
    AmiTelephony ami = new AmiTelephony(running.asterisk(), endpoints);
    Hotline.Builder builder = Hotline.builder(config.path(), centre, metrics, time::nowNanos)
        .edge(edge)
        .records(records)
        .dataDir(Locations.home().resolve("data"));
    running.asterisk().servers().forEach(s -> builder.readiness(new AsteriskReadiness(s.name(), ami::status)));
    Hotline hotline = builder.build();
    if (readyAgents) {
      long id = 0;
      for (AgentConfig a : running.agents()) {
        centre.loop().submit(new AgentLogin(++id, AgentId.of(a.id())));
        centre.loop().submit(new AgentReady(++id, AgentId.of(a.id())));
      }
    }
    // The adapter connects as soon as it has its inbox; its events wait there until the loop starts.
    centre.loop().telephony(ami);
    hotline.listen();
    String site = hotline.site();
    out.printf("hotline-acd run: %d Asterisk server(s), %d agents; Ctrl-C stops.%n", running.asterisk().servers().size(),
        running.agents().size());
    out.printf("agent desktop: %s/agent; wallboard: %s/wallboard; health: %s/health; Prometheus metrics: %s/metrics%n",
        site, site, site, site);
    out.printf("admin API: %s/api/openapi.json (edit %s, or kill -HUP, to reload; see docs/admin-api.md)%n%n",
        site, config.path());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch cleanedUp = new CountDownLatch(1);
    Thread hook = ServeOptions.stopHook(stopped, cleanedUp, "acd-run-stop");
    hotline.run();
    boolean interrupted = false;
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
        if (stopped.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
          break;
        }
        print(out, ami, hotline, centre.loop().inputsApplied());
      }
    } catch (InterruptedException e) {
      interrupted = true; // stop as on Ctrl-C (an embedding thread was told to stop), then say so
    }
    print(out, ami, hotline, centre.loop().inputsApplied());
    ami.close();
    hotline.close();
    if (records != null) {
      out.printf("records: %s in %s%n", records.summary(), storage.storage(running).jdbcUrl());
      out.flush();
    }
    cleanedUp.countDown();
    if (duration != null || interrupted) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void print(PrintWriter out, AmiTelephony ami, Hotline hotline, long inputs) {
    for (AmiStatus s : ami.status()) {
      out.printf("asterisk %s: %s, %d connects, %d failures, %d events, %d drift%s%n", s.server(), s.state(), s.connects(),
          s.failures(), s.eventsReceived(), s.drift(), s.lastProblem().isEmpty() ? "" : " (last problem: " + s.lastProblem() + ")");
    }
    out.printf("engine: %d inputs%n%s%n", inputs, hotline.summary());
    out.flush();
  }
}
