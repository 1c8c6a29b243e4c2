package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.asterisk.AmiTelephony;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.model.AgentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The server: the engine in real time, connected to the Asterisk servers of the configuration over AMI. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the ACD against the Asterisk servers listed under 'asterisk' in the configuration",
        "(AMI; see docs/asterisk.md), printing the connection state and the live figures."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOption config;

  @Option(names = "--every", paramLabel = "D", defaultValue = "10s", converter = DurationConverter.class,
      description = "how often to print the status (default: ${DEFAULT-VALUE})")
  Duration every;

  @Option(names = {"-d", "--duration"}, paramLabel = "D", converter = DurationConverter.class,
      description = "stop after this much time (default: run until Ctrl-C)")
  Duration duration;

  @Option(names = "--ready-agents",
      description = "log every configured agent in and make it ready at start (until agent desktops exist)")
  boolean readyAgents;

  @Override
  public Integer call() throws ConfigException, InterruptedException {
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
    Engine engine = new Engine(cfg.requireConsistent(), e -> { });
    EngineLoop loop = new EngineLoop(engine, TimeSource.scaled(System.currentTimeMillis() * 1_000_000L, 1.0));
    AtomicReference<EngineSnapshot> latest = new AtomicReference<>();
    loop.onBatchEnd(now -> latest.set(engine.snapshot(now)));
    if (readyAgents) {
      long id = 0;
      for (AgentConfig a : cfg.agents()) {
        loop.submit(new AgentLogin(++id, AgentId.of(a.id())));
        loop.submit(new AgentReady(++id, AgentId.of(a.id())));
      }
    }
    Set<String> endpoints = new HashSet<>();
    cfg.agents().forEach(a -> endpoints.add(a.endpoint()));
    AmiTelephony ami = new AmiTelephony(cfg.asterisk(), endpoints);
    loop.telephony(ami);
    out.printf("hotline-acd run: %d Asterisk server(s), %d agents; Ctrl-C stops.%n", cfg.asterisk().servers().size(),
        cfg.agents().size());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown, "acd-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    loop.start("acd-engine");
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
      if (stopped.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
        break;
      }
      print(out, ami, latest.get(), loop.inputsApplied());
    }
    print(out, ami, latest.get(), loop.inputsApplied());
    ami.close();
    loop.stop();
    if (duration != null) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    return 0;
  }

  private static void print(PrintWriter out, AmiTelephony ami, EngineSnapshot snap, long inputs) {
    for (AmiStatus s : ami.status()) {
      out.printf("asterisk %s: %s, %d connects, %d failures, %d events, %d drift%s%n", s.server(), s.state(), s.connects(),
          s.failures(), s.eventsReceived(), s.drift(), s.lastProblem().isEmpty() ? "" : " (last problem: " + s.lastProblem() + ")");
    }
    if (snap != null) {
      out.printf("engine: %d inputs, %d calls in the ACD, agents %s%n", inputs, snap.callsInAcd(), snap.agentsByState());
    }
    out.flush();
  }
}
