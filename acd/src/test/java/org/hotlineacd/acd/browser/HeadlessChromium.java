package org.hotlineacd.acd.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools protocol with the JDK's WebSocket
 * client: no driver download, no extra library. Starts with a fresh profile and no network
 * services of its own; {@link #eval} runs JavaScript in the page and returns its value, {@link
 * #screenshot} takes a PNG. The one driver of every page test (the agent desktop, the wallboard).
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final Path profile;
  private final WebSocket page;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();

  /** The browser binary, if one is installed. */
  public static Optional<Path> binary() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** Starts the browser on {@code url}, with a 1600×1000 window and a fresh profile. */
  public HeadlessChromium(Path binary, String url) throws IOException, InterruptedException {
    profile = Files.createTempDirectory("acd-chromium");
    process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1600,1000", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0", url)
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (System.nanoTime() > end || !process.isAlive()) {
        throw new IOException("chromium did not open its DevTools port; log: " + log());
      }
      Thread.sleep(50); // the browser writes the file once; there is nothing to wait on instead
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    String pageSocket = null;
    while (pageSocket == null) {
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode t : targets) {
        if (t.path("type").asText().equals("page")) {
          pageSocket = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageSocket == null) {
        if (System.nanoTime() > end) {
          throw new IOException("chromium opened no page");
        }
        Thread.sleep(50);
      }
    }
    page = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).join();
  }

  /** Evaluates {@code js} in the page (promises awaited) and returns its value. */
  public JsonNode eval(String js) {
    ObjectNode params = JSON.createObjectNode().put("expression", js).put("returnByValue", true).put("awaitPromise", true);
    JsonNode r = call("Runtime.evaluate", params);
    if (r.has("error") || r.path("result").has("exceptionDetails")) {
      throw new AssertionError("page script failed: " + js + " -> " + r);
    }
    return r.path("result").path("result").path("value");
  }

  /** A PNG of the page as it is shown now. */
  public byte[] screenshot() {
    JsonNode r = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    return java.util.Base64.getDecoder().decode(r.path("result").path("data").asText());
  }

  private JsonNode call(String method, ObjectNode params) {
    long id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", params);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    page.sendText(msg.toString(), true).join();
    return reply.orTimeout(10, TimeUnit.SECONDS).join();
  }

  /**
   * Waits until {@code js} is true in the page, checking every 50 ms; a script error (as before the
   * page has loaded) counts as false. On timeout the error shows the start of the page's text.
   */
  public void awaitTrue(String js, Duration timeout) throws InterruptedException {
    awaitTrue(js, timeout, "document.body ? document.body.innerText.slice(0, 400) : location.href");
  }

  /** As above, describing the page on timeout by the value of {@code describeJs}. */
  public void awaitTrue(String js, Duration timeout, String describeJs) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    String guarded = "(() => { try { return !!(" + js + "); } catch (e) { return false; } })()";
    while (!eval(guarded).asBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("the page never satisfied: " + js + "; state now: "
            + eval("(() => { try { return String(" + describeJs + "); } catch (e) { return location.href; } })()"));
      }
      Thread.sleep(50);
    }
  }

  private String log() {
    try {
      return Files.readString(profile.resolve("chromium.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws IOException {
    page.abort();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode n = JSON.readTree(text.toString());
          CompletableFuture<JsonNode> f = n.has("id") ? replies.remove(n.get("id").asLong()) : null;
          if (f != null) {
            f.complete(n);
          }
        } catch (IOException e) {
          // an event we cannot read is one we do not need
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
