package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * An HTTP endpoint whose answer takes work off the event loop (the admin API: validating,
 * writing and applying a configuration change). {@link #respondAsync} is called on the event
 * loop; it must read everything it needs from the request before it returns (the request is
 * released then) and hand the rest to another thread. The connection reads no further request
 * until the answer is sent, so answers keep the order of requests.
 */
public interface AsyncHttpRoute extends HttpRoute {
  /** The response to {@code request}, later. */
  CompletionStage<FullHttpResponse> respondAsync(FullHttpRequest request);

  /** Not used for an asynchronous route: the server calls {@link #respondAsync}. */
  @Override
  default FullHttpResponse respond(FullHttpRequest request) {
    return respondAsync(request).toCompletableFuture().join();
  }
}
