package org.hotlineacd.cti.port;

/**
 * The service's metrics as a Prometheus scraper reads them, for the network edge's {@code
 * /metrics}. Safe to call from any thread; answers from meters already kept, never by reading
 * engine state.
 */
public interface MetricsScrape {
  /** The content type of {@link #scrape}: the Prometheus text format 0.0.4. */
  String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  /** Every metric in the Prometheus text exposition format. */
  String scrape();
}
