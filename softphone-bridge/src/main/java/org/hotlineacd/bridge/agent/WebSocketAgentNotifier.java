package org.hotlineacd.bridge.agent;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import com.github.benmanes.caffeine.cache.Ticker;
import org.hotlineacd.bridge.server.BridgeSettings;
import org.hotlineacd.bridge.server.WebSocketEndpoint;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.output.AgentNotice;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.port.AgentDirectory;
import org.hotlineacd.cti.port.AgentNotifier;
import org.hotlineacd.cti.port.CallerHistory;
import org.hotlineacd.cti.port.DeskPhone;
import org.hotlineacd.cti.port.InputSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent desktops over WebSocket: the engine's {@link AgentNotifier} on one side, the
 * {@code /ws/agent} endpoint on the other, and between them one {@link Desk} per agent with its
 * latest state and its live session.
 *
 * <p>Threading: {@link #notify} runs on the engine thread; it records the notice in the agent's
 * desk and queues it in the {@link Outbox} of the session's event loop, never waiting: one task per
 * event loop carries all the notices that arrive before it runs, and each connection is flushed
 * once per task. Sessions run on their event loops
 * and reach the engine only through the {@link InputSink}. Secrets are checked on the
 * {@code blocking} executor (PBKDF2 is slow on purpose).
 *
 * <p>Failure handling: a desktop that goes away leaves its agent and its call alone; after the
 * reconnect grace the agent is put not-ready (at once when ready, after the call when on a call
 * or in wrap-up, as soon as the ring ends when ringing) so no more calls ring for it.
 */
public final class WebSocketAgentNotifier implements AgentNotifier, WebSocketEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketAgentNotifier.class);

  final BridgeSettings.Sessions settings;
  final InputSink sink;
  final LongSupplier engineNanos;
  final AgentDirectory directory;
  final DeskPhone phone;
  final CachedCallerHistory history;
  final Executor blocking;
  final SessionTokens tokens;
  private final ConcurrentHashMap<AgentId, Desk> desks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EventLoop, Outbox> outboxes = new ConcurrentHashMap<>();
  private final AtomicLong requestIds = new AtomicLong();

  /**
   * Desktops for the engine behind {@code sink}.
   *
   * @param engineNanos the engine's clock (epoch nanoseconds), for the desktop's timers
   * @param blocking runs secret checks and (here) caller-history loads
   */
  public WebSocketAgentNotifier(BridgeSettings.Sessions settings, InputSink sink, LongSupplier engineNanos,
      AgentDirectory directory, DeskPhone phone, CallerHistory callerHistory, Executor blocking) {
    this(settings, sink, engineNanos, directory, phone, callerHistory, blocking, ConcurrentStatsCounter::new);
  }

  /**
   * As above, with the caller-history cache's statistics recorded into {@code historyStats} (a
   * Micrometer {@code CaffeineStatsCounter}, so they appear on {@code /metrics}).
   */
  public WebSocketAgentNotifier(BridgeSettings.Sessions settings, InputSink sink, LongSupplier engineNanos,
      AgentDirectory directory, DeskPhone phone, CallerHistory callerHistory, Executor blocking,
      Supplier<? extends StatsCounter> historyStats) {
    this(settings, sink, engineNanos, directory, phone, callerHistory, blocking, blocking, historyStats);
  }

  /**
   * As above, with caller-history loads on their own {@code historyLoads} executor, so that a burst
   * of logins (secret checks on {@code blocking}) does not delay screen pops.
   */
  public WebSocketAgentNotifier(BridgeSettings.Sessions settings, InputSink sink, LongSupplier engineNanos,
      AgentDirectory directory, DeskPhone phone, CallerHistory callerHistory, Executor blocking,
      Executor historyLoads, Supplier<? extends StatsCounter> historyStats) {
    this.settings = settings;
    this.sink = sink;
    this.engineNanos = engineNanos;
    this.directory = directory;
    this.phone = phone;
    this.blocking = blocking;
    this.history = new CachedCallerHistory(callerHistory, historyLoads, Ticker.systemTicker(), Clock.systemUTC(),
        Duration.ofDays(30), Duration.ofMinutes(1), 10_000, historyStats);
    this.tokens = new SessionTokens(settings.tokenLifetime().toNanos(), System::nanoTime);
  }

  // ---- the engine side ----

  @Override
  public void notify(AgentNotice notice) {
    Desk d = desk(notice.agent());
    d.view = d.view.on(notice);
    if (notice instanceof AgentStateChanged s) {
      if (s.state() == AgentState.LOGGED_OUT) {
        tokens.revoke(d.id);
        d.away = false;
      } else if ((s.state() == AgentState.READY || s.state() == AgentState.ON_CALL) && d.away && d.session == null) {
        putNotReady(d, s.state().label() + " with no desktop"); // on a call it applies after wrap-up
      }
    }
    AgentSession session = d.session;
    if (session != null) {
      session.deliver(notice);
    }
  }

  // ---- the WebSocket side ----

  @Override
  public int maxFrameBytes() {
    return settings.maxFrameBytes();
  }

  @Override
  public void initialize(ChannelPipeline p) {
    p.addLast("heartbeat", new IdleStateHandler(settings.heartbeatTimeout().toMillis(),
        settings.heartbeat().toMillis(), 0, TimeUnit.MILLISECONDS));
    p.addLast("ws-aggregator", new WebSocketFrameAggregator(settings.maxFrameBytes()));
    p.addLast("agent-session", new AgentSession(this));
  }

  Desk desk(AgentId id) {
    Desk d = desks.get(id);
    return d != null ? d : desks.computeIfAbsent(id, Desk::new);
  }

  /** The outbox of {@code loop} (one per event loop, made on first use). */
  Outbox outbox(EventLoop loop) {
    Outbox o = outboxes.get(loop);
    return o != null ? o : outboxes.computeIfAbsent(loop, Outbox::new);
  }

  long nextRequestId() {
    return requestIds.incrementAndGet();
  }

  void submit(AgentRequest request) {
    sink.submit(request);
  }

  /** Binds {@code session} to its agent's desk; false when another session holds it and may keep it. */
  boolean attach(Desk d, AgentSession session) {
    AgentSession old;
    synchronized (d) {
      old = d.session;
      if (old != null && old != session && !settings.takeover()) {
        return false;
      }
      d.session = session;
      d.away = false;
      if (d.grace != null) {
        d.grace.cancel(false);
        d.grace = null;
      }
    }
    if (old != null && old != session) {
      LOG.info("agent {}: a new desktop took the session over", d.id);
      old.takenOver();
    }
    return true;
  }

  /** Unbinds {@code session}; unless the agent logged out, the reconnect grace starts. */
  void detach(Desk d, AgentSession session, boolean loggedOut, EventLoop loop) {
    synchronized (d) {
      if (d.session != session) {
        return;
      }
      d.session = null;
      if (loggedOut || d.view.state() == AgentState.LOGGED_OUT || settings.disconnectReason() == null) {
        return;
      }
      LOG.info("agent {}: desktop disconnected; {} to reconnect", d.id, settings.reconnectGrace());
      d.grace = loop.schedule(() -> graceOver(d), settings.reconnectGrace().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void graceOver(Desk d) {
    synchronized (d) {
      if (d.session != null) {
        return;
      }
      d.grace = null;
      d.away = true;
    }
    AgentState state = d.view.state();
    if (state == AgentState.READY || state == AgentState.ON_CALL || state == AgentState.WRAP_UP) {
      putNotReady(d, "desktop did not come back (" + state.label() + ")");
    }
  }

  private void putNotReady(Desk d, String why) {
    LOG.info("agent {}: not-ready ({}): {}", d.id, settings.disconnectReason(), why);
    sink.submit(new AgentNotReady(nextRequestId(), d.id, settings.disconnectReason()));
  }

  /** The agent a live token belongs to. */
  Optional<AgentId> tokenAgent(String token) {
    return tokens.resolve(token);
  }
}
