package org.hotlineacd.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import javax.net.ssl.SSLException;
import org.hotlineacd.bridge.agent.WebSocketAgentNotifier;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.bridge.server.HttpRoute;
import org.hotlineacd.bridge.server.HttpServer;
import org.hotlineacd.bridge.server.StaticFiles;
import org.hotlineacd.bridge.wallboard.MetricsRoute;
import org.hotlineacd.bridge.wallboard.WallboardSocket;
import org.hotlineacd.bridge.wallboard.WallboardTokens;
import org.hotlineacd.cti.port.AgentDirectory;
import org.hotlineacd.cti.port.AgentNotifier;
import org.hotlineacd.cti.port.CallerHistory;
import org.hotlineacd.cti.port.DeskPhone;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.MetricsScrape;
import org.hotlineacd.cti.port.ReadinessCheck;
import org.hotlineacd.cti.port.WallboardFeed;

/**
 * The softphone bridge: the HTTP server with {@code /health}, the agent desktop page at
 * {@code /agent} and the agent WebSocket at {@code /ws/agent}, optionally the wallboard
 * ({@code /wallboard}, {@code /ws/wallboard}) and {@code /metrics}, wired to the engine through the
 * ports of {@code cti-core}. Build it, give {@link #agentNotifier()} to the engine loop, then
 * {@link #start()} it.
 */
public final class BridgeServer implements AutoCloseable {
  /** Where agent desktops connect. */
  public static final String AGENT_SOCKET = "/ws/agent";
  /** Where wallboards connect. */
  public static final String WALLBOARD_SOCKET = "/ws/wallboard";

  private final HttpServer http;
  private final WebSocketAgentNotifier desks;
  private final ThreadPoolExecutor blocking;
  private final ThreadPoolExecutor historyLoads;
  private final WallboardSocket boards;

  private BridgeServer(HttpServer http, WebSocketAgentNotifier desks, ThreadPoolExecutor blocking,
      ThreadPoolExecutor historyLoads, WallboardSocket boards) {
    this.http = http;
    this.desks = desks;
    this.blocking = blocking;
    this.historyLoads = historyLoads;
    this.boards = boards;
  }

  /** A builder for a server that listens as {@code settings} say. */
  public static Builder builder(BridgeSettings settings) {
    return new Builder(settings);
  }

  /** The notifier the engine loop must deliver agent notices to. */
  public AgentNotifier agentNotifier() {
    return desks;
  }

  /** Binds and starts serving. */
  public BridgeServer start() throws InterruptedException, SSLException {
    http.start();
    return this;
  }

  /** The bound port. */
  public int port() {
    return http.port();
  }

  /** How many wallboards are connected (0 without a wallboard). */
  public int wallboards() {
    return boards == null ? 0 : boards.viewers();
  }

  @Override
  public void close() {
    if (boards != null) {
      boards.close();
    }
    http.close();
    blocking.shutdownNow();
    historyLoads.shutdownNow();
  }

  /** Collects the ports and extra routes of a {@link BridgeServer}. */
  public static final class Builder {
    private final BridgeSettings settings;
    private InputSink sink;
    private LongSupplier engineNanos;
    private AgentDirectory directory;
    private CallerHistory history = CallerHistory.NONE;
    private Supplier<? extends StatsCounter> historyStats = ConcurrentStatsCounter::new;
    private DeskPhone phone = DeskPhone.NONE;
    private final List<ReadinessCheck> checks = new ArrayList<>();
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
    private WallboardFeed wallboard;
    private WallboardTokens wallboardTokens = WallboardTokens.OPEN;
    private MetricsScrape metrics;

    private Builder(BridgeSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The engine's inbox and clock (epoch nanoseconds, safe to read from any thread). */
    public Builder engine(InputSink value, LongSupplier clockNanos) {
      this.sink = value;
      this.engineNanos = clockNanos;
      return this;
    }

    /** Who may log in and what they may pick. */
    public Builder directory(AgentDirectory value) {
      this.directory = value;
      return this;
    }

    /** Where the screen pop's previous calls come from (default: none). */
    public Builder callerHistory(CallerHistory value) {
      this.history = value;
      return this;
    }

    /**
     * Where the caller-history cache (Caffeine, named {@code callerHistory}) records its
     * statistics (default: kept in the cache only); a Micrometer {@code CaffeineStatsCounter} puts
     * them on {@code /metrics}.
     */
    public Builder callerHistoryStats(Supplier<? extends StatsCounter> value) {
      this.historyStats = Objects.requireNonNull(value, "value");
      return this;
    }

    /** How the desktop answers a ringing phone (default: it cannot). */
    public Builder deskPhone(DeskPhone value) {
      this.phone = value;
      return this;
    }

    /** A part {@code /health} reports readiness for. */
    public Builder readiness(ReadinessCheck check) {
      checks.add(check);
      return this;
    }

    /** One more HTTP route (the wallboard, {@code /metrics}, the admin API). */
    public Builder route(String path, HttpRoute route) {
      routes.put(path, route);
      return this;
    }

    /**
     * Serves the wallboard: the page at {@code /wallboard}, the feed at {@code /ws/wallboard},
     * readable by the holders of {@code tokens}.
     */
    public Builder wallboard(WallboardFeed feed, WallboardTokens tokens) {
      this.wallboard = Objects.requireNonNull(feed, "feed");
      this.wallboardTokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /** Serves {@code /metrics} for Prometheus. */
    public Builder metrics(MetricsScrape scrape) {
      this.metrics = Objects.requireNonNull(scrape, "scrape");
      return this;
    }

    /** Builds the server (not yet listening). */
    public BridgeServer build() {
      Objects.requireNonNull(sink, "engine");
      Objects.requireNonNull(directory, "directory");
      ThreadPoolExecutor blocking = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(512), daemon("bridge-blocking"));
      // Screen-pop history loads get their own threads: a burst of logins (each a PBKDF2 run) must
      // not delay the history of the calls being offered.
      ThreadPoolExecutor historyLoads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(512), daemon("bridge-history"));
      WebSocketAgentNotifier desks = new WebSocketAgentNotifier(settings.sessions(), sink, engineNanos, directory,
          phone, history, blocking, historyLoads, historyStats);
      HttpServer http = new HttpServer(settings);
      http.route("/health", new org.hotlineacd.bridge.server.HealthRoute(checks));
      StaticFiles page = StaticFiles.resource(BridgeServer.class, "/org/hotlineacd/bridge/web/agent/index.html");
      http.route("/agent", page).route("/agent/", page)
          .route("/agent/agent.js", StaticFiles.resource(BridgeServer.class, "/org/hotlineacd/bridge/web/agent/agent.js"))
          .route("/agent/agent.css", StaticFiles.resource(BridgeServer.class, "/org/hotlineacd/bridge/web/agent/agent.css"))
          .webSocket(AGENT_SOCKET, desks);
      WallboardSocket boards = null;
      if (wallboard != null) {
        boards = WallboardSocket.create(wallboard, wallboardTokens);
        boards.routes(BridgeServer.class).forEach(http::route);
        http.webSocket(WALLBOARD_SOCKET, boards);
      }
      if (metrics != null) {
        http.route("/metrics", new MetricsRoute(metrics));
      }
      routes.forEach(http::route);
      return new BridgeServer(http, desks, blocking, historyLoads, boards);
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }
}
