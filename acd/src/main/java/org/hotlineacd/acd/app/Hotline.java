package org.hotlineacd.acd.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.records.RecordCallerHistory;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.port.AgentNotifier;
import org.hotlineacd.cti.port.CallerHistory;
import org.hotlineacd.cti.port.DeskPhone;
import org.hotlineacd.cti.port.ReadinessCheck;

/**
 * Everything a running centre serves around its engine, wired once for {@code demo} (simulated
 * PBX) and {@code run} (Asterisk) so the two cannot drift: the Netty server ({@code /agent},
 * {@code /ws/agent}, {@code /wallboard}, {@code /ws/wallboard}, {@code /metrics}, {@code /health}),
 * the admin API with its reload triggers and audit, call records and case delivery (when given)
 * with the screen pop's caller history read from them (cached; the cache's statistics on
 * {@code /metrics}),
 * the live board published every second and a printable summary of the live figures. {@code
 * /health} checks the engine, the records store (when kept) and whatever the builder adds (each
 * Asterisk server).
 *
 * <p>Life cycle: {@link #builder} and {@link Builder#build()} before the loop starts (the desktops
 * are connected to the loop then); {@link #listen()} binds the port; {@link #run()} starts the loop,
 * the reload triggers and the board; {@link #close()} stops all of it and flushes the records.
 */
public final class Hotline implements AutoCloseable {
  private final Centre centre;
  private final Administration admin;
  private final BridgeServer server;
  private final BridgeSettings edge;
  private final RecordKeeping records;
  private final AtomicReference<String> summary = new AtomicReference<>("starting...\n");
  private AutoCloseable boardTimer;

  private Hotline(Centre centre, Administration admin, BridgeServer server, BridgeSettings edge, RecordKeeping records) {
    this.centre = centre;
    this.admin = admin;
    this.server = server;
    this.edge = edge;
    this.records = records;
  }

  /**
   * A builder for the services around {@code centre}.
   *
   * @param configFile the file the configuration came from (the admin API writes back to it)
   * @param metrics the meters whose {@link LiveMetrics#segments()} already feed the engine
   * @param engineClock the engine's clock in epoch nanoseconds, safe from any thread
   */
  public static Builder builder(Path configFile, Centre centre, LiveMetrics metrics, LongSupplier engineClock) {
    return new Builder(configFile, centre, metrics, engineClock);
  }

