package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One static file from the jar's resources (a page, its script or style), read once at start and
 * served from memory with a strict Content-Security-Policy: pages load only their own scripts and
 * talk only to their own origin.
 */
public final class StaticFiles implements HttpRoute {
  static final String CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final byte[] body;
  private final String contentType;

  private StaticFiles(byte[] body, String contentType) {
    this.body = body;
    this.contentType = contentType;
  }

  /** The resource at {@code path} (absolute, on the class path of {@code owner}). */
  public static StaticFiles resource(Class<?> owner, String path) {
    try (InputStream in = owner.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new StaticFiles(in.readAllBytes(), contentType(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String path) {
    if (path.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (path.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (path.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  @Override
  public FullHttpResponse respond(FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
      return Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "use GET");
    }
    FullHttpResponse r = Responses.of(HttpResponseStatus.OK, contentType, body);
    r.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CSP).set("Referrer-Policy", "no-referrer");
    return r;
  }
}
