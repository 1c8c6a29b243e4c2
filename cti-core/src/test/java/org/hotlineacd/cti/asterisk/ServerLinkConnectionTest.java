package org.hotlineacd.cti.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.hotlineacd.cti.amireplay.AmiReplayServer;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.ChannelPresent;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.input.PbxResyncStarted;
import org.hotlineacd.cti.input.PbxResynced;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.RingAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection life cycle of one server on a virtual clock: keep-alive against a silent and a
 * half-open server, reconnect backoff with jitter, and periodic reconciliation. Time moves only
 * when the test says so ({@link VirtualExecutor}); the real Asterisk-Java client talks to a replay
 * server on loopback, and the test waits on observable conditions, never on the clock.
 */
class ServerLinkConnectionTest {
  private static final long S = 1_000_000_000L;
  private static final long WALL = 1_795_785_700_000_000_000L;

  private final VirtualExecutor exec = new VirtualExecutor();
  private final List<Input> inputs = Collections.synchronizedList(new ArrayList<>());
  private AmiReplayServer server;
  private ServerLink link;

  @AfterEach
  void tearDown() {
    if (link != null) {
      link.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  private static AmiSettings settings(Duration ping, Duration reconcile) {
    AmiServer s = new AmiServer("pbx1", "127.0.0.1", 5038, "acd", () -> "acdsecret", "test", false);
    return new AmiSettings(List.of(s), ping, Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2,
        reconcile, Dialplan.DEFAULT);
  }

  private ServerLink link(int port, AmiSettings settings, double random) {
    AmiServer s = new AmiServer("pbx1", "127.0.0.1", port, "acd", () -> "acdsecret", "test", false);
    return new ServerLink(s, settings, inputs::add, null, exec, AmiTelephony::connection, () -> WALL, exec::nanoTime,
        () -> random);
  }

  /** Runs the queued tasks (they come from Asterisk-Java's threads too) until {@code done}; 10 s at most. */
  private void await(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      exec.runDue();
      if (done.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; status " + link.status() + ", inputs " + inputs());
      }
      TimeUnit.MILLISECONDS.sleep(2); // polling a condition, not timing: virtual time does not move here
    }
  }

  private void awaitState(AmiStatus.State state) throws InterruptedException {
    await(() -> link.status().state() == state, state.name());
  }

  private List<Input> inputs() {
    synchronized (inputs) {
      return List.copyOf(inputs);
    }
  }

  private long count(Class<?> type) {
    return inputs().stream().filter(type::isInstance).count();
  }

  private void detectedWithinThePingTimeout(Runnable hang, boolean pingReachesTheServer) throws Exception {
    server = new AmiReplayServer(List.of(), null);
    link = link(server.port(), settings(Duration.ofSeconds(5), Duration.ZERO), 0.75);
    link.start();
    awaitState(AmiStatus.State.CONNECTED);
    long hungAt = exec.nanoTime();
    hang.run();

    exec.advance(5 * S); // the keep-alive Ping goes out
    if (pingReachesTheServer) {
      assertThat(server.awaitAction("Ping", 10_000)).isNotNull();
    }
    exec.advance(4 * S - 1); // one nanosecond before the ping timeout: still trusted
    assertThat(link.status().state()).isEqualTo(AmiStatus.State.CONNECTED);
    exec.advance(1);

    AmiStatus st = link.status();
    assertThat(st.state()).isEqualTo(AmiStatus.State.RECONNECTING);
    assertThat(st.lastProblem()).isEqualTo("no answer to Ping within 4000 ms");
    assertThat(exec.nanoTime() - hungAt).isLessThanOrEqualTo(10 * S); // the bound: within 10 s
    assertThat(inputs().get(inputs().size() - 1)).isEqualTo(new PbxResyncStarted("", true)); // routing suspended
    // the reconnect path has started: first delay 1 s x (1 + 0.2 x (2 x 0.75 - 1)) = 1.1 s
    assertThat(exec.nextOneShotAt() - exec.nanoTime()).isEqualTo(1_100_000_000L);
    exec.advance(1_100_000_000L);
    await(() -> link.status().connects() == 2 && link.status().state() == AmiStatus.State.CONNECTED, "reconnected");
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void silentServer_pingUnanswered_isDeclaredDeadAtThePingTimeout_andReconnected() throws Exception {
    detectedWithinThePingTimeout(() -> server.answerPings(false), true);
  }

  @Test
  void halfOpenConnection_nothingComesBack_isDeclaredDeadAtThePingTimeout_andReconnected() throws Exception {
    detectedWithinThePingTimeout(() -> server.freeze(), false);
  }

  @Test
  void backoff_doublesToTheMaximum_andItsJitterStaysWithinBounds() {
    long initial = S;
    long max = 30 * S;
    for (double r : new double[] {0.0, 0.5, Math.nextDown(1.0)}) {
      Backoff b = new Backoff(Duration.ofNanos(initial), Duration.ofNanos(max), 0.2, () -> r);
      for (int attempt = 0; attempt < 40; attempt++) {
        long base = Math.min(max, initial << Math.min(attempt, 20));
        long d = b.delayNanos(attempt);
        assertThat(d).isBetween((long) (base * 0.8), (long) Math.ceil(base * 1.2));
        if (r == 0.5) {
          assertThat(d).isEqualTo(base); // no jitter at the middle of the range
        }
      }
    }
    Random random = new Random(42);
    Backoff b = new Backoff(Duration.ofNanos(initial), Duration.ofNanos(max), 0.2, random::nextDouble);
    for (int i = 0; i < 10_000; i++) {
      int attempt = i % 12;
      long base = Math.min(max, initial << attempt);
      assertThat(b.delayNanos(attempt)).isBetween((long) (base * 0.8), (long) Math.ceil(base * 1.2));
    }
  }

  @Test
  void refusedConnections_areRetriedWithDoublingJitteredDelays() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // nothing listens there any more: ECONNREFUSED, as in scenario 11
    }
    link = link(port, settings(Duration.ofSeconds(5), Duration.ZERO), 0.0); // the shortest jitter: x0.8
    link.start();
    long[] expected = {800_000_000L, 1_600_000_000L, 3_200_000_000L, 6_400_000_000L, 12_800_000_000L, 24_000_000_000L,
        24_000_000_000L};
    for (int i = 0; i < expected.length; i++) {
      int failures = i + 1;
      await(() -> link.status().failures() == failures, failures + " failures");
      assertThat(link.status().state()).isEqualTo(AmiStatus.State.RECONNECTING);
      long delay = exec.nextOneShotAt() - exec.nanoTime();
      assertThat(delay).as("delay after failure %d", failures).isEqualTo(expected[i]);
      exec.advance(delay);
    }
    assertThat(link.status().lastProblem()).startsWith("cannot connect: ConnectException");
  }

