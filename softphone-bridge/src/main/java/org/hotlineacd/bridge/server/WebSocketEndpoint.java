package org.hotlineacd.bridge.server;

import io.netty.channel.ChannelPipeline;

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

  /** Adds the endpoint's handlers at the end of an upgraded connection's pipeline. */
  void initialize(ChannelPipeline pipeline);
}
