package org.hotlineacd.bridge.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of the network edge: plain routes by exact path and WebSocket endpoints,
 * optionally over TLS. Routes are registered before {@link #start}; later issues add the wallboard,
 * {@code /metrics} and the admin API the same way.
 *
 * <p>Threading: Netty event loops (at most four, daemon threads named {@code bridge-*}) run every
 * handler; nothing here blocks them.
 */
public final class HttpServer implements AutoCloseable {
  static final String HTTP_IDLE = "http-idle";
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final BridgeSettings settings;
  private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
  private final Map<String, WebSocketEndpoint> sockets = new LinkedHashMap<>();
  private EventLoopGroup group;
  private Channel channel;

  /** A server that listens as {@code settings} say once started. */
  public HttpServer(BridgeSettings settings) {
    this.settings = settings;
  }

  /** Serves {@code route} at exactly {@code path}. */
  public HttpServer route(String path, HttpRoute route) {
    requireNew(path);
    routes.put(path, route);
    return this;
  }

  /** Serves a WebSocket endpoint at exactly {@code path}. */
  public HttpServer webSocket(String path, WebSocketEndpoint endpoint) {
    requireNew(path);
    sockets.put(path, endpoint);
    return this;
  }

  private void requireNew(String path) {
    if (channel != null) {
      throw new IllegalStateException("routes are added before start");
    }
    if (routes.containsKey(path) || sockets.containsKey(path)) {
      throw new IllegalArgumentException("path " + path + " is already served");
    }
  }

  /** The event loops of the server (for endpoint timers); null before start. */
  public EventLoopGroup eventLoops() {
    return group;
  }

  /** Binds and starts serving; throws if the address cannot be bound or TLS cannot be set up. */
  public synchronized HttpServer start() throws InterruptedException, SSLException {
    if (channel != null) {
      return this;
    }
    SslContext ssl = settings.tls() == null ? null
        : SslContextBuilder.forServer(settings.tls().certificate().toFile(), settings.tls().privateKey().toFile()).build();
    OriginPolicy origins = new OriginPolicy(settings.sessions().allowedOrigins(), ssl != null, settings.bind());
    Map<String, HttpRoute> r = Map.copyOf(routes);
    Map<String, WebSocketEndpoint> s = Map.copyOf(sockets);
    group = new MultiThreadIoEventLoopGroup(Math.min(4, Runtime.getRuntime().availableProcessors()),
        new DefaultThreadFactory("bridge", true), NioIoHandler.newFactory());
    try {
      channel = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ChannelPipeline p = ch.pipeline();
              if (ssl != null) {
                p.addLast("tls", ssl.newHandler(ch.alloc()));
              }
              p.addLast(HTTP_IDLE, new IdleStateHandler(0, 0, 60, TimeUnit.SECONDS));
              p.addLast("http", new HttpServerCodec());
              p.addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
              p.addLast("router", new Router(r, s, origins));
            }
          })
          .bind(new InetSocketAddress(settings.bind(), settings.port()))
          .sync()
          .channel();
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      group = null;
      throw e;
    }
    origins.bound(port());
    LOG.info("listening on {}://{}:{}", ssl == null ? "http" : "https", settings.bind(), port());
    return this;
  }

  /** The bound port (the chosen one when the settings said 0). */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and closes every connection. */
  @Override
  public synchronized void close() {
    if (channel != null) {
      channel.close().awaitUninterruptibly();
      channel = null;
    }
    if (group != null) {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
      group = null;
    }
  }
}
