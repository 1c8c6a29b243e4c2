package org.hotlineacd.acd.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.hotlineacd.acd.config.CaseSystemConfig;
import org.hotlineacd.acd.records.CaseOutbox;
import org.hotlineacd.acd.records.CaseState;
import org.hotlineacd.acd.records.OutboxEntry;
import org.hotlineacd.acd.records.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case delivery worker: sends the outbox's due case requests to the case system as Standard
 * Webhooks POSTs and records each outcome in the outbox.
 *
 * <p>Outcomes: a 2xx reply whose JSON body has a {@code caseNumber} delivers the case (the number
 * goes on the call record). A timeout, a broken connection, 408, 429 or 5xx is retried after an
 * exponential backoff with jitter ({@code retryInitial} doubling up to {@code retryMax}, each
 * wait drawn from its upper half); once the request is older than {@code deadAfter} it becomes a
 * dead letter instead. Any other 4xx, or a 2xx without a readable case number, marks it {@code
 * failed}: kept and listed for an admin, never dropped. Every retry carries the same {@code
 * webhook-id}, so the case system can drop duplicates (at-least-once delivery).
 *
 * <p>Threading and time: {@link #runDue} is one synchronous pass (tests call it with a manual
 * clock); {@link #start} runs passes on one scheduler thread. The clock and the jitter source are
 * injected. Requests of one pass are sent concurrently, at most {@link #MAX_IN_FLIGHT} at a time.
 */
public final class CaseDelivery implements AutoCloseable {
  /** The most requests in flight at once. */
  public static final int MAX_IN_FLIGHT = 32;

  private static final Logger LOG = LoggerFactory.getLogger(CaseDelivery.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordStore store;
  private final CaseSystemConfig config;
  private final WebhookSigner signer;
  private final HttpClient http;
  private final LongSupplier wallNanos;
  private final RandomGenerator jitter;
  private ScheduledExecutorService scheduler;
  private Connection connection;

  /**
   * A worker.
   *
   * @param secret the shared secret (read from the configured environment variable or file)
   * @param wallNanos the wall clock, epoch nanos (webhook timestamps, backoff, dead-letter age)
   * @param jitter the randomness of the backoff (seeded in tests)
   */
  public CaseDelivery(RecordStore store, CaseSystemConfig config, String secret, HttpClient http,
      LongSupplier wallNanos, RandomGenerator jitter) {
    this.store = store;
    this.config = config;
    this.signer = new WebhookSigner(secret);
    this.http = http;
    this.wallNanos = wallNanos;
    this.jitter = jitter;
  }

  /** An HTTP client for case delivery: the connect timeout is the request timeout. */
  public static HttpClient httpClient(CaseSystemConfig config) {
    return HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** One outcome of an attempt. */
  private record Result(OutboxEntry entry, Integer status, String body, Throwable error) {}

  /**
   * Sends every request due now (in rounds of {@link #MAX_IN_FLIGHT}) and records the outcomes.
   *
   * @return how many requests were attempted
   */
  public synchronized int runDue() throws SQLException {
    if (connection == null) {
      connection = store.connect();
    }
    long now = wallNanos.getAsLong();
    int attempted = 0;
    List<OutboxEntry> due = CaseOutbox.due(connection, now, MAX_IN_FLIGHT);
    while (!due.isEmpty()) {
      List<CompletableFuture<Result>> inFlight = new ArrayList<>();
      for (OutboxEntry e : due) {
        inFlight.add(send(e));
      }
      for (CompletableFuture<Result> f : inFlight) {
        record(f.join(), now);
      }
      attempted += due.size();
      due = CaseOutbox.due(connection, now, MAX_IN_FLIGHT);
    }
    return attempted;
  }

  private CompletableFuture<Result> send(OutboxEntry e) {
    long timestamp = Math.floorDiv(wallNanos.getAsLong(), 1_000_000_000L);
    HttpRequest request = HttpRequest.newBuilder(config.url())
        .timeout(config.timeout())
        .header("content-type", "application/json")
        .header("webhook-id", e.webhookId())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signer.sign(e.webhookId(), timestamp, e.payload()))
        .POST(HttpRequest.BodyPublishers.ofString(e.payload()))
        .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((r, t) -> t == null ? new Result(e, r.statusCode(), r.body(), null) : new Result(e, null, null, cause(t)));
  }

  private void record(Result r, long now) throws SQLException {
    OutboxEntry e = r.entry();
    if (r.error() != null) {
      String what = r.error() instanceof HttpTimeoutException ? "timed out after " + config.timeout()
          : r.error().getClass().getSimpleName() + ": " + r.error().getMessage();
      retryLater(e, null, what, now);
      return;
    }
    int status = r.status();
    if (status >= 200 && status < 300) {
      String caseNumber = caseNumber(r.body());
      if (caseNumber == null) {
        LOG.warn("case system accepted {} with status {} but its reply has no caseNumber; marked failed", e.webhookId(), status);
        CaseOutbox.failed(connection, e.webhookId(), CaseState.FAILED, status,
            "reply without a readable caseNumber: " + abbreviate(r.body()), now);
        return;
      }
      CaseOutbox.delivered(connection, e.webhookId(), status, caseNumber, now);
      return;
    }
    if (status == 408 || status == 429 || status >= 500) {
      retryLater(e, status, "HTTP " + status + ": " + abbreviate(r.body()), now);
      return;
    }
    LOG.warn("case system refused {} with status {}; marked failed", e.webhookId(), status);
    CaseOutbox.failed(connection, e.webhookId(), CaseState.FAILED, status, "HTTP " + status + ": " + abbreviate(r.body()), now);
  }

  private void retryLater(OutboxEntry e, Integer status, String what, long now) throws SQLException {
    if (now - e.createdNanos() >= config.deadAfter().toNanos()) {
      LOG.warn("case {} still failing after {}: dead letter ({})", e.webhookId(), config.deadAfter(), what);
      CaseOutbox.failed(connection, e.webhookId(), CaseState.DEAD, status, what, now);
      return;
    }
    CaseOutbox.failed(connection, e.webhookId(), CaseState.PENDING, status, what, now + backoffNanos(e.attempts()));
  }

  /** The wait before the next attempt after {@code attempts} earlier ones: upper half of min(max, initial * 2^n). */
  long backoffNanos(int attempts) {
    long initial = config.retryInitial().toNanos();
    long max = config.retryMax().toNanos();
    long base = initial;
    for (int i = 0; i < attempts && base < max; i++) {
      base = base > max / 2 ? max : base * 2;
    }
    base = Math.min(base, max);
    long half = base / 2;
    return half + (long) (jitter.nextDouble() * (base - half));
  }

  private static String caseNumber(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode number = n == null ? null : n.get("caseNumber");
      return number != null && number.isValueNode() && !number.asText().isBlank() ? number.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Throwable cause(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  /** Runs a pass every {@code every} on a daemon thread until {@link #close}. */
  public synchronized void start(Duration every) {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "acd-case-delivery");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        runDue();
      } catch (SQLException | RuntimeException e) {
        LOG.error("case delivery pass failed: {}", e.getMessage());
        closeConnection();
      }
    }, 0, every.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops the passes (a running one finishes) and closes the connection. */
  @Override
  public void close() {
    ScheduledExecutorService s;
    synchronized (this) {
      s = scheduler;
      scheduler = null;
    }
    if (s != null) {
      s.shutdown();
      try {
        s.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      closeConnection();
    }
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the delivery connection: {}", e.getMessage());
      }
      connection = null;
    }
  }

  /** The configured endpoint (for messages). */
  public URI endpoint() {
    return config.url();
  }
}
