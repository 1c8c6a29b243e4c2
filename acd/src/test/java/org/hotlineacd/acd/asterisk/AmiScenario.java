package org.hotlineacd.acd.asterisk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.cti.amireplay.AmiReplayServer;
import org.hotlineacd.cti.amireplay.Transcript;
import org.hotlineacd.cti.asterisk.AmiServer;
import org.hotlineacd.cti.asterisk.AmiSettings;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.asterisk.AmiTelephony;
import org.hotlineacd.cti.asterisk.Dialplan;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Telephony;

/**
 * The real engine on its real-time loop, the real Asterisk adapter and Asterisk-Java, and a replay
 * server on 127.0.0.1 serving a recorded scenario. Records every input the adapter submits and
 * every command the engine gives it; waits on conditions, never on the clock.
 */
final class AmiScenario implements AutoCloseable {
  /** An agent and its phone endpoint. */
  record A(String id, String endpoint) {}

  static final Path TRANSCRIPTS = Path.of("src/test/resources/ami-transcripts");

  final AmiReplayServer server;
  final Engine engine;
  final EngineLoop loop;
  final AmiTelephony ami;
  final List<Input> inputs = Collections.synchronizedList(new ArrayList<>());
  final List<TelephonyCommand> commands = Collections.synchronizedList(new ArrayList<>());
  final AtomicReference<EngineSnapshot> snapshot = new AtomicReference<>();

  /** @param agents agent id to endpoint, logged in and made ready in this order */
  AmiScenario(String scenario, List<A> agents, Duration ping) throws Exception {
    this(AmiReplayServer.scenario(TRANSCRIPTS.resolve(scenario)), agents, ping);
  }

  AmiScenario(List<Transcript> connections, List<A> agents, Duration ping) throws Exception {
    Transcript prelude = Transcript.read(TRANSCRIPTS.resolve("00-asterisk-java-style-login"), 1);
    server = new AmiReplayServer(connections, prelude);
    engine = new Engine(config(agents), e -> { });
    loop = new EngineLoop(engine, TimeSource.scaled(System.currentTimeMillis() * 1_000_000L, 1.0));
    loop.onBatchEnd(now -> snapshot.set(engine.snapshot(now)));
    long id = 0;
    for (A a : agents) {
      loop.submit(new AgentLogin(++id, AgentId.of(a.id())));
      loop.submit(new AgentReady(++id, AgentId.of(a.id())));
    }
    AmiServer s = new AmiServer("pbx1", "127.0.0.1", server.port(), "acd", () -> "acdsecret", "test", false);
    AmiSettings settings = new AmiSettings(List.of(s), ping, ping, Duration.ofMillis(20), Duration.ofMillis(200), 0.2,
        Duration.ZERO, Dialplan.DEFAULT);
    Set<String> endpoints = Set.copyOf(agents.stream().map(A::endpoint).toList());
    ami = new AmiTelephony(settings, endpoints);
    loop.telephony(new Telephony() {
      @Override
      public void start(InputSink sink) {
        ami.start(input -> {
          inputs.add(input);
          sink.submit(input);
        });
      }

      @Override
      public void execute(TelephonyCommand command) {
        commands.add(command);
        ami.execute(command);
      }
    });
    loop.start("acd-engine-test");
  }

  static AcdConfig config(List<A> agents) throws Exception {
    StringBuilder y = new StringBuilder("""
        skills: [general]
        notReadyReasons: [break]
        transferTargets:
          "110": {dialString: PJSIP/police/110}
        lines:
          - {id: support, queue: support}
          - {id: "800", queue: support}
        queues:
          - id: support
            skills: {general: 1}
            strategy: longest-idle
            ringTimeout: 15s
            wrapUp: 0s
        agents:
        """);
    for (A a : agents) {
      y.append("  - {id: ").append(a.id()).append(", endpoint: ").append(a.endpoint()).append(", skills: {general: 1}}\n");
    }
    return ConfigLoader.parse(y.toString(), "test.yaml");
  }

  /** An agent's request (desktop), straight into the engine's inbox; not recorded as an adapter input. */
  void request(Input request) {
    loop.submit(request);
  }

  /** Waits until the ACD has sent an action named {@code name} (case-insensitive); fails after 10 s. */
  String awaitAction(String name) throws InterruptedException {
    String a = server.awaitAction(name, 10_000);
    if (a == null) {
      throw new AssertionError("the ACD sent no " + name + "; received: " + server.received() + "\ninputs: " + inputs());
    }
    return a;
  }

  /** Plays the recording's next {@code action} as a third party (a phone, the recording's driver), failing if there is none. */
  void actAs(String action) {
    if (!server.actAs(action)) {
      throw new AssertionError("no unplayed recorded " + action);
    }
  }

  /** Waits until the recorded inputs satisfy {@code done}; fails after 10 s with what was seen. */
  void awaitInputs(Predicate<List<Input>> done) throws InterruptedException {
    await(() -> done.test(inputs()), () -> "inputs: " + inputs() + "\ncommands: " + commands);
  }

  void awaitState(Predicate<EngineSnapshot> done) throws InterruptedException {
    await(() -> snapshot.get() != null && done.test(snapshot.get()), () -> "snapshot: " + snapshot.get());
  }

  void awaitStatus(AmiStatus.State state) throws InterruptedException {
    await(() -> ami.status().get(0).state() == state, () -> "status: " + ami.status());
  }

  interface Condition {
    boolean ok();
  }

  static void await(Condition c, java.util.function.Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!c.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting; " + what.get());
      }
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(2); // polling a condition, not timing: the outcome never depends on this delay
    }
  }

  List<Input> inputs() {
    synchronized (inputs) {
      return List.copyOf(inputs);
    }
  }

  /** The inputs as short strings, for readable sequence assertions. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    for (Input i : inputs()) {
      out.add(i.toString().replace("org.hotlineacd.cti.", ""));
    }
    return out;
  }

  EngineSnapshot.AgentView agent(String id) {
    return snapshot.get().agents().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    ami.close();
    try {
      loop.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }
}
