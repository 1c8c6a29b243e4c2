package org.hotlineacd.acd.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.hotlineacd.acd.cases.CaseDelivery;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.CaseSystemConfig;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.records.CaseOutbox;
import org.hotlineacd.acd.records.CaseState;
import org.hotlineacd.acd.records.RecordHealth;
import org.hotlineacd.acd.records.RecordStore;
import org.hotlineacd.acd.records.RecordWriter;
import org.hotlineacd.acd.segment.SegmentListener;

/**
 * Call records and case handoff for a running centre: the store, the records writer (a segment
 * listener to hand to the engine) and, when a case system is configured, the delivery worker.
 * Closing flushes the writer and stops delivery; what is not delivered stays in the outbox for
 * the next start.
 */
public final class RecordKeeping implements AutoCloseable {
  private static final Duration DELIVERY_EVERY = Duration.ofSeconds(1);

  private final RecordStore store;
  private final RecordWriter writer;
  private final CaseDelivery delivery;

  private RecordKeeping(RecordStore store, RecordWriter writer, CaseDelivery delivery) {
    this.store = store;
    this.writer = writer;
    this.delivery = delivery;
  }

  /**
   * Opens the store and starts the writer (and delivery, if configured). With {@code
   * blockWhenFull} (virtual-time simulations only) the engine waits for the writer instead of
   * dropping records.
   *
   * @throws SQLException when the database cannot be opened or migrated
   */
  public static RecordKeeping start(AcdConfig config, StorageConfig storage, boolean blockWhenFull) throws SQLException {
    RecordStore store = RecordStore.open(storage);
    AcdConfig withStorage = config.withStorage(storage);
    RecordWriter writer = blockWhenFull
        ? RecordWriter.startBlocking(store, withStorage, RecordKeeping::wallNanos)
        : RecordWriter.start(store, withStorage, RecordKeeping::wallNanos);
    CaseDelivery delivery = null;
    CaseSystemConfig cases = config.caseSystem();
    if (cases != null) {
      delivery = new CaseDelivery(store, cases, cases.secret().read(), CaseDelivery.httpClient(cases),
          RecordKeeping::wallNanos, new SplittableRandom());
      delivery.start(DELIVERY_EVERY);
    }
    return new RecordKeeping(store, writer, delivery);
  }

  private static long wallNanos() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  /** The listener to add to the engine. */
  public SegmentListener listener() {
    return writer;
  }

  /** The writer's health. */
  public RecordHealth health() {
    return writer.health();
  }

  /** The store. */
  public RecordStore store() {
    return store;
  }

  /** Call and segment records stored, and cases by state. */
  public String summary() throws SQLException {
    try (Connection c = store.connect()) {
      long[] counts = store.counts(c);
      Map<CaseState, Long> cases = CaseOutbox.countByState(c);
      return counts[0] + " call records, " + counts[1] + " segment records, cases " + cases;
    }
  }

  /** Flushes the writer (up to 30 s) and stops delivery. */
  @Override
  public void close() {
    writer.close();
    if (delivery != null) {
      delivery.close();
    }
  }
}
