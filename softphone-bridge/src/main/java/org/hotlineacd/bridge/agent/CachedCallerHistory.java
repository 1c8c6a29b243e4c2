package org.hotlineacd.bridge.agent;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.hotlineacd.cti.port.CallerHistory;
import org.hotlineacd.cti.port.CallerHistory.PastCall;

/**
 * The caller history of the screen pop, cached: a busy caller who rings again within the cache's
 * lifetime costs no second read of the call records. Loads run on {@code executor} (the source may
 * block), never on an event loop. Bounded, named {@code callerHistory}, on an injected ticker, with
 * statistics recorded for the metrics endpoint.
 */
final class CachedCallerHistory {
  static final String NAME = "callerHistory";
  private final AsyncLoadingCache<String, List<PastCall>> cache;

  CachedCallerHistory(CallerHistory source, Executor executor, Ticker ticker, Clock wallClock,
      Duration window, Duration lifetime, long maxEntries) {
    this(source, executor, ticker, wallClock, window, lifetime, maxEntries, ConcurrentStatsCounter::new);
  }

  /** As above, recording statistics into {@code stats} (a Micrometer binder, for {@code /metrics}). */
  CachedCallerHistory(CallerHistory source, Executor executor, Ticker ticker, Clock wallClock,
      Duration window, Duration lifetime, long maxEntries, Supplier<? extends StatsCounter> stats) {
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .expireAfterWrite(lifetime)
        .ticker(ticker)
        .executor(executor)
        .recordStats(stats)
        .buildAsync(number -> List.copyOf(source.callsFrom(number, wallClock.instant().minus(window))));
  }

  /** The caller's previous calls; completes at once when cached. No number: no history. */
  CompletableFuture<List<PastCall>> lookup(String callerNumber) {
    if (callerNumber == null || callerNumber.isBlank()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return cache.get(callerNumber);
  }

  /** Hit and load counts so far. */
  CacheStats stats() {
    return cache.synchronous().stats();
  }
}
