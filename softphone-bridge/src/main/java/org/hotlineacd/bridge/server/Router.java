package org.hotlineacd.bridge.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each HTTP request to its route by exact path (or, for a route registered as {@code
 * /prefix/*}, by prefix), or upgrades it to one of the WebSocket
 * endpoints after checking its {@code Origin}. One instance per connection; it leaves the pipeline
 * when the connection becomes a WebSocket.
 */
final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final Map<String, HttpRoute> routes;
  private final Map<String, WebSocketEndpoint> sockets;
  private final OriginPolicy origins;

  Router(Map<String, HttpRoute> routes, Map<String, WebSocketEndpoint> sockets, OriginPolicy origins) {
    this.routes = routes;
    this.sockets = sockets;
    this.origins = origins;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      send(ctx, req, Responses.error(HttpResponseStatus.BAD_REQUEST, "bad-request", "the request could not be parsed"), false);
      return;
    }
    String path = new QueryStringDecoder(req.uri()).path();
    WebSocketEndpoint socket = sockets.get(path);
    if (socket != null) {
      upgrade(ctx, req, path, socket);
      return;
    }
    HttpRoute route = routes.get(path);
    if (route == null) {
      route = prefixRoute(path);
    }
    if (route instanceof AsyncHttpRoute async) {
      respondLater(ctx, req, path, async);
      return;
    }
    FullHttpResponse response;
    if (route == null) {
      response = Responses.error(HttpResponseStatus.NOT_FOUND, "not-found", "nothing at " + path);
    } else {
      try {
        response = route.respond(req);
      } catch (RuntimeException e) {
        LOG.error("route {} failed", path, e);
        response = Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal-error", "the server failed to answer");
      }
    }
    send(ctx, req, response, HttpUtil.isKeepAlive(req));
  }

  /** The route registered as {@code /prefix/*} whose prefix {@code path} starts with, or null. */
  private HttpRoute prefixRoute(String path) {
    for (Map.Entry<String, HttpRoute> e : routes.entrySet()) {
      String key = e.getKey();
      if (key.endsWith("/*") && path.startsWith(key.substring(0, key.length() - 1))) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Answers from another thread; the connection reads nothing more until the answer is sent. */
  private static void respondLater(ChannelHandlerContext ctx, FullHttpRequest req, String path, AsyncHttpRoute route) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    ctx.channel().config().setAutoRead(false);
    java.util.concurrent.CompletionStage<FullHttpResponse> answer;
    try {
      answer = route.respondAsync(req);
    } catch (RuntimeException e) {
      answer = java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((response, failure) -> ctx.executor().execute(() -> {
      FullHttpResponse r = response;
      if (failure != null || r == null) {
        LOG.error("route {} failed", path, failure);
        r = Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal-error", "the server failed to answer");
      }
      send(ctx, null, r, keepAlive);
      ctx.channel().config().setAutoRead(true);
    }));
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, String path, WebSocketEndpoint socket) {
    if (!req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      send(ctx, req, Responses.error(HttpResponseStatus.BAD_REQUEST, "websocket-only",
          path + " is a WebSocket endpoint: open it with a WebSocket client"), false);
      return;
    }
    if (!origins.allows(req)) {
      LOG.warn("refused a WebSocket handshake from origin {}", req.headers().get(HttpHeaderNames.ORIGIN));
      send(ctx, req, Responses.error(HttpResponseStatus.FORBIDDEN, "origin-not-allowed",
          "pages from this origin may not connect; see security.allowedOrigins"), false);
      return;
    }
    FullHttpResponse refused = socket.admit(req);
    if (refused != null) {
      send(ctx, req, refused, false);
      return;
    }
    ChannelPipeline p = ctx.pipeline();
    WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(path)
        .checkStartsWith(true) // the path matched exactly above; this lets a query string through
        .dropPongFrames(false)
        .handshakeTimeoutMillis(10_000)
        .decoderConfig(WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(socket.maxFrameBytes())
            .allowExtensions(false)
            .build())
        .build();
    p.addLast("ws-protocol", new WebSocketServerProtocolHandler(config));
    socket.initialize(p);
    if (p.get(HttpServer.HTTP_IDLE) != null) {
      p.remove(HttpServer.HTTP_IDLE);
    }
    ctx.fireChannelRead(req.retain()); // to the protocol handler, which answers the handshake
    p.remove(this);
  }

  private static void send(ChannelHandlerContext ctx, FullHttpRequest req, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    var f = ctx.writeAndFlush(response);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close(); // an HTTP connection that idles this long is not coming back
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("HTTP connection failed: {}", cause.toString());
    ctx.close();
  }
}
