package org.hotlineacd.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.hotlineacd.cti.amireplay.AmiReplayServer;
import org.hotlineacd.cti.asterisk.AmiServer;
import org.hotlineacd.cti.asterisk.AmiSettings;
import org.hotlineacd.cti.asterisk.AmiStatus;
import org.hotlineacd.cti.asterisk.AmiTelephony;
import org.hotlineacd.cti.asterisk.Dialplan;
import org.hotlineacd.cti.input.CallArrived;

/**
 * The Asterisk adapter under load: a local AMI server writes {@code AcdEnqueue} events at a fixed
 * rate to the real Asterisk-Java client; the adapter translates them and hands them to a sink that
 * stands for the engine's inbox. Reports events per second, the share of time Asterisk-Java's
 * dispatch thread was busy (and its CPU time per event), and the latency from the moment each
 * event was due to be written to the hand-off (p50, p99): measured from the schedule, not from the
 * actual write, so a late sender cannot hide a stall (coordinated omission). Both stamps are
 * {@code System.nanoTime()} in one JVM (a monotonic clock shared by all threads).
 * Not JMH: it measures a socket and two threads, not a method. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.hotlineacd.benchmarks.AmiAdapterBenchmark}
 */
public final class AmiAdapterBenchmark {
  private AmiAdapterBenchmark() {}

  /** Runs the rates given as arguments (default 500, 2000, 10000 events/s), 5 s each after a warm-up. */
  public static void main(String[] args) throws Exception {
    int[] rates = args.length == 0 ? new int[] {500, 2_000, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int i = 0; i < 3; i++) {
      System.out.printf("listener alone (EventTranslator.onEvent, AcdEnqueue -> CallArrived -> sink): %.2f µs per event%n",
          org.hotlineacd.cti.asterisk.ListenerCost.enqueueNanos(200_000, 200_000) / 1e3);
    }
    run(10_000, 30_000, false); // warm-up: 3 s, so the JIT has compiled the reader, parser and adapter
    System.out.println("| events/s offered | events/s handed over | dispatch thread busy | dispatch CPU per event | p50 | p99 | p99.9 | max |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int rate : rates) {
      run(rate, rate * 5, true);
    }
  }

  private static void run(int rate, int count, boolean print) throws Exception {
    long[] sent = new long[count];
    long[] received = new long[count];
    AtomicInteger got = new AtomicInteger();
    try (AmiReplayServer server = new AmiReplayServer(List.of(), null)) {
      AmiServer s = new AmiServer("bench", "127.0.0.1", server.port(), "acd", () -> "x", "bench", false);
      AmiSettings settings = new AmiSettings(List.of(s), Duration.ofSeconds(30), Duration.ofSeconds(30),
          Duration.ofMillis(50), Duration.ofSeconds(1), 0, Duration.ZERO, Dialplan.DEFAULT);
      AmiTelephony ami = new AmiTelephony(settings, null);
      ami.start(input -> {
        if (input instanceof CallArrived a) {
          int i = Integer.parseInt(a.call().value());
          received[i] = System.nanoTime();
          got.incrementAndGet();
        }
      });
      while (ami.status().get(0).state() != AmiStatus.State.CONNECTED) {
        Thread.sleep(5);
      }
      Thread dispatch = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.isAlive() && t.getName().endsWith(":AsyncEventPump")) // runs every listener, ours included
          .max(java.util.Comparator.comparingLong(Thread::threadId)).orElse(null); // this run's connection, the newest
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long cpu0 = dispatch == null ? 0 : mx.getThreadCpuTime(dispatch.threadId());
      long start = System.nanoTime();
      long interval = 1_000_000_000L / rate;
      for (int i = 0; i < count; i++) {
        long due = start + i * interval;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          if (wait > 50_000) {
            LockSupport.parkNanos(wait - 20_000);
          } else {
            Thread.onSpinWait();
          }
        }
        sent[i] = due;
        server.send("Event: UserEvent\r\nPrivilege: user,all\r\nChannel: PJSIP/caller-" + i + "\r\nCallerIDNum: 5550001\r\n"
            + "Context: acd-enqueue\r\nExten: s\r\nPriority: 3\r\nUniqueid: " + i + "\r\nLinkedid: " + i
            + "\r\nUserEvent: AcdEnqueue\r\nAcdLine: general\r\n\r\n");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (got.get() < count && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      long elapsed = System.nanoTime() - start;
      long cpu1 = dispatch == null ? 0 : mx.getThreadCpuTime(dispatch.threadId());
      ami.close();
      if (!print) {
        return;
      }
      long[] lat = new long[count];
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (received[i] != 0) {
          lat[n++] = received[i] - sent[i];
        }
      }
      Arrays.sort(lat, 0, n);
      System.out.printf("| %,d | %,.0f | %s | %s | %.0f µs | %.0f µs | %.0f µs | %.1f ms |%n", rate, n * 1e9 / elapsed,
          dispatch == null ? "n/a" : String.format("%.1f %%", 100.0 * (cpu1 - cpu0) / elapsed),
          dispatch == null ? "n/a" : String.format("%.1f µs", (cpu1 - cpu0) / 1e3 / n),
          lat[n / 2] / 1e3, lat[(int) (n * 0.99)] / 1e3, lat[(int) (n * 0.999)] / 1e3, lat[n - 1] / 1e6);
    }
  }
}
