package org.hotlineacd.acd.cases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A case system for tests: a real HTTP server on 127.0.0.1 that checks Standard Webhooks
 * signatures, creates one case per {@code webhook-id} (a repeated id gets the same case number),
 * and misbehaves as scripted, one behaviour per request.
 */
final class CaseReceiver implements AutoCloseable {
  /** What the receiver does with one request. */
  enum Behaviour {
    /** Creates (or finds) the case and replies 201 with its number. */
    OK,
    /** Replies 500 without creating anything. */
    ERROR_500,
    /** Replies 503 (the case system is down). */
    DOWN,
    /** Never replies until the client gave up (a timeout). */
    STALL,
    /** Closes the connection without a reply. */
    CLOSE,
    /** Creates the case, then stalls past the client's timeout: the client will send it again. */
    CREATE_THEN_STALL,
    /** Replies 200 with a body that is not JSON. */
    GARBAGE,
    /** Replies 422 (refuses the request). */
    REFUSE
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final WebhookSigner signer;
  private final Deque<Behaviour> script = new ArrayDeque<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private Behaviour otherwise = Behaviour.OK;
  private final Map<String, String> cases = new LinkedHashMap<>();
  private final Map<String, Integer> requestsById = new LinkedHashMap<>();
  private final AtomicInteger badSignatures = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  CaseReceiver(String secret) throws IOException {
    this.signer = new WebhookSigner(secret);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(executor);
    server.createContext("/cases", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cases");
  }

  synchronized void script(Behaviour... next) {
    script.addAll(java.util.List.of(next));
  }

  /** What the receiver does once the script is used up. */
  synchronized void otherwise(Behaviour b) {
    otherwise = b;
  }

  synchronized Map<String, String> cases() {
    return new LinkedHashMap<>(cases);
  }

  synchronized Map<String, Integer> requestsById() {
    return new LinkedHashMap<>(requestsById);
  }

  int badSignatures() {
    return badSignatures.get();
  }

  int requests() {
    return requests.get();
  }

  private synchronized Behaviour next() {
    return script.isEmpty() ? otherwise : script.poll();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String id = ex.getRequestHeaders().getFirst("webhook-id");
    String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
    String sig = ex.getRequestHeaders().getFirst("webhook-signature");
    boolean valid = id != null && ts != null && sig != null && signer.verify(id, Long.parseLong(ts), body, sig);
    if (!valid) {
      badSignatures.incrementAndGet();
      reply(ex, 401, "{\"error\":\"bad signature\"}");
      return;
    }
    synchronized (this) {
      requestsById.merge(id, 1, Integer::sum);
    }
    switch (next()) {
      case OK -> reply(ex, 201, "{\"caseNumber\":\"" + create(id) + "\"}");
      case ERROR_500 -> reply(ex, 500, "internal error");
      case DOWN -> reply(ex, 503, "maintenance");
      case STALL -> stall(ex);
      case CLOSE -> ex.close();
      case CREATE_THEN_STALL -> {
        create(id);
        stall(ex);
      }
      case GARBAGE -> reply(ex, 200, "<html>ok</html>");
      case REFUSE -> reply(ex, 422, "{\"error\":\"missing field\"}");
    }
  }

  private synchronized String create(String id) {
    return cases.computeIfAbsent(id, k -> String.format("GD%06d", cases.size() + 1));
  }

  private void stall(HttpExchange ex) {
    try {
      release.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close();
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("content-type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
