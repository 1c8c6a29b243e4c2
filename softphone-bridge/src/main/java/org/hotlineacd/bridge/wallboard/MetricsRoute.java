package org.hotlineacd.bridge.wallboard;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.hotlineacd.bridge.server.HttpRoute;
import org.hotlineacd.bridge.server.Responses;
import org.hotlineacd.cti.port.MetricsScrape;

/** {@code /metrics}: the Prometheus scrape, from meters already kept (it never reads the engine). */
public final class MetricsRoute implements HttpRoute {
  private final MetricsScrape scrape;

  /** Serves {@code scrape}. */
  public MetricsRoute(MetricsScrape scrape) {
    this.scrape = scrape;
  }

  @Override
  public FullHttpResponse respond(FullHttpRequest request) {
    if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
      return Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "scrape with GET");
    }
    return Responses.of(HttpResponseStatus.OK, MetricsScrape.TEXT_FORMAT,
        scrape.scrape().getBytes(StandardCharsets.UTF_8));
  }
}
