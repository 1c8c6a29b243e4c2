package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * One HTTP endpoint of the server ({@code /health}, a page, later {@code /metrics} and the admin
 * API). Called on a Netty event loop: it must answer from memory and never block.
 */
@FunctionalInterface
public interface HttpRoute {
  /** The response to {@code request}; the server adds keep-alive and content length. */
  FullHttpResponse respond(FullHttpRequest request);
}
