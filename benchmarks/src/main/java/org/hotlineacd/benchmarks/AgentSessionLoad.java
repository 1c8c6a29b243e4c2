package org.hotlineacd.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.auth.SecretHash;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;
import org.hotlineacd.cti.port.AgentDirectory;
import org.hotlineacd.cti.port.AgentNotifier;

/**
 * Load tool for the softphone bridge: N concurrent agent sessions on loopback. The server runs in
 * a child JVM (so its heap is measured alone) with a stand-in engine thread that answers ready and
 * not-ready at once, so the numbers are the bridge's: JSON, sessions, event loops, the hop from the
 * engine thread. The parent opens N WebSockets with the JDK client, logs every agent in, measures
 * the server's heap per idle session (after GC), then runs ready -> state-changed round trips on a
 * subset while all N stay connected, and prints p50/p99/max.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.hotlineacd.benchmarks.AgentSessionLoad [sessions]
 * [active] [roundTripsPerActive] [intervalMs]} (defaults 5000 200 50 0). With interval 0 each active
 * agent clicks back to back (a closed loop: it measures the most the machine can do, and the
 * latency at that saturation); with an interval each active agent starts a ready/not-ready pair
 * every interval (an open loop at a fixed offered rate, each agent at its own phase) and a round
 * trip counts from when it was due, so a stall also counts against the clicks it delayed. Before
 * measuring, the same load runs for at least {@code -Dload.warmupSeconds} (default 5) so the
 * server's code is compiled. Results go to docs/benchmarks.md.
 */
public final class AgentSessionLoad {
  private static final String SECRET = "load-test-secret";

  private AgentSessionLoad() {}

