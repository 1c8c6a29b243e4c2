package org.hotlineacd.bridge.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * A WebSocket endpoint of the server ({@code /ws/agent}, later the wallboard feed). The server
 * checks the {@code Origin}, adds Netty's protocol handler (which answers the handshake, pings and
 * close frames, and closes with 1009 on a frame over {@link #maxFrameBytes}) and then lets the
 * endpoint add its own handlers. Pong frames are passed on, so an idle-state handler added here
 * counts them as traffic.
 */
public interface WebSocketEndpoint {
  /** The largest frame payload a client may send. */
  int maxFrameBytes();

  /**
   * Checks a handshake request before the upgrade (a token, a query parameter): null lets it
   * through, a response refuses it with that HTTP error. Runs on the event loop; must not block.
   */
  default FullHttpResponse admit(FullHttpRequest request) {
    return null;
  }

  /** Adds the endpoint's handlers at the end of an upgraded connection's pipeline. */
  void initialize(ChannelPipeline pipeline);
}
