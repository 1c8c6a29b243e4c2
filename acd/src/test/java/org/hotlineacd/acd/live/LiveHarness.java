package org.hotlineacd.acd.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.app.ApiWallboardTokens;
import org.hotlineacd.acd.app.ConfigAgentDirectory;
import org.hotlineacd.acd.config.ApiToken;
import org.hotlineacd.acd.app.LiveMetrics;
import org.hotlineacd.acd.app.NetworkEdge;
import org.hotlineacd.acd.app.SimulatedCentre;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.sim.ProfileLoader;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.port.MetricsScrape;

/**
 * The shipped configuration and demo profile on virtual time, with the real bridge server on
 * 127.0.0.1 serving the wallboard and /metrics. The test thread is the engine thread: it runs the
 * loop and publishes the board. Not a test.
 */
final class LiveHarness implements AutoCloseable {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final long START = LocalDateTime.parse("2026-03-02T08:55:00").atZone(ZONE).toEpochSecond() * 1_000_000_000L;
  static final String ADMIN_TOKEN = "admin-0123456789abcdef0123";
  static final String TOKEN = "tv-lobby-0123456789abcdef";

  final SimulatedCentre centre;
  final MetricsScrape scrape;
  final BridgeServer server;
  final HttpClient http = HttpClient.newHttpClient();
  long now = START;

  private LiveHarness(SimulatedCentre centre, MetricsScrape scrape, BridgeServer server) {
    this.centre = centre;
    this.scrape = scrape;
    this.server = server;
  }

  /**
   * The shipped configuration; the board is read with one of {@code tokens} (as
   * security.wallboardTokens, hashed) or {@link #ADMIN_TOKEN}, or by anyone when {@code tokens} is empty.
   */
  static LiveHarness start(List<String> tokens) throws Exception {
    AcdConfig config = ConfigLoader.load(Path.of("../config/acd.yaml"));
    List<ApiToken> api = new java.util.ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      api.add(new ApiToken("wall-" + i, ApiToken.Role.WALLBOARD, sha256(tokens.get(i))));
    }
    if (!api.isEmpty()) {
      api.add(new ApiToken("admin", ApiToken.Role.ADMIN, sha256(ADMIN_TOKEN)));
    }
    LiveMetrics metrics = new LiveMetrics(config);
    SimulatedCentre centre = SimulatedCentre.create(config, ProfileLoader.load(Path.of("../config/profiles/demo.yaml")),
        7L, TimeSource.virtualFrom(START), metrics.segments());
    MetricsScrape scrape = metrics.bind(centre.board(), centre.config());
    BridgeServer server = NetworkEdge.builder(BridgeSettings.plain("127.0.0.1", 0), centre.loop(), centre.loop()::nowNanos,
            centre.hotline(), org.hotlineacd.cti.port.CallerHistory.NONE, new ConfigAgentDirectory(centre.config()))
        .callerHistoryStats(metrics.callerHistoryStats())
        .wallboard(centre.board(), new ApiWallboardTokens(() -> api))
        .metrics(scrape)
        .build();
    centre.withDesktops(server.agentNotifier());
    server.start();
    return new LiveHarness(centre, scrape, server);
  }

  static String sha256(String token) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Runs the simulated centre for {@code d} of virtual time. */
  void run(Duration d) {
    now = centre.loop().runUntil(now + d.toNanos());
  }

  /** Publishes the board now (this thread is the engine thread). */
  LiveSnapshot publish() {
    return centre.board().publish(now);
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port() + pathAndQuery;
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A WebSocket handshake for {@code pathAndQuery} over a raw socket: the status line and the body. */
  String[] handshake(String pathAndQuery) throws IOException {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      String req = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
          + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
      s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String all = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new String[] {all.substring(0, all.indexOf("\r\n")), all.substring(all.indexOf("\r\n\r\n") + 4)};
    }
  }

  /** A board client on /ws/wallboard that queues every text message it gets. */
  Board board(String query) throws Exception {
    Board board = new Board();
    http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/wallboard" + query), board)
        .get(10, TimeUnit.SECONDS);
    return board;
  }

  @Override
  public void close() {
    server.close();
  }

  /** A WebSocket listener collecting messages. */
  static final class Board implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    /** The next message, waiting at most 10 s. */
    String next() throws InterruptedException {
      String m = messages.poll(10, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no wallboard message within 10 s");
      }
      return m;
    }

    /** Skips messages until a board frame with at least this sequence arrives. */
    String frame(long sequence) throws InterruptedException {
      while (true) {
        String m = next();
        if (m.contains("\"type\":\"board\"") && seq(m) >= sequence) {
          return m;
        }
      }
    }

    static long seq(String json) {
      int i = json.indexOf("\"seq\":") + 6;
      int j = i;
      while (j < json.length() && Character.isDigit(json.charAt(j))) {
        j++;
      }
      return Long.parseLong(json.substring(i, j));
    }
  }
}
