package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import org.hotlineacd.acd.app.Administration;
import org.hotlineacd.acd.app.LiveMetrics;
import org.hotlineacd.acd.app.LiveSummary;
import org.hotlineacd.acd.app.RecordKeeping;
import org.hotlineacd.acd.app.NetworkEdge;
import org.hotlineacd.acd.app.NoCallerHistory;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.acd.app.SimulatedCentre;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.sim.LoadedProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The newcomer's first command: the real engine serving simulated callers and agents in real time
 * (or sped up), with a live summary every few seconds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the engine with the simulated PBX in real time (no Asterisk needed) and print a",
        "live summary: calls waiting, longest wait, answered, 30-second rate, ASA, talk; agents by state."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin ProfileOptions profile;
  @Mixin StorageOption storage;

  @Option(names = "--no-records", description = "do not write call records and cases (default: write them to the records database)")
  boolean noRecords;

  @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
      description = "how many times faster than real time the simulated hotline runs (default: ${DEFAULT-VALUE})")
  double speed;

  @Option(names = "--every", paramLabel = "D", defaultValue = "5s", converter = DurationConverter.class,
      description = "how often to print the summary, in real time (default: ${DEFAULT-VALUE})")
  Duration every;

  @Option(names = {"-d", "--duration"}, paramLabel = "D", converter = DurationConverter.class,
      description = "stop after this much real time (default: run until Ctrl-C)")
  Duration duration;

  @Option(names = "--port", paramLabel = "N",
      description = "serve the agent page and /health on this port instead of server.port (0: any free port)")
  Integer port;

  @Override
  public Integer call() throws ConfigException, InterruptedException, java.sql.SQLException,
      javax.net.ssl.SSLException, java.io.IOException {
    if (!(speed > 0) || speed > 10_000) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--speed must be above 0 and at most 10000, was " + speed);
    }
    AcdConfig base = config.load();
    LoadedProfile loaded = profile.load("demo");
    long start = System.currentTimeMillis() * 1_000_000L;
    RecordKeeping records = noRecords ? null : RecordKeeping.start(base, storage.storage(base), false);
    TimeSource time = TimeSource.scaled(start, speed);
    LiveMetrics metrics = new LiveMetrics(base);
    SimulatedCentre centre = records == null
        ? SimulatedCentre.create(base, loaded, profile.seed, time, metrics.segments())
        : SimulatedCentre.create(base, loaded, profile.seed, time, metrics.segments(), records.listener());
    BridgeSettings edge = NetworkEdge.settings(centre.config());
    if (port != null) {
      if (port < 0 || port > 65535) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
      }
      edge = new BridgeSettings(edge.bind(), port, edge.tls(), edge.sessions());
    }
    Administration admin = Administration.create(config.path(), centre.config(),
        c -> SimulatedCentre.fit(c, loaded), centre.engine(), centre.loop(), centre.figures(), Locations.home().resolve("data"));
    BridgeServer server = admin.attach(NetworkEdge.builder(edge, centre.loop(), time::nowNanos,
            centre.hotline(), new NoCallerHistory(), admin.directory()))
        .wallboard(centre.board(), centre.config().wallboard().tokens())
        .metrics(metrics.bind(centre.board(), centre.config()))
        .build();
    centre.withDesktops(server.agentNotifier());
    AtomicReference<String> latest = new AtomicReference<>("starting...\n");
    long publishEveryNanos = (long) (1_000_000_000L * speed);
    long[] lastPublished = {Long.MIN_VALUE / 2};
    centre.loop().onBatchEnd(now -> {
      if (now - lastPublished[0] >= publishEveryNanos) {
        lastPublished[0] = now;
        latest.set(LiveSummary.render(centre.engine().snapshot(now), centre.figures(), now));
      }
    });
    PrintWriter out = spec.commandLine().getOut();
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot listen on " + edge.bind() + ":" + edge.port()
          + " (" + e.getMessage() + "); free the port or pass --port", e);
    }
    String site = (edge.tls() == null ? "http" : "https") + "://"
        + (edge.bind().contains(":") ? "[" + edge.bind() + "]" : edge.bind()) + ":" + server.port();
    String wallboard = site + "/wallboard" + (centre.config().wallboard().open() ? "" : "?token=<one of wallboard.tokens>");
    out.printf("hotline-acd demo: profile '%s', %d simulated agents, speed x%s; wallboard at %s; Ctrl-C stops.%n",
        loaded.profile().name(), loaded.roster().size(), speed, wallboard);
    out.printf("Prometheus metrics: %s/metrics%n", site);
    out.printf("agent desktop: %s/agent (log in as one of the configured agents; see docs/agent-protocol.md)%n%n", site);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch cleanedUp = new CountDownLatch(1);
    // Ctrl-C: let the main thread flush the records and close the server before the JVM exits.
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        cleanedUp.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "acd-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    centre.loop().start("acd-engine");
    admin.startTriggers();
    out.printf("admin API: %s/api/openapi.json (edit %s, or kill -HUP, to reload; see docs/admin-api.md)%n%n",
        site, config.path());
    out.flush();
    AutoCloseable board = centre.board().everySecond(centre.loop());
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
      if (stopped.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
        break;
      }
      out.println(latest.get());
      out.flush();
    }
    admin.close();
    closeQuietly(board);
    centre.loop().stop();
    server.close();
    if (records != null) {
      records.close();
      out.printf("records: %s in %s%n  see them with: bin/acd report --from %s --to %s; bin/acd cases list; bin/acd callbacks list --date %s%n",
          records.summary(), storage.storage(base).jdbcUrl(), today(base), today(base), today(base));
      out.flush();
    }
    cleanedUp.countDown();
    if (duration != null) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    return 0;
  }

  private static java.time.LocalDate today(AcdConfig config) {
    return java.time.LocalDate.now(config.settings().timeZone());
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // stopping the board's timer cannot fail in a way worth reporting at exit
    }
  }
}
