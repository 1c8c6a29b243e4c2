package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import java.util.Locale;

/**
 * Which browser pages may open a WebSocket here. Browsers always send {@code Origin} on a
 * WebSocket handshake, and a page cannot forge it, so the check stops another site's page from
 * driving an agent's session with the agent's cookies or tokens (cross-site WebSocket hijacking).
 * A handshake without {@code Origin} comes from a program, not a browser page, and is let through:
 * such a client still has to log in.
 */
final class OriginPolicy {
  private final List<String> allowed;
  private final boolean tls;

  OriginPolicy(List<String> allowed, boolean tls) {
    this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
    this.tls = tls;
  }

  boolean allows(HttpRequest request) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin == null) {
      return true;
    }
    String o = normalize(origin);
    if (allowed.isEmpty()) {
      String host = request.headers().get(HttpHeaderNames.HOST);
      return host != null && o.equals(normalize((tls ? "https://" : "http://") + host));
    }
    return allowed.contains(o);
  }

  private static String normalize(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
