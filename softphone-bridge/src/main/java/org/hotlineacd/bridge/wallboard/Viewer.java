package org.hotlineacd.bridge.wallboard;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.Set;
import org.hotlineacd.cti.port.WallboardFrame;

/**
 * One connected board. Everything runs on the connection's event loop except {@link #offer},
 * which only checks writability and hops on. Frames go out in sequence order, each at most once.
 */
final class Viewer extends ChannelInboundHandlerAdapter {
  private final WallboardSocket socket;
  private ChannelHandlerContext ctx;
  private volatile Set<String> queues = Set.of();
  private long lastSent;

  Viewer(WallboardSocket socket) {
    this.socket = socket;
  }

  Set<String> queues() {
    return queues;
  }

  String remote() {
    return ctx == null ? "?" : String.valueOf(ctx.channel().remoteAddress());
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hs) {
      WallboardAccess.Request req = WallboardAccess.request(hs.requestUri());
      queues = Set.copyOf(req.queues());
      socket.join(this);
      WallboardFrame latest = socket.feed.latest();
      long current = latest == null ? 0 : latest.sequence();
      if (req.since() >= 0) {
        String state = req.since() > current ? "reset" : req.since() == current ? "current" : "behind";
        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"resume\",\"since\":" + req.since() + ",\"seq\":" + current
            + ",\"missed\":" + Math.max(0, current - req.since()) + ",\"state\":\"" + state + "\"}"));
      }
      if (latest != null) {
        write(latest.sequence(), WallboardSocket.encode(latest, queues));
      }
    } else if (evt instanceof IdleStateEvent e) {
      if (e.state() == IdleState.WRITER_IDLE) {
        ctx.writeAndFlush(new PingWebSocketFrame());
      } else if (e.state() == IdleState.READER_IDLE) {
        socket.dropped(this, "no pong for a minute");
        ctx.close();
      }
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  /** Sends a frame unless the board is behind on reading (then drops it). Any thread. */
  void offer(long sequence, ByteBuf json) {
    ChannelHandlerContext c = ctx;
    if (c == null || !c.channel().isActive()) {
      json.release();
      return;
    }
    if (!c.channel().isWritable()) {
      json.release();
      socket.leave(this);
      socket.dropped(this, "it stopped reading");
      c.channel().close();
      return;
    }
    try {
      c.channel().eventLoop().execute(() -> write(sequence, json));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      json.release(); // the server is shutting down
    }
  }

  private void write(long sequence, ByteBuf json) {
    if (sequence <= lastSent) {
      json.release();
      return;
    }
    lastSent = sequence;
    ctx.writeAndFlush(new TextWebSocketFrame(json));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg); // read-only: whatever a board sends is only traffic
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    socket.leave(this);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    socket.dropped(this, cause.toString());
    ctx.close();
  }
}
