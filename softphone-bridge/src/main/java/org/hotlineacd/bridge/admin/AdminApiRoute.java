package org.hotlineacd.bridge.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotlineacd.bridge.server.AsyncHttpRoute;
import org.hotlineacd.bridge.server.Responses;
import org.hotlineacd.cti.admin.AdminReply;
import org.hotlineacd.cti.admin.AdminService;
import org.hotlineacd.cti.admin.AgentCommand;
import org.hotlineacd.cti.admin.Caller;
import org.hotlineacd.cti.admin.ConfigSection;

/**
 * The admin REST API under {@code /api/} (docs/admin-api.md; described in OpenAPI 3 at {@code
 * /api/openapi.json}): JSON in and out, a bearer token in {@code Authorization}, the configuration
 * version as {@code ETag} and {@code If-Match}.
 *
 * <p>Threading: {@link #respondAsync} runs on a Netty event loop; it checks the token, parses the
 * body and hands the operation to the {@link AdminService}, which never runs it on the caller's
 * thread. Failure handling: every refusal is a JSON error {@code {"error", "message", "problems"}}
 * with a status that says whose move it is (4xx: the request; 5xx: the server).
 */
public final class AdminApiRoute implements AsyncHttpRoute {
  /** Where the bridge serves the API. */
  public static final String PATH = "/api/*";

  static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final int MAX_AUDIT = 1000;

  /** Who may call an endpoint. */
  enum Access {
    /** Anyone (the API description). */
    PUBLIC,
    /** Admin and wallboard tokens. */
    READ,
    /** Admin tokens only, although nothing changes (the audit log shows who changed what). */
    ADMIN_READ,
    /** Admin tokens only. */
    WRITE
  }

  /** One endpoint: a method, a path template ({@code {id}} matches one segment) and who may call it. */
  record Endpoint(HttpMethod method, String template, Access access, Handler handler) {}

  @FunctionalInterface
  interface Handler {
    CompletableFuture<AdminReply> handle(Call call);
  }

  /** A request after authentication and parsing. */
  record Call(Caller caller, String id, Map<String, Object> body, String ifMatch, QueryStringDecoder query) {}

  private final AdminService service;
  private final byte[] openApi;
  private final List<Endpoint> endpoints;

  /** The API over {@code service}. */
  public AdminApiRoute(AdminService service) {
    this.service = service;
    this.openApi = resource("openapi.json");
    this.endpoints = endpoints();
  }

  /** Every endpoint but the API description, in the order docs list them. */
  List<Endpoint> endpointList() {
    return endpoints;
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> e = new ArrayList<>();
    e.add(new Endpoint(HttpMethod.GET, "/api/openapi.json", Access.PUBLIC, c -> null));
    e.add(new Endpoint(HttpMethod.GET, "/api/snapshot", Access.READ, c -> service.snapshot()));
    for (ConfigSection s : ConfigSection.values()) {
      String base = "/api/" + s.key();
      e.add(new Endpoint(HttpMethod.GET, base, Access.READ, c -> service.list(s)));
      e.add(new Endpoint(HttpMethod.POST, base, Access.WRITE, c -> service.create(s, c.body(), c.ifMatch(), c.caller())));
      e.add(new Endpoint(HttpMethod.GET, base + "/{id}", Access.READ, c -> service.get(s, c.id())));
      if (s != ConfigSection.SKILLS) {
        e.add(new Endpoint(HttpMethod.PUT, base + "/{id}", Access.WRITE,
            c -> service.update(s, c.id(), c.body(), c.ifMatch(), c.caller())));
      }
      e.add(new Endpoint(HttpMethod.DELETE, base + "/{id}", Access.WRITE,
          c -> service.delete(s, c.id(), c.ifMatch(), c.caller())));
    }
    e.add(new Endpoint(HttpMethod.POST, "/api/agents/{id}/state", Access.WRITE,
        c -> service.forceAgent(c.id(), agentCommand(c.body()), c.caller())));
    e.add(new Endpoint(HttpMethod.POST, "/api/reload", Access.WRITE, c -> service.reload(c.caller())));
    e.add(new Endpoint(HttpMethod.GET, "/api/audit", Access.ADMIN_READ, c -> service.audit(limit(c.query()))));
    return List.copyOf(e);
  }

  @Override
  public CompletionStage<FullHttpResponse> respondAsync(FullHttpRequest request) {
    try {
      return answer(request);
    } catch (BadRequest e) {
      return done(Responses.error(e.status, e.code, e.getMessage()));
    }
  }