  /** Binds the port; the message of a failure says how to free it. */
  public void listen() throws InterruptedException, SSLException {
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot listen on " + edge.bind() + ":" + edge.port()
          + " (" + e.getMessage() + "); free the port or pass --port", e);
    }
  }

  /** Starts the engine loop, the reload triggers (file watcher, SIGHUP) and the board's 1 Hz publication. */
  public void run() {
    centre.loop().start("acd-engine");
    admin.startTriggers();
    boardTimer = centre.board().everySecond(centre.loop());
  }

  /** The address the server answers on, e.g. {@code http://127.0.0.1:8080} (after {@link #listen()}). */
  public String site() {
    return (edge.tls() == null ? "http" : "https") + "://"
        + (edge.bind().contains(":") ? "[" + edge.bind() + "]" : edge.bind()) + ":" + server.port();
  }

  /** The bound port (after {@link #listen()}). */
  public int port() {
    return server.port();
  }

  /** The latest rendering of the live figures (see {@link LiveSummary}); any thread. */
  public String summary() {
    return summary.get();
  }

  /** The server (for tests and extra routes' owners). */
  public BridgeServer server() {
    return server;
  }

  /** The engine, its loop, figures and board. */
  public Centre centre() {
    return centre;
  }

  /** Stops the triggers, the board, the loop and the server, then flushes the records (if kept). */
  @Override
  public void close() {
    admin.close();
    if (boardTimer != null) {
      try {
        boardTimer.close();
      } catch (Exception e) {
        // stopping the board's timer cannot fail in a way worth reporting at exit
      }
    }
    try {
      centre.loop().stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    if (records != null) {
      records.close();
    }
  }

  /** Collects what differs between {@code demo} and {@code run}. */
  public static final class Builder {
    private final Path configFile;
    private final Centre centre;
    private final LiveMetrics metrics;
    private final LongSupplier engineClock;
    private UnaryOperator<AcdConfig> prepare = AcdConfig::requireConsistent;
    private BridgeSettings edge;
    private DeskPhone phone = DeskPhone.NONE;
    private RecordKeeping records;
    private Consumer<AgentNotifier> desktops;
    private Path dataDir = Path.of("data");
    private long summaryEveryNanos = 1_000_000_000L;
    private final List<ReadinessCheck> checks = new ArrayList<>();

    private Builder(Path configFile, Centre centre, LiveMetrics metrics, LongSupplier engineClock) {
      this.configFile = Objects.requireNonNull(configFile, "configFile");
      this.centre = Objects.requireNonNull(centre, "centre");
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      this.engineClock = Objects.requireNonNull(engineClock, "engineClock");
      this.edge = NetworkEdge.settings(centre.config());
      this.desktops = centre.loop()::notifier;
    }

    /** What the runtime adds to a reloaded file configuration (default: only the consistency check). */
    public Builder prepare(UnaryOperator<AcdConfig> value) {
      this.prepare = value;
      return this;
    }

    /** How the server listens (default: the configuration's {@code server} and {@code security}). */
    public Builder edge(BridgeSettings value) {
      this.edge = value;
      return this;
    }

    /** How a desktop answers a ringing phone (the simulated PBX can; Asterisk rings a real phone). */
    public Builder deskPhone(DeskPhone value) {
      this.phone = value;
      return this;
    }

    /** The call records being kept (closed with the hotline), or {@code null} for none. */
    public Builder records(RecordKeeping value) {
      this.records = value;
      return this;
    }

    /** Where the desktops' notifier goes (default: it becomes the loop's notifier). */
    public Builder desktops(Consumer<AgentNotifier> value) {
      this.desktops = value;
      return this;
    }

    /** Where the audit log is kept (default: {@code data/}). */
    public Builder dataDir(Path value) {
      this.dataDir = value;
      return this;
    }

    /** How often, in engine time, {@link Hotline#summary()} is rendered again (default: 1 s). */
    public Builder summaryEvery(long engineNanos) {
      this.summaryEveryNanos = engineNanos;
      return this;
    }

    /** One more part {@code /health} reports readiness for (an Asterisk server, say). */
    public Builder readiness(ReadinessCheck check) {
      checks.add(check);
      return this;
    }

    /**
     * Builds the admin service and the server and connects the desktops to the loop. Call before
     * the loop starts.
     *
     * @throws IOException when the configuration file cannot be read again for the admin API
     * @throws ConfigException when it no longer parses
     */
    public Hotline build() throws IOException, ConfigException {
      Administration admin = Administration.create(configFile, centre.config(), prepare, centre.engine(), centre.loop(),
          centre.figures(), dataDir);
      CallerHistory history = records == null ? CallerHistory.NONE : new RecordCallerHistory(records.store());
      BridgeServer.Builder bridge = admin.attach(NetworkEdge.builder(edge, centre.loop(), engineClock, phone, history,
              admin.directory()))
          .callerHistoryStats(metrics.callerHistoryStats())
          .wallboard(centre.board(), new ApiWallboardTokens(() -> admin.admin().config().security().apiTokens()))
          .metrics(metrics.bind(centre.board(), centre.config()));
      if (records != null) {
        bridge.readiness(new StorageReadiness(records::health));
      }
      checks.forEach(bridge::readiness);
      BridgeServer server = bridge.build();
      desktops.accept(server.agentNotifier());
      Hotline hotline = new Hotline(centre, admin, server, edge, records);
      long[] lastRendered = {Long.MIN_VALUE / 2};
      centre.loop().onBatchEnd(now -> {
        if (now - lastRendered[0] >= summaryEveryNanos) {
          lastRendered[0] = now;
          hotline.summary.set(LiveSummary.render(centre.engine().snapshot(now), centre.figures(), now));
        }
      });
      return hotline;
    }
  }
}
