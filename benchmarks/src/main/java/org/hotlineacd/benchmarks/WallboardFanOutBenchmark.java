package org.hotlineacd.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.hotlineacd.acd.app.ConfigAgentDirectory;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.port.WallboardFeed;
import org.hotlineacd.cti.port.WallboardFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 1 Hz wallboard feed fanned out to {@code boards} WebSocket connections on loopback. One
 * operation publishes one frame (6 queue tiles, about 5 KB of JSON, as the demo's) and waits until
 * every board has received it. The reported time is wall time including the client side (both run
 * in this JVM on the same cores), so it bounds the server's cost from above. At teardown the CPU
 * time of the server's threads ({@code bridge-*}, {@code wallboard-fanout}) per frame is printed:
 * at one frame a second that is the share of one core the feed costs. {@code boards = 1} is the
 * baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WallboardFanOutBenchmark {
  @Param({"1", "1000"})
  int boards;

  private final Feed feed = new Feed();
  private BridgeServer server;
  private EventLoopGroup clients;
  private final List<Channel> channels = new ArrayList<>();
  private final AtomicReference<CountDownLatch> received = new AtomicReference<>(new CountDownLatch(0));
  private long seq;
  private long frames;
  private long serverCpuStart;

  /** A feed the benchmark publishes to by hand. */
  static final class Feed implements WallboardFeed {
    final List<Consumer<WallboardFrame>> listeners = new CopyOnWriteArrayList<>();
    volatile WallboardFrame latest;

    @Override
    public List<String> queueIds() {
      return List.of("q0", "q1", "q2", "q3", "q4", "q5");
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

    void publish(long seq) {
      List<WallboardFrame.Tile> tiles = new ArrayList<>();
      for (String q : queueIds()) {
        tiles.add(new WallboardFrame.Tile(q, "{\"queue\":\"" + q + "\",\"pad\":\"" + "x".repeat(780) + "\"}"));
      }
      latest = new WallboardFrame(seq, seq, "\"at\":\"2026-03-02T09:00:00\"", tiles);
      listeners.forEach(l -> l.accept(latest));
    }
  }

  @Setup(Level.Trial)
  public void connect() throws Exception {
    server = BridgeServer.builder(BridgeSettings.plain("127.0.0.1", 0))
        .engine(input -> { }, System::nanoTime)
        .directory(new ConfigAgentDirectory(ConfigLoader.load(Path.of("config/acd.yaml"))))
        .wallboard(feed, org.hotlineacd.bridge.wallboard.WallboardTokens.OPEN)
        .build()
        .start();
    clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws/wallboard");
    for (int i = 0; i < boards; i++) {
      Channel ch = new Bootstrap().group(clients).channel(NioSocketChannel.class)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                  new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(
                      uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), 1 << 20)),
                  new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame msg) {
                      received.get().countDown();
                    }
                  });
            }
          }).connect(uri.getHost(), uri.getPort()).sync().channel();
      channels.add(ch);
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (server.wallboards() < boards) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("only " + server.wallboards() + " boards connected");
      }
      Thread.sleep(10); // setup only: wait for the handshakes
    }
    serverCpuStart = serverCpuNanos();
  }

  @Benchmark
  public long fanOut() throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(boards);
    received.set(latch);
    feed.publish(++seq);
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(latch.getCount() + " boards did not get frame " + seq);
    }
    frames++;
    return seq;
  }

  @TearDown(Level.Trial)
  public void close() {
    long cpu = serverCpuNanos() - serverCpuStart;
    System.out.printf("%n[fan-out] %d boards: server threads used %.3f ms CPU per frame over %d frames"
        + " (= %.2f %% of one core at 1 frame/s)%n", boards, cpu / 1e6 / frames, frames, cpu / 1e7 / frames);
    channels.forEach(Channel::close);
    clients.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    server.close();
  }

  private static long serverCpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("bridge-") || t.getName().equals("wallboard-fanout")) {
        long c = mx.getThreadCpuTime(t.threadId());
        sum += Math.max(0, c);
      }
    }
    return sum;
  }
}
