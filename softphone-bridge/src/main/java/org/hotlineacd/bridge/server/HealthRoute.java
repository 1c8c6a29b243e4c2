package org.hotlineacd.bridge.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
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
    StringBuilder b = new StringBuilder("{\"live\":true,\"ready\":");
    StringBuilder parts = new StringBuilder();
    boolean ready = true;
    for (ReadinessCheck c : checks) {
      ReadinessCheck.Readiness r;
      try {
        r = c.check();
      } catch (RuntimeException e) {
        r = ReadinessCheck.Readiness.down("the check failed: " + e);
      }
      ready &= r.ready();
      if (!parts.isEmpty()) {
        parts.append(',');
      }
      parts.append('"').append(Responses.escape(c.name())).append("\":{\"ready\":").append(r.ready())
          .append(",\"detail\":\"").append(Responses.escape(r.detail())).append("\"}");
    }
    b.append(ready).append(",\"checks\":{").append(parts).append("}}");
    return Responses.json(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, b.toString());
  }
}
