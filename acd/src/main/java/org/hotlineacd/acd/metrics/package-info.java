/**
 * Micrometer: the live figures as meters with Prometheus-style names, and the Prometheus scrape
 * the network edge serves at {@code /metrics}. Gauges and function counters read the published
 * {@link org.hotlineacd.acd.live.LiveSnapshot}; the wait and talk histograms are recorded from
 * the segment stream (the engine's statistics port). Nothing here reads engine state. Names and
 * tags are listed in {@code docs/figures.md}, "Metrics".
 */
package org.hotlineacd.acd.metrics;
