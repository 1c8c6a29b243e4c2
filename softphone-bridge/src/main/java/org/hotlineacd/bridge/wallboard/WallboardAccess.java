package org.hotlineacd.bridge.wallboard;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotlineacd.bridge.server.Responses;
import org.hotlineacd.cti.port.WallboardFeed;

/**
 * Who may read the wallboard and what they asked for: the read-only token (query parameter
 * {@code token} or {@code Authorization: Bearer}), the queue filter ({@code queue=a,b}) and the
 * last sequence a reconnecting board saw ({@code since}). Every refusal is a JSON error naming
 * what was wrong; nothing here throws on bad input.
 */
final class WallboardAccess {
  private final WallboardTokens tokens;
  private final WallboardFeed feed;

  /** Access to {@code feed} for holders of {@code tokens}. */
  WallboardAccess(WallboardTokens tokens, WallboardFeed feed) {
    this.tokens = tokens;
    this.feed = feed;
  }

  /** What a board asked for: its queue filter (empty: all) and the sequence it last saw (or -1). */
  record Request(Set<String> queues, long since) {}

  /** The refusal of {@code req}, or null when it may read the board. */
  FullHttpResponse refuse(HttpRequest req) {
    if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
      return Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "the wallboard is read with GET");
    }
    QueryStringDecoder q = new QueryStringDecoder(req.uri());
    if (tokens.required()) {
      String token = token(req, q);
      if (token == null || token.isEmpty()) {
        FullHttpResponse r = Responses.error(HttpResponseStatus.UNAUTHORIZED, "token-required",
            "this wallboard needs its read-only token: add ?token=... to the address (" + tokens.setting()
                + " in the configuration)");
        r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"wallboard\"");
        return r;
      }
      if (!tokens.accepts(token)) {
        return Responses.error(HttpResponseStatus.FORBIDDEN, "token-refused",
            "the wallboard token is not one of " + tokens.setting());
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String queue : queues(q)) {
      if (!feed.queueIds().contains(queue)) {
        unknown.add(queue);
      }
    }
    if (!unknown.isEmpty()) {
      return Responses.error(HttpResponseStatus.BAD_REQUEST, "unknown-queue", "no queue " + String.join(", ", unknown)
          + "; the queues are " + String.join(", ", feed.queueIds()));
    }
    List<String> since = q.parameters().get("since");
    if (since != null && (since.size() != 1 || !since.get(0).matches("\\d{1,18}"))) {
      return Responses.error(HttpResponseStatus.BAD_REQUEST, "bad-since",
          "since is the sequence number of the last update the board saw, a whole number");
    }
    return null;
  }

  /** What an admitted request asked for. */
  static Request request(String uri) {
    QueryStringDecoder q = new QueryStringDecoder(uri);
    List<String> since = q.parameters().get("since");
    return new Request(queues(q), since == null ? -1 : Long.parseLong(since.get(0)));
  }

  private static Set<String> queues(QueryStringDecoder q) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : q.parameters().getOrDefault("queue", List.of())) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  private static String token(HttpRequest req, QueryStringDecoder q) {
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    List<String> t = q.parameters().get("token");
    return t == null || t.isEmpty() ? null : t.get(0);
  }
}
