package org.hotlineacd.acd.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.hotlineacd.cti.port.MetricsScrape;

/**
 * A Prometheus registry as the {@link MetricsScrape} port the network edge serves at {@code
 * /metrics}. Bind {@link AcdMeters} and {@link SegmentHistograms} to {@link #registry()}.
 */
public final class PrometheusScrape implements MetricsScrape {
  private final PrometheusMeterRegistry registry;

  /** A scrape over a new, empty registry. */
  public PrometheusScrape() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** A scrape over {@code registry}. */
  public PrometheusScrape(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry to bind meters to. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public String scrape() {
    return registry.scrape();
  }
}