  @Test
  void periodicReconcile_endsAVanishedWaitingCall_andFindsALegAnsweredWhileEventsWereLost() throws Exception {
    server = new AmiReplayServer(List.of(), null);
    AtomicReference<List<String>> channels = new AtomicReference<>(List.of());
    server.respond("CoreShowChannels", (action, id) -> listResponse(id, channels.get()));
    link = link(server.port(), settings(Duration.ofHours(1), Duration.ofSeconds(60)), 0.5);
    link.start();
    awaitState(AmiStatus.State.CONNECTED);
    assertThat(server.send(enqueue("1795785700.98", "PJSIP/caller1-00000001"))).isTrue();
    assertThat(server.send(enqueue("1795785700.99", "PJSIP/caller2-00000002"))).isTrue();
    await(() -> count(CallArrived.class) == 2, "two callers");

    // the ACD rings an agent for the first caller; the answer's events are lost (never sent)
    link.execute(new RingAgent(7, new CallId("1795785700.98"), AgentId.of("a1001"), "PJSIP/agent1001", 15 * S, "5550001",
        Map.of()));
    exec.runDue();
    String originate = server.awaitAction("Originate", 10_000);
    assertThat(originate).isNotNull();
    String legId = header(originate, "channelid");
    assertThat(legId).isEqualTo("acd-" + Long.toString(WALL / 1_000_000L, 36) + "-7");

    // what Asterisk has now: the first caller and the answered agent leg; the second caller is gone
    channels.set(List.of(
        channel("PJSIP/caller1-00000001", "1795785700.98", "acd-enqueue", "MusicOnHold", "Up"),
        channel("PJSIP/agent1001-00000003", legId, "acd-agent-hold", "Wait", "Up")));
    int before = inputs().size();
    exec.advance(60 * S);
    await(() -> count(AgentLegAnswered.class) == 1, "the reconcile");

    List<Input> after = inputs().subList(before, inputs().size());
    assertThat(after).hasSize(3);
    assertThat(after.get(0)).isEqualTo(new PbxResyncStarted("", false)); // periodic: routing goes on
    PbxResynced synced = (PbxResynced) after.get(1);
    assertThat(synced.calls()).extracting(ChannelPresent::call).containsExactly(new CallId("1795785700.98"));
    assertThat(after.get(2)).isEqualTo(new AgentLegAnswered(new CallId("1795785700.98"), AgentId.of("a1001")));
    assertThat(link.status().drift()).isEqualTo(2); // the vanished caller and the lost answer
    assertThat(link.status().state()).isEqualTo(AmiStatus.State.CONNECTED);

    // the answered leg is now known: the next reconcile finds nothing to correct
    exec.advance(60 * S);
    await(() -> count(PbxResynced.class) == 3, "the second reconcile");
    assertThat(link.status().drift()).isEqualTo(2);
    assertThat(server.received()).anyMatch(a -> a.contains("action: CoreShowChannels"));
  }

