package org.hotlineacd.acd.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A desktop for tests: the JDK's WebSocket client, with frames awaited by type, never by sleeping. */
final class DeskClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final ObjectMapper JSON = new ObjectMapper();

  final WebSocket ws;
  final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final java.util.List<JsonNode> unmatched = new java.util.ArrayList<>();
  private long nextId = 1;

  private DeskClient(String uri, String origin) {
    Listener listener = new Listener();
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT);
    if (origin != null) {
      b.header("Origin", origin);
    }
    this.ws = b.buildAsync(URI.create(uri), listener).join();
  }

  static DeskClient connect(DeskHarness h) {
    DeskClient c = new DeskClient(h.wsUri(), null);
    c.await("hello");
    return c;
  }

  static DeskClient connect(DeskHarness h, String origin) {
    return new DeskClient(h.wsUri(), origin);
  }

  /** Logs in and returns the snapshot. */
  JsonNode login(String agent) {
    long id = send("login", "agent", agent, "secret", DeskHarness.SECRET);
    await(f -> f.path("type").asText().equals("loggedIn") && f.path("requestId").asLong() == id);
    return await("snapshot");
  }

  /** Sends a message with the given fields (pairs); returns its request id. */
  long send(String type, Object... fields) {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", 1);
    n.put("type", type);
    long id = nextId++;
    n.put("requestId", id);
    for (int i = 0; i < fields.length; i += 2) {
      n.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
    }
    raw(n.toString());
    return id;
  }

  void raw(String text) {
    ws.sendText(text, true).join();
  }

  /** Sends and awaits the answer ({@code ok} or {@code error}) with the same request id. */
  JsonNode call(String type, Object... fields) {
    long id = send(type, fields);
    return await(f -> f.has("requestId") && !f.get("requestId").isNull() && f.get("requestId").asLong() == id
        && (f.path("type").asText().equals("ok") || f.path("type").asText().equals("error")));
  }

  JsonNode await(String type) {
    return await(f -> f.path("type").asText().equals(type));
  }

  JsonNode awaitState(String state) {
    return await(f -> f.path("type").asText().equals("state") && f.path("state").asText().equals(state));
  }

  /** The first frame matching {@code p}, oldest first; the others stay for later awaits. */
  JsonNode await(Predicate<JsonNode> p) {
    long end = System.nanoTime() + TIMEOUT.toNanos();
    for (java.util.Iterator<JsonNode> it = unmatched.iterator(); it.hasNext(); ) {
      JsonNode f = it.next();
      if (p.test(f)) {
        it.remove();
        return f;
      }
    }
    try {
      while (true) {
        JsonNode f = frames.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (f == null) {
          throw new AssertionError("no matching frame within " + TIMEOUT + (closed.isDone() ? " (closed " + closed.join() + ")" : ""));
        }
        if (p.test(f)) {
          return f;
        }
        unmatched.add(f);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int awaitClose() {
    return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    ws.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(text.toString()));
        } catch (Exception e) {
          frames.add(JSON.createObjectNode().put("type", "unparseable").put("text", text.toString()));
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
