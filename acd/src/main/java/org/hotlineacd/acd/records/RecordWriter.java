package org.hotlineacd.acd.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call-records writer: a {@link SegmentListener} that hands each event to its own thread,
 * which builds records with a {@link RecordPipeline} and writes them in batches, one transaction
 * per batch (records, outbox and interval figures together).
 *
 * <p>Threading: {@link #on} runs on the engine thread and never blocks: it offers the event to a
 * bounded buffer and, when the buffer is full, drops it and counts the drop ({@link #health()}).
 * Everything else happens on the writer thread, which owns the pipeline and its connection.
 *
 * <p>Failure handling: a batch that fails to commit is retried, the same batch, with a backoff
 * from 100 ms to 5 s, on a fresh connection, until it commits or the writer is closed; meanwhile
 * events wait in the buffer and the engine keeps routing. "Acknowledged" means committed:
 * {@link #durableSequence()} and {@link #flush} tell a caller when its events are on disk.
 */
public final class RecordWriter implements SegmentListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);
  private static final long MIN_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();
  private static final long MAX_BACKOFF_NANOS = Duration.ofSeconds(5).toNanos();
  private static final long DROP_WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

  private record Item(long sequence, SegmentEvent event) {}

  private final RecordStore store;
  private final RecordPipeline pipeline;
  private final boolean deliver;
  private final boolean blockWhenFull;
  private final int batchMax;
  private final LongSupplier wallNanos;
  private final ArrayBlockingQueue<Item> buffer;
  private final Thread thread;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition progress = lock.newCondition();

  /** Engine thread only. */
  private long nextSequence;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong durable = new AtomicLong();
  private volatile boolean storageUp = true;
  private volatile String lastError;
  private volatile boolean closing;
  private volatile boolean abandoned;
  private long lastDropWarnNanos = Long.MIN_VALUE / 2;
  /** Writer thread only. */
  private Connection connection;

  private RecordWriter(RecordStore store, RecordPipeline pipeline, boolean deliver, boolean blockWhenFull,
      int capacity, int batchMax, LongSupplier wallNanos, String threadName) {
    this.store = store;
    this.pipeline = pipeline;
    this.deliver = deliver;
    this.blockWhenFull = blockWhenFull;
    this.batchMax = batchMax;
    this.wallNanos = wallNanos;
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /**
   * Starts a writer for a configuration: buffer and batch sizes from {@code storage}; cases are
   * queued for delivery when a case system is configured, else kept as local cases.
   *
   * @param wallNanos the wall clock (epoch nanos) stamped on outbox entries
   */
  public static RecordWriter start(RecordStore store, AcdConfig config, LongSupplier wallNanos) {
    return start(store, new RecordPipeline(config), config.caseSystem() != null, false,
        config.storage().bufferEvents(), config.storage().batchMax(), wallNanos);
  }

  /**
   * Starts a writer that makes the engine wait when the buffer is full, instead of dropping: only
   * for simulations on virtual time, where no real caller waits for the engine.
   */
  public static RecordWriter startBlocking(RecordStore store, AcdConfig config, LongSupplier wallNanos) {
    return start(store, new RecordPipeline(config), config.caseSystem() != null, true,
        config.storage().bufferEvents(), config.storage().batchMax(), wallNanos);
  }

  /** Starts a writer with explicit settings (tests, benchmarks). */
  public static RecordWriter start(RecordStore store, RecordPipeline pipeline, boolean deliver,
      boolean blockWhenFull, int capacity, int batchMax, LongSupplier wallNanos) {
    RecordWriter w = new RecordWriter(store, pipeline, deliver, blockWhenFull, capacity, batchMax, wallNanos,
        "acd-records");
    w.thread.start();
    return w;
  }

  /** Takes one event (engine thread): buffered, or dropped and counted when the buffer is full. */
  @Override
  public void on(SegmentEvent event) {
    long sequence = nextSequence + 1;
    if (!closing && (buffer.offer(new Item(sequence, event)) || blockWhenFull && putWaiting(new Item(sequence, event)))) {
      nextSequence = sequence;
      accepted.set(sequence);
      return;
    }
    long n = dropped.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastDropWarnNanos >= DROP_WARN_EVERY_NANOS) {
      lastDropWarnNanos = now;
      LOG.warn("records buffer full ({} events) or writer closed: {} events dropped so far; last error: {}",
          buffer.size(), n, lastError);
    }
  }

  private boolean putWaiting(Item item) {
    try {
      buffer.put(item);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The sequence number of the last event taken into the buffer. */
  public long acceptedSequence() {
    return accepted.get();
  }

  /** The sequence number up to which every event's records are committed. */
  public long durableSequence() {
    return durable.get();
  }

  /**
   * Waits until every event taken so far is committed, at most {@code timeout}.
   *
   * @return whether it is
   */
  public boolean flush(Duration timeout) throws InterruptedException {
    long target = accepted.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (durable.get() < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !thread.isAlive()) {
          return durable.get() >= target;
        }
        progress.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The writer's state now. */
  public RecordHealth health() {
    return new RecordHealth(buffer.size(), buffer.size() + buffer.remainingCapacity(), dropped.get(), accepted.get(),
        durable.get(), storageUp, lastError);
  }

  /** The pipeline's count of calls still open (read after close, or approximately while running). */
  public int openCalls() {
    return pipeline.openCalls();
  }

  /**
   * Stops taking events, writes what is buffered (waiting at most {@code timeout}) and stops.
   *
   * @return whether everything taken was committed
   */
  public boolean close(Duration timeout) throws InterruptedException {
    closing = true;
    boolean flushed = flush(timeout);
    abandoned = true;
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(5));
    return flushed;
  }

  /** Closes, waiting up to 30 s for the buffer to be written. */
  @Override
  public void close() {
    try {
      if (!close(Duration.ofSeconds(30))) {
        LOG.warn("records writer closed with {} events not written", accepted.get() - durable.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the thread at once without writing what is buffered: what a killed process does (tests
   * use it to check that only unacknowledged events are lost).
   */
  public void abandon() throws InterruptedException {
    closing = true;
    abandoned = true;
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }

  // ---- writer thread ----

  private void run() {
    List<Item> items = new ArrayList<>(batchMax);
    try {
      while (!abandoned) {
        Item first = buffer.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        items.add(first);
        buffer.drainTo(items, batchMax - 1);
        for (Item item : items) {
          try {
            pipeline.on(item.event(), item.sequence());
          } catch (RuntimeException e) {
            // One event the pipeline cannot take must not stop the writer: it is counted as lost,
            // said in the health, and the rest go on.
            poisoned(item, e);
          }
        }
        long last = items.get(items.size() - 1).sequence();
        items.clear();
        RecordBatch batch;
        try {
          batch = pipeline.drain();
        } catch (RuntimeException e) {
          LOG.error("records: a batch could not be assembled and is lost (events up to {})", last, e);
          lastError = "batch lost: " + e;
          dropped.incrementAndGet();
          acknowledge(last);
          continue;
        }
        writeUntilCommitted(batch);
        acknowledge(last);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeConnection();
    }
  }

  private void poisoned(Item item, RuntimeException e) {
    dropped.incrementAndGet();
    lastError = "event " + item.sequence() + " rejected: " + e;
    LOG.error("records: event {} ({}) could not be taken and is lost", item.sequence(),
        item.event().getClass().getSimpleName(), e);
  }

  private void writeUntilCommitted(RecordBatch batch) throws InterruptedException {
    if (batch.isEmpty()) {
      return;
    }
    long backoff = MIN_BACKOFF_NANOS;
    while (true) {
      try {
        if (connection == null) {
          connection = store.connect();
        }
        store.write(connection, batch, deliver, wallNanos.getAsLong());
        if (!storageUp) {
          LOG.info("records database is back; writing resumed");
        }
        storageUp = true;
        return;
      } catch (SQLException | RuntimeException e) {
        lastError = e.getMessage();
        if (storageUp) {
          LOG.error("cannot write call records ({} events buffered); retrying: {}", buffer.size(), e.getMessage());
        }
        storageUp = false;
        closeConnection();
        if (abandoned) {
          throw new InterruptedException("abandoned with an unwritten batch");
        }
        TimeUnit.NANOSECONDS.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
      }
    }
  }

  private void acknowledge(long sequence) {
    lock.lock();
    try {
      durable.set(sequence);
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the records connection: {}", e.getMessage());
      }
      connection = null;
    }
  }
}
