package org.hotlineacd.bridge.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Building blocks for route responses: JSON bodies, errors, security headers. */
public final class Responses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Responses() {}

  /** A response with {@code body} of {@code contentType}, and the headers every response gets. */
  public static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set("X-Content-Type-Options", "nosniff")
        .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
    return r;
  }

  /** A JSON response. */
  public static FullHttpResponse json(HttpResponseStatus status, String json) {
    return of(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON response with {@code value} (maps, lists, strings, numbers, records) written by Jackson. */
  public static FullHttpResponse json(HttpResponseStatus status, Object value) {
    try {
      return of(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response as JSON", e);
    }
  }

  /** A JSON error: {@code {"error": code, "message": message}}. */
  public static FullHttpResponse error(HttpResponseStatus status, String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return json(status, body);
  }
}
