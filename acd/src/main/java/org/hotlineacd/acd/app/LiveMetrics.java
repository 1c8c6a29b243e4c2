package org.hotlineacd.acd.app;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.util.List;
import java.util.function.Supplier;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.live.LiveBoard;
import org.hotlineacd.acd.metrics.AcdMeters;
import org.hotlineacd.acd.metrics.PrometheusScrape;
import org.hotlineacd.acd.metrics.SegmentHistograms;
import org.hotlineacd.acd.segment.SegmentListener;
import org.hotlineacd.cti.port.MetricsScrape;

/**
 * Wires Micrometer to a centre in two steps, because the engine needs the histogram listener
 * before the live board exists: {@link #segments()} goes to the engine's segment stream, then
 * {@link #bind} binds the gauges and counters to the board's published snapshot.
 */
public final class LiveMetrics {
  /** The {@code cache} tag of the caller-history cache's meters. */
  public static final String CALLER_HISTORY_CACHE = "callerHistory";

  private final PrometheusScrape scrape = new PrometheusScrape();
  private final List<String> queueIds;
  private final SegmentHistograms histograms;
  private CaffeineStatsCounter historyStats;

  /** Meters for the configured queues. */
  public LiveMetrics(AcdConfig config) {
    this.queueIds = config.queues().stream().map(QueueConfig::id).toList();
    this.histograms = new SegmentHistograms(scrape.registry(), queueIds);
  }

  /**
   * Where the screen pop's caller-history cache records its statistics: Micrometer's Caffeine
   * binder on this registry ({@code cache_gets_total{cache="callerHistory",result="hit"}}, loads,
   * evictions), so {@code /metrics} shows the hit rate. Created once; every call returns the same.
   */
  public synchronized Supplier<StatsCounter> callerHistoryStats() {
    if (historyStats == null) {
      historyStats = new CaffeineStatsCounter(scrape.registry(), CALLER_HISTORY_CACHE);
    }
    CaffeineStatsCounter stats = historyStats;
    return () -> stats;
  }

  /** The listener that records the wait and talk histograms; add it to the engine's segments. */
  public SegmentListener segments() {
    return histograms;
  }

  /** Binds the gauges and counters to {@code board} and returns the scrape for {@code /metrics}. */
  public MetricsScrape bind(LiveBoard board, AcdConfig config) {
    new AcdMeters(board::snapshot, queueIds, formulaNote(config)).bindTo(scrape.registry());
    return scrape;
  }

  /** How the service level is computed, for the meters' descriptions. */
  static String formulaNote(AcdConfig config) {
    List<Thresholds> all = config.queues().stream().map(QueueConfig::thresholds).distinct().toList();
    if (all.size() != 1) {
      return "each queue's own formula and answer target T, see the configuration; calls still waiting up to T left out";
    }
    Thresholds t = all.get(0);
    return "formula " + t.formula().configName() + ", T " + t.answerTarget().toSeconds()
        + " s; calls still waiting up to T left out";
  }
}