  /** Runs the load (parent) or the server (child, with {@code --server}). */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--server")) {
      server(Integer.parseInt(args[1]));
      return;
    }
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int active = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int trips = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    long intervalNanos = TimeUnit.MICROSECONDS.toNanos(Math.round(1000 * (args.length > 3 ? Double.parseDouble(args[3]) : 0)));
    load(sessions, active, trips, intervalNanos);
  }

  // ---- the server child ----

  private static void server(int agents) throws Exception {
    String hash = SecretHash.hash(SECRET.toCharArray(), SecretHash.MIN_ITERATIONS);
    AgentDirectory directory = new AgentDirectory() {
      @Override
      public Optional<Entry> agent(AgentId id) {
        return id.value().startsWith("a") ? Optional.of(new Entry(id, id.value(), hash)) : Optional.empty();
      }

      @Override
      public Choices choices() {
        return new Choices(List.of(new Choice("break", "break")), List.of(), List.of(), List.of(), List.of());
      }
    };
    BlockingQueue<Timed> inbox = new ArrayBlockingQueue<>(1 << 16);
    BridgeSettings.Sessions s = BridgeSettings.Sessions.DEFAULT;
    // the flood limit at its highest (10,000 a second): an agent clicking back to back on a fast run
    // sends well over a thousand messages a second, and the flood guard would close it with 4008,
    // silently taking it out of the measurement
    BridgeSettings settings = new BridgeSettings("127.0.0.1", 0, null, new BridgeSettings.Sessions(List.of(), true,
        s.heartbeat(), s.heartbeatTimeout(), s.reconnectGrace(), null, s.tokenLifetime(), s.maxFrameBytes(), 10_000));
    BridgeServer server = BridgeServer.builder(settings)
        .engine(input -> inbox.add(new Timed(input, System.nanoTime())), () -> System.currentTimeMillis() * 1_000_000L)
        .directory(directory)
        .build();
    AgentNotifier notifier = server.agentNotifier();
    Thread engine = new Thread(() -> standInEngine(inbox, notifier), "stand-in-engine");
    engine.setDaemon(true);
    engine.start();
    server.start();
    PrintStream out = System.out;
    out.println("port " + server.port());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("heap")) {
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(200);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long direct = ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
            .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
        out.println("heap " + heap.getUsed() + " " + direct);
      } else if (line.equals("quit")) {
        break;
      }
    }
    server.close();
  }

  /** An input with the moment the bridge handed it over (System.nanoTime, CLOCK_MONOTONIC on Linux). */
  private record Timed(Input input, long submitted) {}

  /**
   * Answers like the engine would, on one thread: state change first, then the acceptance. The
   * ready state carries, as its reason, when the bridge submitted the request and when this thread
   * took it ({@code t<submitted>,<taken>}, System.nanoTime): on Linux that clock is CLOCK_MONOTONIC,
   * shared by every process of the machine, so the client can split a round trip into its parts.
   */
  private static void standInEngine(BlockingQueue<Timed> inbox, AgentNotifier out) {
    try {
      while (true) {
        Timed timed = inbox.take();
        long taken = System.nanoTime();
        Input input = timed.input();
        if (!(input instanceof AgentRequest r)) {
          continue;
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        switch (r) {
          case AgentLogin l -> out.notify(new AgentStateChanged(r.agent(), AgentState.NOT_READY, "login", null, now, 0));
          case AgentReady l -> out.notify(new AgentStateChanged(r.agent(), AgentState.READY,
              "t" + timed.submitted() + "," + taken, null, now, 0));
          case AgentNotReady l -> out.notify(new AgentStateChanged(r.agent(), AgentState.NOT_READY, l.reason(), null, now, 0));
          default -> {
            out.notify(new RequestRefused(r.agent(), r.requestId(), "unsupported", "not in the load test"));
            continue;
          }
        }
        out.notify(new RequestAccepted(r.agent(), r.requestId()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the load parent ----

  private static void load(int sessions, int active, int trips, long intervalNanos) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx1g", "-XX:+UseG1GC"));
    // extra options for the server JVM, for experiments (a GC log, another collector)
    String extra = System.getenv("LOAD_SERVER_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentSessionLoad.class.getName(), "--server",
        String.valueOf(sessions)));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader fromServer = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    PrintStream toServer = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    int port = Integer.parseInt(fromServer.readLine().split(" ")[1]);
    long[] base = heap(toServer, fromServer);
    System.out.printf("server heap before: %.1f MB (direct %.1f MB)%n", base[0] / 1e6, base[1] / 1e6);

    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    URI uri = URI.create("ws://127.0.0.1:" + port + BridgeServer.AGENT_SOCKET);
    List<Client> clients = new ArrayList<>(sessions);
    long t0 = System.nanoTime();
    for (int i = 0; i < sessions; i++) {
      Client c = new Client();
      c.ws = http.newWebSocketBuilder().buildAsync(uri, c).join();
      clients.add(c);
    }
    // logins in batches: the bridge checks at most a few hundred secrets at a time and answers
    // the rest "busy" (a login storm must not starve the server)
    for (int from = 0; from < sessions; from += 256) {
      List<CompletableFuture<String>> logins = new ArrayList<>();
      for (int i = from; i < Math.min(sessions, from + 256); i++) {
        Client c = clients.get(i);
        logins.add(c.expect("\"type\":\"snapshot\""));
        c.send("{\"v\":1,\"type\":\"login\",\"requestId\":1,\"agent\":\"a" + i + "\",\"secret\":\"" + SECRET + "\"}");
      }
      CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
    }
    System.out.printf("%d sessions connected and logged in in %.1f s%n", sessions, (System.nanoTime() - t0) / 1e9);

    long[] loaded = heap(toServer, fromServer);
    System.out.printf("server heap with %d idle sessions: %.1f MB (direct %.1f MB): %.1f KB heap + %.1f KB direct per session%n",
        sessions, loaded[0] / 1e6, loaded[1] / 1e6, (loaded[0] - base[0]) / 1024.0 / sessions,
        (loaded[1] - base[1]) / 1024.0 / sessions);

    // warm-up, then measured round trips: ready -> state ready, not-ready -> state not-ready
    // per measured trip: [0] total, then the parts: [1] client send until the bridge submitted the
    // request to the engine, [2] engine inbox wait, [3] engine until the client's WebSocket
    // listener saw the state frame, [4] listener until the waiting thread ran again, [5] (open
    // loop only) how late the client sent
    long[][] parts = new long[6][active * trips];
    AtomicLong next = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long serverCpu0 = 0;
    long clientCpu0 = 0;
    long wall0 = 0;
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("load.warmupSeconds", 5));
    int warmups = 0;
    for (boolean measure = false; ; measure = System.nanoTime() >= warmupEnd) {
      warmups += measure ? 0 : 1;
      next.set(0);
      if (measure) {
        serverCpu0 = child.info().totalCpuDuration().orElseThrow().toNanos();
        clientCpu0 = os.getProcessCpuTime();
        wall0 = System.nanoTime();
      }
      CountDownLatch done = new CountDownLatch(active);
      for (int a = 0; a < active; a++) {
        Client c = clients.get(a * (sessions / active));
        boolean m = measure;
        long phase = intervalNanos * a / active;
        Thread.ofVirtual().start(() -> {
          try {
            long first = System.nanoTime() + phase;
            for (int t = 0; t < trips; t++) {
              long due = first + t * intervalNanos;
              long wait = due - System.nanoTime();
              if (intervalNanos > 0 && wait > 0) {
                LockSupport.parkNanos(wait);
              }
              long sent = System.nanoTime();
              long start = intervalNanos > 0 ? due : sent;
              CompletableFuture<String> ready = c.expect("\"state\":\"ready\"");
              c.send("{\"v\":1,\"type\":\"ready\",\"requestId\":" + (t * 2 + 10) + "}");
              String frame = ready.get(30, TimeUnit.SECONDS);
              long end = System.nanoTime();
              if (m) {
                int i = (int) next.getAndIncrement();
                int at = frame.indexOf("\"reason\":\"t") + 11;
                String[] stamps = frame.substring(at, frame.indexOf('"', at)).split(",");
                long submitted = Long.parseLong(stamps[0]);
                long taken = Long.parseLong(stamps[1]);
                parts[0][i] = end - start;
                parts[1][i] = submitted - sent;
                parts[2][i] = taken - submitted;
                parts[3][i] = c.matchedAt - taken;
                parts[4][i] = end - c.matchedAt;
                parts[5][i] = sent - start;
              }
              CompletableFuture<String> back = c.expect("\"state\":\"not-ready\"");
              c.send("{\"v\":1,\"type\":\"notReady\",\"requestId\":" + (t * 2 + 11) + ",\"reason\":\"break\"}");
              back.get(30, TimeUnit.SECONDS);
            }
          } catch (Exception e) {
            failed.incrementAndGet();
            e.printStackTrace();
          } finally {
            done.countDown();
          }
        });
      }
      done.await();
      if (measure) {
        break;
      }
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    double serverCpu = (child.info().totalCpuDuration().orElseThrow().toNanos() - serverCpu0) / 1e9;
    double clientCpu = (os.getProcessCpuTime() - clientCpu0) / 1e9;
    int n = (int) next.get();
    if (failed.get() > 0) {
      System.out.printf("WARNING: %d active agents failed (see above); the numbers below miss their round trips%n",
          failed.get());
    }
    System.out.printf("after %d warm-up passes, measured phase: %.2f s, %d round trips (ready and not-ready), %.0f a second; CPU per round trip:"
        + " server %.0f us, client %.0f us (server %.0f%%, client %.0f%% of one core)%n", warmups, wall, 2 * n, 2 * n / wall,
        serverCpu / (2 * n) * 1e6, clientCpu / (2 * n) * 1e6, serverCpu / wall * 100, clientCpu / wall * 100);
    long[] rtts = Arrays.copyOf(parts[0], n);
    Arrays.sort(rtts);
    System.out.printf("ready -> state-changed round trips: %d from %d active sessions (of %d connected, %s): "
            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", rtts.length, active, sessions,
        intervalNanos == 0 ? "back to back" : "one pair every " + intervalNanos / 1e6 + " ms each, timed from when due",
        rtts[rtts.length / 2] / 1e6, rtts[(int) (rtts.length * 0.99)] / 1e6, rtts[rtts.length - 1] / 1e6);
    // where the time goes: each part's own p50/p99, and its mean over the slowest 1% of trips
    long p99 = rtts[(int) (rtts.length * 0.99)];
    String[] names = {"client send -> bridge submits", "engine inbox wait", "engine -> client listener",
        "client listener -> caller wakes", "due -> client sends (late)"};
    for (int k = 1; k < (intervalNanos > 0 ? 6 : 5); k++) {
      long[] part = Arrays.copyOf(parts[k], n);
      double slowSum = 0;
      int slow = 0;
      for (int i = 0; i < n; i++) {
        if (parts[0][i] >= p99) {
          slowSum += part[i];
          slow++;
        }
      }
      Arrays.sort(part);
      System.out.printf("  %-32s p50 %6.3f ms  p99 %6.3f ms  mean in slowest 1%% %6.3f ms%n", names[k - 1],
          part[n / 2] / 1e6, part[(int) (n * 0.99)] / 1e6, slowSum / Math.max(1, slow) / 1e6);
    }
    toServer.println("quit");
    child.waitFor(10, TimeUnit.SECONDS);
    child.destroy();
    System.exit(0);
  }

  private static long[] heap(PrintStream to, BufferedReader from) throws Exception {
    to.println("heap");
    String[] p = from.readLine().split(" ");
    return new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])};
  }

  /** One desktop: completes the pending expectation when a frame containing its text arrives. */
  private static final class Client implements WebSocket.Listener {
    WebSocket ws;
    private volatile String wanted;
    private volatile CompletableFuture<String> waiting;
    /** When the listener saw the awaited frame (System.nanoTime). */
    volatile long matchedAt;
    private final StringBuilder text = new StringBuilder();

    CompletableFuture<String> expect(String fragment) {
      CompletableFuture<String> f = new CompletableFuture<>();
      wanted = fragment;
      waiting = f;
      return f;
    }

    synchronized void send(String json) {
      ws.sendText(json, true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        CompletableFuture<String> f = waiting;
        if (f != null && frame.contains(wanted)) {
          waiting = null;
          matchedAt = System.nanoTime();
          f.complete(frame);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
