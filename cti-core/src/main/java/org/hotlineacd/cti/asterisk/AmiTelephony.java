package org.hotlineacd.cti.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.InputSink;
import org.hotlineacd.cti.port.Telephony;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Telephony} port on real Asterisk servers, over AMI with Asterisk-Java: one {@code
 * ServerLink} per server, each with its own connection and thread. Calls are identified by the
 * caller channel's {@code Uniqueid}, prefixed with {@code name/} when several servers are
 * configured; commands go to the server whose prefix the call id has.
 *
 * <p>Threading: {@link #execute} is called on the engine thread and only hands the command to the
 * server's thread. {@link #status()} is safe from any thread (health checks, metrics).
 */
public final class AmiTelephony implements Telephony {
  private static final Logger LOG = LoggerFactory.getLogger(AmiTelephony.class);

  private final AmiSettings settings;
  private final Set<String> endpoints;
  private final LongSupplier wallNanos;
  private final List<ServerLink> links = new ArrayList<>();
  private final List<ScheduledExecutorService> executors = new ArrayList<>();

  /**
   * An adapter for these servers.
   *
   * @param endpoints the agent phone endpoints ({@code PJSIP/1001}) whose reachability matters, or
   *     null for every device Asterisk reports
   */
  public AmiTelephony(AmiSettings settings, Set<String> endpoints) {
    this(settings, endpoints, () -> System.currentTimeMillis() * 1_000_000L);
  }

  /** As above, with the wall clock injected (epoch nanoseconds, for the waiting time of callers found on resync). */
  public AmiTelephony(AmiSettings settings, Set<String> endpoints, LongSupplier wallNanos) {
    if (settings.servers().isEmpty()) {
      throw new IllegalArgumentException("no Asterisk server configured");
    }
    this.settings = settings;
    this.endpoints = endpoints == null ? null : Set.copyOf(endpoints);
    this.wallNanos = wallNanos;
  }

  @Override
  public void start(InputSink sink) {
    for (AmiServer server : settings.servers()) {
      ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ami-" + server.name());
        t.setDaemon(true);
        return t;
      });
      executors.add(exec);
      ServerLink link = new ServerLink(server, settings, sink, endpoints, exec, AmiTelephony::connection, wallNanos, System::nanoTime,
          () -> ThreadLocalRandom.current().nextDouble());
      links.add(link);
      link.start();
    }
  }

  @Override
  public void execute(TelephonyCommand command) {
    for (ServerLink link : links) {
      if (link.translator.owns(command.call())) {
        link.execute(command);
        return;
      }
    }
    LOG.warn("{} names call {} on no configured Asterisk server; dropped", command.getClass().getSimpleName(), command.call());
  }

  /** Each server's connection state, for health checks and metrics. */
  public List<AmiStatus> status() {
    List<AmiStatus> out = new ArrayList<>();
    for (ServerLink link : links) {
      out.add(link.status());
    }
    return out;
  }

  @Override
  public void close() {
    for (ServerLink link : links) {
      link.stop();
    }
    for (ScheduledExecutorService exec : executors) {
      exec.shutdownNow();
      try {
        exec.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static ManagerConnection connection(AmiServer server, String secret, long responseTimeoutMillis) {
    ManagerConnectionImpl c = new ManagerConnectionImpl();
    c.setHostname(server.host());
    c.setPort(server.port());
    c.setUsername(server.username());
    c.setPassword(secret);
    c.setSsl(server.tls());
    c.setSocketTimeout(5000);
    c.setDefaultResponseTimeout(Math.max(1000, responseTimeoutMillis));
    c.setKeepAliveAfterAuthenticationFailure(false);
    c.registerUserEventClass(AcdEnqueueEvent.class);
    return c;
  }
}
