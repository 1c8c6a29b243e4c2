package org.hotlineacd.bridge.wallboard;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.timeout.IdleStateHandler;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotlineacd.bridge.server.HttpRoute;
import org.hotlineacd.bridge.server.StaticFiles;
import org.hotlineacd.bridge.server.WebSocketEndpoint;
import org.hotlineacd.cti.port.WallboardFeed;
import org.hotlineacd.cti.port.WallboardFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/wallboard}: pushes every frame of the {@link WallboardFeed} to every connected board,
 * read-only. A board that reconnects with {@code ?since=N} gets a {@code resume} message and the
 * current frame at once; so does a new one.
 *
 * <p>Threading: the feed calls {@link #onFrame} on the engine thread, which only parks the frame;
 * one fan-out thread renders it once per distinct queue filter and hands a shared buffer to each
 * board's event loop. Frames published while a fan-out runs are coalesced into the latest.
 *
 * <p>Failure handling: a board whose connection is not writable (its outbound buffer is over the
 * high water mark because it stopped reading) is closed instead of being written to, so it never
 * holds up the others or grows the server's memory.
 */
public final class WallboardSocket implements WebSocketEndpoint, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WallboardSocket.class);
  /** A board sends nothing but pongs and closes. */
  private static final int MAX_FRAME_BYTES = 1024;
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

  final WallboardFeed feed;
  final WallboardAccess access;
  private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
  private final AtomicReference<WallboardFrame> pending = new AtomicReference<>();
  private final ExecutorService fanOut;
  private final WallboardFeed.Subscription subscription;

  WallboardSocket(WallboardFeed feed, WallboardAccess access) {
    this.feed = feed;
    this.access = access;
    this.fanOut = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "wallboard-fanout");
      t.setDaemon(true);
      return t;
    });
    this.subscription = feed.subscribe(this::onFrame);
  }

  /** A board endpoint over {@code feed} that admits holders of {@code tokens}. */
  public static WallboardSocket create(WallboardFeed feed, WallboardTokens tokens) {
    return new WallboardSocket(feed, new WallboardAccess(tokens, feed));
  }

  /** The page routes: {@code /wallboard} (token and filter checked) and its script and style. */
  public Map<String, HttpRoute> routes(Class<?> owner) {
    String dir = "/org/hotlineacd/bridge/web/wallboard/";
    WallboardPage page = new WallboardPage(access, StaticFiles.resource(owner, dir + "index.html"));
    Map<String, HttpRoute> r = new java.util.LinkedHashMap<>();
    r.put("/wallboard", page);
    r.put("/wallboard/", page);
    r.put("/wallboard/wallboard.js", StaticFiles.resource(owner, dir + "wallboard.js"));
    r.put("/wallboard/wallboard.css", StaticFiles.resource(owner, dir + "wallboard.css"));
    return r;
  }

  @Override
  public int maxFrameBytes() {
    return MAX_FRAME_BYTES;
  }

  @Override
  public FullHttpResponse admit(FullHttpRequest request) {
    return access.refuse(request);
  }

  @Override
  public void initialize(ChannelPipeline p) {
    p.channel().config().setWriteBufferWaterMark(WATER_MARK);
    p.addLast("board-heartbeat", new IdleStateHandler(60, 20, 0, TimeUnit.SECONDS));
    p.addLast("board", new Viewer(this));
  }

  /** How many boards are connected. */
  public int viewers() {
    return viewers.size();
  }

  void join(Viewer v) {
    viewers.add(v);
  }

  void leave(Viewer v) {
    viewers.remove(v);
  }

  /** Takes a new frame (engine thread): parks it and wakes the fan-out unless one is pending. */
  void onFrame(WallboardFrame frame) {
    if (pending.getAndSet(frame) == null) {
      try {
        fanOut.execute(this::fanOutLatest);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        pending.set(null); // closed
      }
    }
  }

  private void fanOutLatest() {
    WallboardFrame frame = pending.getAndSet(null);
    if (frame == null) {
      return;
    }
    Map<Set<String>, ByteBuf> rendered = new HashMap<>();
    try {
      for (Viewer v : viewers) {
        ByteBuf buf = rendered.computeIfAbsent(v.queues(), q -> encode(frame, q));
        v.offer(frame.sequence(), buf.retainedDuplicate());
      }
    } finally {
      rendered.values().forEach(ByteBuf::release);
    }
  }

  static ByteBuf encode(WallboardFrame frame, Set<String> queues) {
    return Unpooled.wrappedBuffer(frame.json(queues).getBytes(StandardCharsets.UTF_8));
  }

  void dropped(Viewer v, String why) {
    LOG.info("dropped a wallboard connection from {}: {}", v.remote(), why);
  }

  @Override
  public void close() {
    subscription.close();
    fanOut.shutdownNow();
  }
}