  private CompletionStage<FullHttpResponse> answer(FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    List<Endpoint> samePath = new ArrayList<>();
    Endpoint match = null;
    String id = null;
    for (Endpoint e : endpoints) {
      Optional<String> m = match(e.template(), path);
      if (m.isPresent()) {
        samePath.add(e);
        if (e.method().equals(request.method())) {
          match = e;
          id = m.get();
        }
      }
    }
    if (samePath.isEmpty()) {
      return done(Responses.error(HttpResponseStatus.NOT_FOUND, "not-found", "no admin endpoint at " + path
          + " (see /api/openapi.json)"));
    }
    if (match == null) {
      FullHttpResponse r = Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
          request.method() + " is not allowed on " + path);
      r.headers().set(HttpHeaderNames.ALLOW, String.join(", ", samePath.stream().map(e -> e.method().name()).toList()));
      return done(r);
    }
    if (match.access() == Access.PUBLIC) {
      return done(Responses.of(HttpResponseStatus.OK, "application/json; charset=utf-8", openApi));
    }
    Caller caller = authenticate(request);
    if (match.access() != Access.READ && !caller.mayWrite()) {
      throw new BadRequest(HttpResponseStatus.FORBIDDEN, "forbidden", "the token '" + caller.name()
          + "' is a " + caller.role().name().toLowerCase(java.util.Locale.ROOT) + " token: it may read the snapshot "
          + "and the configuration, not " + (match.access() == Access.WRITE ? "change them" : "read the audit log"));
    }
    Map<String, Object> body = needsBody(match) ? body(request) : Map.of();
    String ifMatch = ifMatch(request.headers().get(HttpHeaderNames.IF_MATCH));
    Call call = new Call(caller, id, body, ifMatch, uri);
    CompletableFuture<AdminReply> reply = match.handler().handle(call);
    return reply.thenApply(AdminApiRoute::response);
  }

  private static boolean needsBody(Endpoint e) {
    return e.method().equals(HttpMethod.POST) && !e.template().equals("/api/reload") || e.method().equals(HttpMethod.PUT);
  }

  /** The id segment when {@code path} fits {@code template} ("" when it has none). */
  static Optional<String> match(String template, String path) {
    String[] t = template.split("/", -1);
    String[] p = path.split("/", -1);
    if (t.length != p.length) {
      return Optional.empty();
    }
    String id = "";
    for (int i = 0; i < t.length; i++) {
      if (t[i].equals("{id}")) {
        if (p[i].isEmpty()) {
          return Optional.empty();
        }
        id = QueryStringDecoder.decodeComponent(p[i]);
      } else if (!t[i].equals(p[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(id);
  }

  private Caller authenticate(FullHttpRequest request) {
    String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
      throw new BadRequest(HttpResponseStatus.UNAUTHORIZED, "unauthenticated",
          "send 'Authorization: Bearer <token>' with an admin or wallboard token (security.adminTokens)");
    }
    return service.authenticate(auth.substring(7).strip()).orElseThrow(() -> new BadRequest(
        HttpResponseStatus.UNAUTHORIZED, "unauthenticated", "the token is not one of the configured tokens"));
  }

  private static Map<String, Object> body(FullHttpRequest request) {
    String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new BadRequest(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
          "send the body as application/json, not " + type);
    }
    byte[] bytes = ByteBufUtil.getBytes(request.content());
    if (bytes.length == 0) {
      throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "malformed-body", "the request needs a JSON object as its body");
    }
    try {
      Object value = JSON.readValue(bytes, new TypeReference<Object>() {});
      if (!(value instanceof Map<?, ?> map)) {
        throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "malformed-body", "the body must be a JSON object, was "
            + (value instanceof List<?> ? "an array" : "a " + (value == null ? "null" : "single value")));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      return m;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "malformed-body", "the body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AgentCommand agentCommand(Map<String, Object> body) {
    Object state = body.get("state");
    Object reason = body.get("reason");
    if (reason != null && !(reason instanceof String)) {
      throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "malformed-body", "\"reason\" must be a string");
    }
    for (String key : body.keySet()) {
      if (!key.equals("state") && !key.equals("reason")) {
        throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "malformed-body", "unknown field \"" + key
            + "\" (allowed: state, reason)");
      }
    }
    String r = (String) reason;
    if ("ready".equals(state) && r == null) {
      return new AgentCommand(AgentCommand.Action.READY, null);
    }
    if ("not-ready".equals(state) && r != null) {
      return new AgentCommand(AgentCommand.Action.NOT_READY, r);
    }
    if ("logged-out".equals(state) && r == null) {
      return new AgentCommand(AgentCommand.Action.LOGOUT, null);
    }
    throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "malformed-body", "send {\"state\": \"ready\"}, "
        + "{\"state\": \"not-ready\", \"reason\": <a not-ready reason>} or {\"state\": \"logged-out\"}");
  }

  private static int limit(QueryStringDecoder query) {
    List<String> values = query.parameters().get("limit");
    if (values == null || values.isEmpty()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(values.get(0));
      if (n >= 1 && n <= MAX_AUDIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "bad-parameter", "limit must be 1-" + MAX_AUDIT
        + ", was '" + values.get(0) + "'");
  }

  /** The version an {@code If-Match} names ({@code "v"}, {@code W/"v"}, {@code v} or {@code *}), or null. */
  static String ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }

  static FullHttpResponse response(AdminReply reply) {
    HttpResponseStatus status = switch (reply.outcome()) {
      case OK -> HttpResponseStatus.OK;
      case CREATED -> HttpResponseStatus.CREATED;
      case ACCEPTED -> HttpResponseStatus.ACCEPTED;
      case NOT_FOUND -> HttpResponseStatus.NOT_FOUND;
      case INVALID -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
      case CONFLICT -> HttpResponseStatus.CONFLICT;
      case VERSION_MISMATCH -> HttpResponseStatus.PRECONDITION_FAILED;
      case VERSION_REQUIRED -> HttpResponseStatus.PRECONDITION_REQUIRED;
    };
    String json;
    try {
      json = JSON.writeValueAsString(reply.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an admin reply is not JSON-ready", e);
    }
    FullHttpResponse r = Responses.json(status, json);
    if (reply.version() != null) {
      r.headers().set(HttpHeaderNames.ETAG, "\"" + reply.version() + "\"");
    }
    return r;
  }

  private static CompletionStage<FullHttpResponse> done(FullHttpResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  private static byte[] resource(String name) {
    try (InputStream in = AdminApiRoute.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request refused before it reaches the service. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;
    private final String code;

    BadRequest(HttpResponseStatus status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }
}
