package org.hotlineacd.acd.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotlineacd.acd.app.ConfigAgentDirectory;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.port.WallboardFeed;
import org.hotlineacd.cti.port.WallboardFrame;
import org.junit.jupiter.api.Test;

/** A board that stops reading is dropped, and the board that reads gets every frame meanwhile. */
class WallboardFanOutTest {
  /** A feed the test publishes to by hand, with frames of about 128 KB. */
  static final class HandFeed implements WallboardFeed {
    final List<Consumer<WallboardFrame>> listeners = new CopyOnWriteArrayList<>();
    volatile WallboardFrame latest;
    final String bigTile = "{\"queue\":\"general\",\"pad\":\"" + "x".repeat(128 * 1024) + "\"}";

    void publish(long seq) {
      latest = new WallboardFrame(seq, seq, "\"at\":\"now\"", List.of(new WallboardFrame.Tile("general", bigTile)));
      listeners.forEach(l -> l.accept(latest));
    }

    @Override
    public List<String> queueIds() {
      return List.of("general");
    }

    @Override
    public WallboardFrame latest() {
      return latest;
    }

    @Override
    public Subscription subscribe(Consumer<WallboardFrame> listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }
  }

  @Test
  void aBoardThatStopsReading_isDropped_withoutSlowingTheOthers() throws Exception {
    HandFeed feed = new HandFeed();
    feed.publish(1);
    BridgeServer server = BridgeServer.builder(BridgeSettings.plain("127.0.0.1", 0))
        .engine(input -> { }, System::nanoTime)
        .directory(new ConfigAgentDirectory(ConfigLoader.load(java.nio.file.Path.of("../config/acd.yaml"))))
        .wallboard(feed, org.hotlineacd.bridge.wallboard.WallboardTokens.OPEN)
        .build()
        .start();
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      stalled.getOutputStream().write(("GET /ws/wallboard HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
          + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = stalled.getInputStream();
      assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
      // from here on the stalled board reads nothing
      LiveHarness.Board reader = new LiveHarness.Board();
      HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/wallboard"), reader).get(10, TimeUnit.SECONDS);
      reader.frame(1);
      assertThat(server.wallboards()).isEqualTo(2);
      long seq = 1;
      long start = System.nanoTime();
      while (server.wallboards() > 1 && seq < 400) {
        feed.publish(++seq);
        reader.frame(seq); // the reading board keeps up with every frame, each within the timeout
      }
      assertThat(server.wallboards()).as("the stalled board was dropped after %d frames", seq).isEqualTo(1);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
      feed.publish(++seq);
      assertThat(LiveHarness.Board.seq(reader.frame(seq))).isEqualTo(seq);
      reader.socket.abort();
    } finally {
      server.close();
    }
  }
}
