package org.hotlineacd.acd.desk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.hotlineacd.acd.app.NetworkEdge;
import org.hotlineacd.acd.app.SimulatedCentre;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.sim.ProfileLoader;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.auth.SecretHash;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.output.AgentNotice;

/**
 * A running centre for desktop tests: the real engine on a real-time loop, the simulated PBX with
 * callers waiting from the first second (and no simulated agents, so every call waits for the
 * desk agents), and the bridge on a free port of 127.0.0.1. Every notice the engine sends is also
 * recorded, so tests can await the engine's side of things instead of sleeping.
 */
final class DeskHarness implements AutoCloseable {
  static final String SECRET = "correct horse battery";
  /** Cheap hashes: tests log in often; the scheme and check are the production ones. */
  static final String HASH = SecretHash.hash(SECRET.toCharArray(), SecretHash.MIN_ITERATIONS);

  final SimulatedCentre centre;
  final BridgeServer server;
  final BlockingQueue<AgentNotice> notices = new LinkedBlockingQueue<>();

  private DeskHarness(SimulatedCentre centre, BridgeServer server) {
    this.centre = centre;
    this.server = server;
  }

  static DeskHarness start(boolean callers) throws Exception {
    return start(callers, s -> s);
  }

  static DeskHarness start(boolean callers, java.util.function.UnaryOperator<BridgeSettings.Sessions> sessions)
      throws Exception {
    AcdConfig config = ConfigLoader.parse(config(), "desk-test.yaml");
    var profile = ProfileLoader.parse(profile(callers), "desk-test-profile.yaml");
    TimeSource time = TimeSource.scaled(System.currentTimeMillis() * 1_000_000L, 1.0);
    SimulatedCentre centre = SimulatedCentre.create(config, profile, 7, time);
    BridgeSettings base = NetworkEdge.settings(centre.config());
    BridgeSettings settings = new BridgeSettings("127.0.0.1", 0, null, sessions.apply(base.sessions()));
    BridgeServer server = NetworkEdge.server(centre.config(), settings, centre.loop(), time::nowNanos,
        centre.hotline(), org.hotlineacd.cti.port.CallerHistory.NONE);
    DeskHarness h = new DeskHarness(centre, server);
    centre.withDesktops(n -> {
      h.notices.add(n);
      server.agentNotifier().notify(n);
    });
    server.start();
    centre.loop().start("test-engine");
    return h;
  }

  String wsUri() {
    return "ws://127.0.0.1:" + server.port() + BridgeServer.AGENT_SOCKET;
  }

  String httpUri(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** The next recorded notice matching {@code p}, skipping others; fails after a timeout. */
  AgentNotice awaitNotice(Predicate<AgentNotice> p, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    java.util.List<AgentNotice> skipped = new java.util.ArrayList<>();
    while (true) {
      AgentNotice n = notices.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (n == null) {
        throw new AssertionError("no matching engine notice within " + timeout + "; skipped " + skipped);
      }
      skipped.add(n);
      if (p.test(n)) {
        return n;
      }
    }
  }

  @Override
  public void close() {
    server.close();
    centre.hotline().close();
    try {
      centre.loop().stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String config() {
    return """
        settings: {timeZone: Asia/Shanghai, maxConsecutiveNoAnswer: 5}
        security:
          allowedOrigins: [http://desk.example]
          reconnectGrace: 300ms
          disconnectReason: desktop-lost
          maxFrameBytes: 4096
          maxMessagesPerSecond: 20
        skills: [general]
        notReadyReasons: [break, lunch, desktop-lost]
        dispositions: {resolved-online: resolved on the call, dispatch-to-department: work order}
        categories: {housing: housing, transport: transport}
        transferTargets:
          "110": {dialString: PJSIP/police/110, description: police}
        lines:
          - {id: "12345", queue: general, callerData: [ACD_IVR_PATH]}
        queues:
          - {id: general, name: General, skills: {general: 1}, strategy: longest-idle, ringTimeout: 30s, wrapUp: 60s}
          - {id: policy, name: Policy, skills: {general: 1}, strategy: longest-idle, ringTimeout: 30s, wrapUp: 60s}
        agents:
        %s
        """.formatted(agents());
  }

  private static String agents() {
    StringBuilder b = new StringBuilder();
    for (String id : List.of("d1", "d2", "d3")) {
      b.append("  - {id: ").append(id).append(", name: Desk ").append(id).append(", endpoint: PJSIP/").append(id)
          .append(", skills: {general: 5}, secretHash: \"").append(HASH).append("\"}\n");
    }
    b.append("  - {id: nosecret, endpoint: PJSIP/nosecret, skills: {general: 5}}\n");
    return b.toString();
  }

  private static String profile(boolean callers) {
    return """
        name: desk-test
        timeZone: Asia/Shanghai
        lines:
          - line: "12345"
            callsPerHour: %d
            talk: uniform(1h, 2h)
            patience: uniform(2h, 3h)
            startBurst: {calls: %d, within: 1s}
        agentGroups: []
        """.formatted(callers ? 60 : 0, callers ? 3 : 0);
  }
}
