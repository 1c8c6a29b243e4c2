package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.cti.port.ReadinessCheck;

/**
 * {@code /health}: liveness (the server answers at all) and readiness (every check is ready), as
 * JSON; 200 when ready, 503 when not, so a load balancer can use the status alone.
 */
public final class HealthRoute implements HttpRoute {
  private final List<ReadinessCheck> checks;

  /** A route reporting {@code checks}. */
  public HealthRoute(List<ReadinessCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public FullHttpResponse respond(FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
      return Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "use GET");
    }
    Map<String, Object> results = new LinkedHashMap<>();
    boolean ready = true;
    for (ReadinessCheck c : checks) {
      ReadinessCheck.Readiness r;
      try {
        r = c.check();
      } catch (RuntimeException e) {
        r = ReadinessCheck.Readiness.down("the check failed: " + e);
      }
      ready &= r.ready();
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("ready", r.ready());
      one.put("detail", r.detail());
      results.put(c.name(), one);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("live", true);
    body.put("ready", ready);
    body.put("checks", results);
    return Responses.json(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body);
  }
}