  @Test
  void announcePosition_setsPositionAndWait_andRedirectsTheWaitingCallerToTheAnnouncement() throws Exception {
    server = new AmiReplayServer(List.of(), null);
    link = link(server.port(), settings(Duration.ofHours(1), Duration.ZERO), 0.5);
    link.start();
    awaitState(AmiStatus.State.CONNECTED);
    assertThat(server.send(enqueue("1795785700.98", "PJSIP/caller1-00000001"))).isTrue();
    await(() -> count(CallArrived.class) == 1, "the caller");
    link.execute(new AnnouncePosition(9, new CallId("1795785700.98"), 3, 150 * S));
    exec.runDue();
    String pos = server.awaitAction("SetVar", 10_000);
    String wait = server.awaitAction("SetVar", 10_000);
    String redirect = server.awaitAction("Redirect", 10_000);
    assertThat(pos).contains("channel: PJSIP/caller1-00000001", "variable: ACD_POSITION", "value: 3");
    assertThat(wait).contains("variable: ACD_WAIT_MIN", "value: 3"); // 2.5 minutes, rounded up
    assertThat(redirect).contains("channel: PJSIP/caller1-00000001", "context: acd-announce", "exten: s", "priority: 1");
  }

  private static String header(String action, String name) {
    for (String line : action.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":")) {
        return line.substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  private static String enqueue(String uid, String channel) {
    return "Event: UserEvent\r\nPrivilege: user,all\r\nChannel: " + channel + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\n"
        + "CallerIDNum: 5550001\r\nCallerIDName: caller\r\nContext: acd-enqueue\r\nExten: s\r\nPriority: 3\r\n"
        + "Uniqueid: " + uid + "\r\nLinkedid: " + uid + "\r\nUserEvent: AcdEnqueue\r\nAcdLine: support\r\n\r\n";
  }

  private static String channel(String name, String uid, String context, String app, String state) {
    return "Event: CoreShowChannel\r\nChannel: " + name + "\r\nChannelState: 6\r\nChannelStateDesc: " + state + "\r\n"
        + "CallerIDNum: 5550001\r\nCallerIDName: caller\r\nContext: " + context + "\r\nExten: s\r\nPriority: 4\r\n"
        + "Uniqueid: " + uid + "\r\nLinkedid: " + uid + "\r\nApplication: " + app + "\r\nApplicationData: \r\n"
        + "Duration: 00:00:42\r\nBridgeId: \r\n";
  }

  private static String listResponse(String id, List<String> items) {
    String aid = id == null ? "" : "ActionID: " + id + "\r\n";
    StringBuilder b = new StringBuilder("Response: Success\r\n" + aid + "EventList: start\r\nMessage: Channels will follow\r\n\r\n");
    for (String item : items) {
      b.append(item.replace("Event: CoreShowChannel\r\n", "Event: CoreShowChannel\r\n" + aid)).append("\r\n");
    }
    b.append("Event: CoreShowChannelsComplete\r\n").append(aid).append("EventList: Complete\r\nListItems: ")
        .append(items.size()).append("\r\n\r\n");
    return b.toString();
  }
}
