package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.hotlineacd.acd.app.Hotline;
import org.hotlineacd.acd.app.LiveMetrics;
import org.hotlineacd.acd.app.RecordKeeping;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.acd.app.SimulatedCentre;
import java.util.List;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ApiToken;
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
  /** The wallboard token of the shipped sample (config/acd.yaml), published there as a demo token. */
  static final String DEMO_WALLBOARD_TOKEN = "demo-wallboard-token";

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

  @Mixin ServeOptions serve;

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
    BridgeSettings edge = serve.edge(spec, centre.config());
    Hotline hotline = Hotline.builder(config.path(), centre.centre(), metrics, time::nowNanos)
        .prepare(c -> SimulatedCentre.fit(c, loaded))
        .edge(edge)
        .deskPhone(centre.hotline())
        .records(records)
        .desktops(centre::withDesktops)
        .dataDir(Locations.home().resolve("data"))
        .summaryEvery((long) (1_000_000_000L * speed))
        .build();
    PrintWriter out = spec.commandLine().getOut();
    hotline.listen();
    String site = hotline.site();
    String wallboard = site + "/wallboard" + wallboardQuery(centre.config());
    out.printf("hotline-acd demo: profile '%s', %d simulated agents, speed x%s; wallboard at %s; Ctrl-C stops.%n",
        loaded.profile().name(), loaded.roster().size(), speed, wallboard);
    out.printf("Prometheus metrics: %s/metrics%n", site);
    out.printf("agent desktop: %s/agent (log in as one of the configured agents; see docs/agent-protocol.md)%n%n", site);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch cleanedUp = new CountDownLatch(1);
    Thread hook = ServeOptions.stopHook(stopped, cleanedUp, "acd-demo-stop");
    hotline.run();
    out.printf("admin API: %s/api/openapi.json (edit %s, or kill -HUP, to reload; see docs/admin-api.md)%n%n",
        site, config.path());
    out.flush();
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
      if (stopped.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
        break;
      }
      out.println(hotline.summary());
      out.flush();
    }
    hotline.close();
    if (records != null) {
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

  /**
   * The token part of the wallboard address: none for an open board; the sample's published demo
   * token when the configuration still accepts it (so the printed address opens as it is); else a
   * placeholder, since only hashes are configured.
   */
  static String wallboardQuery(AcdConfig config) {
    List<ApiToken> tokens = config.security().apiTokens();
    if (tokens.isEmpty()) {
      return "";
    }
    return ApiToken.match(tokens, DEMO_WALLBOARD_TOKEN).isPresent()
        ? "?token=" + DEMO_WALLBOARD_TOKEN
        : "?token=<one of security.wallboardTokens>";
  }

  private static String today(AcdConfig config) {
    return java.time.LocalDate.now(config.settings().timeZone()).toString();
  }
}
