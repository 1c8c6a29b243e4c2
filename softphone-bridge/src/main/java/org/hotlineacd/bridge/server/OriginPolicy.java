package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Which browser pages may open a WebSocket here. Browsers always send {@code Origin} on a
 * WebSocket handshake, and a page cannot forge it, so the check stops another site's page from
 * driving an agent's session with the agent's cookies or tokens (cross-site WebSocket hijacking).
 * A handshake without {@code Origin} comes from a program, not a browser page, and is let through:
 * such a client still has to log in. The server's own origin is always allowed besides the
 * configured list (see {@link #bound}), so {@code --port} does not lock out its own pages; it is
 * derived from the bind address, never from the request's {@code Host} (which DNS rebinding
 * controls).
 */
final class OriginPolicy {
  private final List<String> allowed;
  private final boolean tls;
  private final String bind;
  private volatile Set<String> own = Set.of();

  /**
   * A policy allowing {@code allowed}; once {@link #bound} tells the port, the server's own origin
   * too, so a page the server serves itself always reaches its sockets, whatever port it runs on.
   */
  OriginPolicy(List<String> allowed, boolean tls, String bind) {
    this.allowed = allowed.stream().map(OriginPolicy::normalize).toList();
    this.tls = tls;
    this.bind = bind;
  }

  /** Policy without a known bind address: only {@code allowed} (or same host, when empty). */
  OriginPolicy(List<String> allowed, boolean tls) {
    this(allowed, tls, null);
  }

  /**
   * The server listens on {@code port}: its own origin is {@code scheme://bind:port}, and when it
   * is bound to loopback also the same port on {@code localhost}, {@code 127.0.0.1} and {@code
   * [::1]} (the names a browser on the machine uses for it). A wildcard bind ({@code 0.0.0.0})
   * names no origin: list the addresses agents type in {@code security.allowedOrigins}.
   */
  void bound(int port) {
    if (bind == null) {
      return;
    }
    String scheme = tls ? "https" : "http";
    Set<String> hosts = new LinkedHashSet<>();
    String b = bind.toLowerCase(Locale.ROOT);
    if (!b.equals("0.0.0.0") && !b.equals("::") && !b.equals("[::]")) {
      hosts.add(b.contains(":") && !b.startsWith("[") ? "[" + b + "]" : b);
    }
    if (loopback(b)) {
      hosts.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
    }
    Set<String> out = new LinkedHashSet<>();
    boolean defaultPort = port == (tls ? 443 : 80);
    for (String h : hosts) {
      out.add(scheme + "://" + h + ":" + port);
      if (defaultPort) {
        out.add(scheme + "://" + h);
      }
    }
    own = Set.copyOf(out);
  }

  /** The origins {@link #bound} added (for tests and logs). */
  Set<String> own() {
    return own;
  }

  private static boolean loopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  boolean allows(HttpRequest request) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin == null) {
      return true;
    }
    String o = normalize(origin);
    if (own.contains(o)) {
      return true;
    }
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
