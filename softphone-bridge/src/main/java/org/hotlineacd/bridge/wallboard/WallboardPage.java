package org.hotlineacd.bridge.wallboard;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import org.hotlineacd.bridge.server.HttpRoute;
import org.hotlineacd.bridge.server.StaticFiles;

/**
 * {@code /wallboard}: the board page, once the token and the queue filter are checked, so a
 * mistyped address gets a clear error at once rather than an empty board.
 */
final class WallboardPage implements HttpRoute {
  private final WallboardAccess access;
  private final StaticFiles page;

  WallboardPage(WallboardAccess access, StaticFiles page) {
    this.access = access;
    this.page = page;
  }

  @Override
  public FullHttpResponse respond(FullHttpRequest request) {
    FullHttpResponse refused = access.refuse(request);
    return refused != null ? refused : page.respond(request);
  }
}
