package org.hotlineacd.cti.asterisk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.action.StopMixMonitorAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.ChannelPresent;
import org.hotlineacd.cti.input.PbxResyncStarted;
import org.hotlineacd.cti.input.PbxResynced;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.CancelConsult;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.CompleteTransfer;
import org.hotlineacd.cti.output.ConnectCall;
import org.hotlineacd.cti.output.ConsultCall;
import org.hotlineacd.cti.output.HangUpCall;
import org.hotlineacd.cti.output.HoldCall;
import org.hotlineacd.cti.output.ParkCall;
import org.hotlineacd.cti.output.Recording;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.RouteCall;
import org.hotlineacd.cti.output.TelephonyCommand;
import org.hotlineacd.cti.port.InputSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One Asterisk server: its AMI connection's life cycle, the commands sent to it and the
 * resynchronisation after every (re)connect.
 *
 * <p>Threading: the server has one thread of its own ({@code exec}) that connects, logs in, sends
 * every action, pings and waits out reconnect delays; the engine thread only hands commands to it.
 * Asterisk-Java's dispatch thread calls {@link #onEvent}, which translates and returns at once.
 * Each connection attempt has a generation number; events from an older connection are ignored.
 *
 * <p>Failure handling: a lost connection (EOF, a ping unanswered within the timeout, Asterisk's
 * {@code Shutdown}) tells the engine to stop routing this server's calls and reconnects with
 * doubling, jittered delays; a refused login is retried at the longest delay and shown as
 * {@code LOGIN_FAILED}. After every login the channels that exist are read ({@code
 * CoreShowChannels}, {@code DeviceStateList}) and the engine is told what exists; the same runs
 * periodically while connected, and on {@code FullyBooted} (Asterisk restarted under us).
 */
final class ServerLink {
  private static final Logger LOG = LoggerFactory.getLogger(ServerLink.class);

  /** Makes a (not yet logged-in) connection; tests and benchmarks use the real one on loopback. */
  interface Connector {
    ManagerConnection create(AmiServer server, String secret, long responseTimeoutMillis);
  }

  private final AmiServer server;
  private final AmiSettings settings;
  private final String scope;
  private final InputSink sink;
  private final ScheduledExecutorService exec;
  private final Connector connector;
  private final LongSupplier wallNanos;
  /** The monotonic clock pings are timed with ({@code System::nanoTime}; virtual in tests). */
  private final LongSupplier monoNanos;
  private final Backoff backoff;
  final EventTranslator translator;
  private final String legPrefix;

  private volatile ManagerConnection connection;
  private volatile int generation;
  private volatile boolean stopped;
  private volatile AmiStatus.State state = AmiStatus.State.STOPPED;
  private volatile long sinceMillis = System.currentTimeMillis();
  private volatile String lastProblem = "";
  private int attempt;
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong drift = new AtomicLong();
  private final AtomicLong resyncSeq = new AtomicLong();
  private volatile long pingSentNanos;
  private volatile long pongNanos;
  /** The resync being collected (dispatch thread only, published by volatile write). */
  private volatile Collection collecting;
  private volatile boolean resyncAgain;
  private volatile long markSeq;

  private static final class Collection {
    final String actionId;
    /** Notes newer than the engine's mark ({@code PbxResyncStarted}) are not judged by this resync. */
    final long startSeq;
    final Map<String, CoreShowChannelEvent> channels = new HashMap<>();

    Collection(String actionId, long startSeq) {
      this.actionId = actionId;
      this.startSeq = startSeq;
    }
  }

  ServerLink(AmiServer server, AmiSettings settings, InputSink sink, Set<String> endpoints,
      ScheduledExecutorService exec, Connector connector, LongSupplier wallNanos, LongSupplier monoNanos,
      DoubleSupplier random) {
    this.monoNanos = monoNanos;
    this.server = server;
    this.settings = settings;
    this.scope = settings.prefixCallIds() ? server.name() + "/" : "";
    this.sink = sink;
    this.exec = exec;
    this.connector = connector;
    this.wallNanos = wallNanos;
    this.backoff = new Backoff(settings.reconnectInitial(), settings.reconnectMax(), settings.reconnectJitter(), random);
    this.translator = new EventTranslator(scope, settings.dialplan(), sink, endpoints);
    this.legPrefix = "acd-" + Long.toString(wallNanos.getAsLong() / 1_000_000L, 36) + "-";
  }

  String scope() {
    return scope;
  }

  AmiStatus status() {
    return new AmiStatus(server.name(), state, sinceMillis, connects.get(), failures.get(), events.get(),
        drift.get(), lastProblem);
  }

  /** Starts connecting; the engine is told at once that nothing about this server is confirmed. */
  void start() {
    mark(true);
    exec.execute(this::connect);
    long ping = settings.pingInterval().toNanos();
    exec.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.NANOSECONDS);
    long reconcile = settings.reconcileEvery().toNanos();
    if (reconcile > 0) {
      exec.scheduleWithFixedDelay(this::reconcile, reconcile, reconcile, TimeUnit.NANOSECONDS);
    }
  }

  void stop() {
    stopped = true;
    setState(AmiStatus.State.STOPPED, "");
    ManagerConnection c = connection;
    connection = null;
    if (c != null) {
      closeQuietly(c);
    }
  }

  // ---- connection life cycle (exec thread) --------------------------------------------------

  private void connect() {
    if (stopped) {
      return;
    }
    int gen = ++generation;
    setState(AmiStatus.State.CONNECTING, "");
    String secret;
    try {
      secret = server.secret().get();
    } catch (RuntimeException e) {
      failed(gen, AmiStatus.State.LOGIN_FAILED, "cannot read the AMI secret from " + server.secretSource() + ": " + e.getMessage());
      return;
    }
    ManagerConnection c = connector.create(server, secret, settings.pingTimeout().toMillis());
    c.addEventListener(event -> onEvent(gen, event));
    connection = c;
    try {
      c.login();
    } catch (AuthenticationFailedException e) {
      closeQuietly(c);
      failed(gen, AmiStatus.State.LOGIN_FAILED, "login refused for user '" + server.username() + "' (check the secret from "
          + server.secretSource() + ", the permit ACL and the read/write classes in manager.conf)");
      return;
    } catch (Exception e) {
      closeQuietly(c);
      failed(gen, AmiStatus.State.RECONNECTING, "cannot connect: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
      return;
    }
    if (gen != generation || stopped) {
      closeQuietly(c);
      return;
    }
    attempt = 0;
    connects.incrementAndGet();
    pongNanos = monoNanos.getAsLong();
    pingSentNanos = 0;
    setState(AmiStatus.State.RESYNCING, "");
    LOG.info("AMI {}: logged in (Asterisk {}); reading the channels that exist", server, c.getVersion());
    resync(c);
  }

  private void failed(int gen, AmiStatus.State newState, String problem) {
    if (gen != generation || stopped) {
      return;
    }
    failures.incrementAndGet();
    setState(newState, problem);
    long delay = newState == AmiStatus.State.LOGIN_FAILED ? settings.reconnectMax().toNanos() : backoff.delayNanos(attempt++);
    LOG.warn("AMI {}: {}; next attempt in {} ms", server, problem, TimeUnit.NANOSECONDS.toMillis(delay));
    exec.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
  }

  /** The connection {@code gen} is gone (EOF, dead ping, shutdown): stop routing, reconnect. */
  private void lost(int gen, String why) {
    exec.execute(() -> {
      if (gen != generation || stopped || state == AmiStatus.State.RECONNECTING) {
        return;
      }
      ManagerConnection c = connection;
      connection = null;
      generation++;
      collecting = null;
      mark(true);
      if (c != null) {
        closeQuietly(c);
      }
      setState(AmiStatus.State.RECONNECTING, why);
      long delay = backoff.delayNanos(attempt++);
      LOG.warn("AMI {}: connection lost ({}); routing its calls is suspended; reconnecting in {} ms", server, why,
          TimeUnit.NANOSECONDS.toMillis(delay));
      exec.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
    });
  }

  private void ping() {
    ManagerConnection c = connection;
    if (c == null || (state != AmiStatus.State.CONNECTED && state != AmiStatus.State.RESYNCING)) {
      return;
    }
    int gen = generation;
    long sent = monoNanos.getAsLong();
    if (pingSentNanos != 0 && pongNanos < pingSentNanos) {
      return; // one outstanding ping at a time; its own timeout check decides
    }
    pingSentNanos = sent;
    send(c, new PingAction(), "ping", r -> {
      if (!notSent(r)) { // a ping that never left proves nothing: let the timeout decide
        pongNanos = monoNanos.getAsLong();
      }
    });
    exec.schedule(() -> {
      if (gen == generation && pongNanos < sent) {
        lost(gen, "no answer to Ping within " + settings.pingTimeout().toMillis() + " ms");
      }
    }, settings.pingTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void reconcile() {
    ManagerConnection c = connection;
    if (c != null && state == AmiStatus.State.CONNECTED && collecting == null) {
      mark(false);
      resync(c);
    }
  }

  /** Asks for the channels and devices that exist; {@link #finishResync} runs when the list is complete. */
  private void resync(ManagerConnection c) {
    String id = "resync-" + resyncSeq.incrementAndGet();
    collecting = new Collection(id, markSeq);
    CoreShowChannelsAction list = new CoreShowChannelsAction();
    list.setActionId(id);
    send(c, list, "CoreShowChannels", r -> {
      if (r instanceof ManagerError) {
        LOG.warn("AMI {}: CoreShowChannels refused ({}); check the 'reporting' read class", server, r.getMessage());
      }
    });
    send(c, new Actions.DeviceStateList(), "DeviceStateList", r -> { });
  }

  /** Tells the engine a resync starts; the adapter judges its own notes from the same instant. */
  private void mark(boolean suspend) {
    markSeq = Tracks.SEQ.incrementAndGet();
    sink.submit(new PbxResyncStarted(scope, suspend));
  }

  // ---- events (dispatch thread) -------------------------------------------------------------

  void onEvent(int gen, ManagerEvent event) {
    if (gen != generation) {
      return;
    }
    events.incrementAndGet();
    if (LOG.isDebugEnabled()) {
      LOG.debug("AMI {} event {}", server.name(), event);
    }
    switch (event) {
      case DisconnectEvent e -> lost(gen, "disconnected");
      case ShutdownEvent e -> LOG.warn("AMI {}: Asterisk is shutting down ({})", server, e.getShutdown());
      case FullyBootedEvent e -> {
        if (state == AmiStatus.State.CONNECTED) {
          LOG.info("AMI {}: FullyBooted while connected (Asterisk restarted); resynchronising", server);
          ManagerConnection c = connection;
          if (c != null && collecting == null) {
            mark(false);
            exec.execute(() -> resync(c));
          } else {
            resyncAgain = true;
          }
        }
      }
      case CoreShowChannelEvent e -> {
        Collection col = collecting;
        if (col != null && col.actionId.equals(e.getActionId()) && e.getUniqueid() != null) {
          col.channels.put(e.getUniqueid(), e);
        }
      }
      case CoreShowChannelsCompleteEvent e -> {
        Collection col = collecting;
        if (col != null && col.actionId.equals(e.getActionId())) {
          collecting = null;
          finishResync(col);
        }
      }
      case HangupEvent e -> {
        Collection col = collecting;
        if (col != null && e.getUniqueId() != null) {
          col.channels.remove(e.getUniqueId());
        }
        String other = heldPartner(e.getUniqueId());
        translator.onEvent(event);
        if (other != null) {
          // held (HoldCall): the legs are apart, so Asterisk does not end the other one; we do
          ManagerConnection c = connection;
          if (c != null) {
            exec.execute(() -> hangup(c, other, "held-" + e.getUniqueId()));
          }
        }
      }
      default -> translator.onEvent(event);
    }
  }

  /** The channel to hang up when {@code uid}, one leg of a call held by {@code HoldCall}, hangs up; else null. */
  private String heldPartner(String uid) {
    if (uid == null) {
      return null;
    }
    Tracks.Caller caller = translator.callers.get(uid);
    if (caller != null) {
      Tracks.Leg leg = caller.leg;
      return caller.held && caller.heldApart && leg != null ? leg.address() : null;
    }
    Tracks.Leg leg = translator.legsByUid.get(uid);
    if (leg != null && leg.state() == Tracks.Leg.State.ANSWERED) {
      Tracks.Caller of = translator.callers.get(translator.uniqueId(leg.call));
      return of != null && of.held && of.heldApart ? of.channel : null;
    }
    return null;
  }

  private void finishResync(Collection col) {
    long now = wallNanos.getAsLong();
    String hold = settings.dialplan().waitApplication();
    List<ChannelPresent> present = new ArrayList<>();
    for (CoreShowChannelEvent ch : col.channels.values()) {
      String uid = ch.getUniqueid();
      if (translator.legsByUid.containsKey(uid) || settings.dialplan().agentContext().equals(ch.getContext())
          || (settings.dialplan().holdContext().equals(ch.getContext()) && "agent".equals(ch.getExten()))) {
        continue; // an agent leg, not a caller
      }
      // waiting: in the holding application, or hearing its position; not: held by the agent (acd-held)
      String ctx = String.valueOf(ch.getContext());
      boolean waiting = (hold.equalsIgnoreCase(ch.getApplication()) && !ctx.equals(settings.dialplan().holdContext()))
          || ctx.equals(settings.dialplan().announceContext());
      String line = waiting ? lineOf(ch) : null;
      long since = now - seconds(ch.getDuration()) * 1_000_000_000L;
      present.add(new ChannelPresent(translator.callId(uid), waiting, line, ch.getCallerIdNum(), Map.of(), since));
      Tracks.Caller known = translator.callers.get(uid);
      if (known == null && waiting) {
        translator.callers.putIfAbsent(uid, new Tracks.Caller(translator.callId(uid), uid, ch.getChannel()));
      }
    }
    for (Tracks.Caller c : translator.callers.values()) {
      if (c.seq < col.startSeq && !col.channels.containsKey(c.uniqueId)) {
        translator.callers.remove(c.uniqueId, c);
        drift.incrementAndGet();
      }
    }
    present.sort((a, b) -> a.call().compareTo(b.call()));
    sink.submit(new PbxResynced(scope, present));
    for (Tracks.Leg leg : translator.legsByUid.values()) {
      CoreShowChannelEvent ch = col.channels.get(leg.uniqueId);
      if (leg.seq > col.startSeq) {
        continue; // rung after the list was asked for
      }
      if (ch == null) {
        translator.legsByUid.remove(leg.uniqueId, leg);
        if (leg.end() == Tracks.Leg.State.ANSWERED) {
          drift.incrementAndGet();
          LOG.warn("resync: agent leg of call {} ({}) is gone; the agent hung up while we were away", leg.call, leg.agent);
          sink.submit(new AgentHungUp(leg.call, leg.agent));
        }
      } else if ("Up".equalsIgnoreCase(ch.getChannelStateDesc()) && leg.answer()) {
        leg.channel = ch.getChannel();
        drift.incrementAndGet();
        LOG.warn("resync: agent {} answered call {} while we were away", leg.agent, leg.call);
        sink.submit(new AgentLegAnswered(leg.call, leg.agent));
      }
    }
    setState(AmiStatus.State.CONNECTED, "");
    LOG.info("AMI {}: in step ({} channels, {} callers); routing", server, col.channels.size(), present.size());
    if (resyncAgain) {
      resyncAgain = false;
      reconcile();
    }
  }

  private String lineOf(CoreShowChannelEvent ch) {
    Map<String, String> vars = ch.getChannelVariables();
    if (vars != null) {
      String line = vars.get("ACD_LINE");
      if (line == null) {
        line = vars.get("ACD_QUEUE");
      }
      if (line != null && !line.isBlank()) {
        return line;
      }
    }
    return ch.getExtension() != null ? ch.getExtension() : ch.getExten();
  }

  static long seconds(String duration) {
    if (duration == null) {
      return 0;
    }
    long total = 0;
    for (String part : duration.split(":")) {
      try {
        total = total * 60 + Long.parseLong(part.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return total;
  }

  // ---- commands (engine thread hands them over; exec thread sends) -------------------------

  void execute(TelephonyCommand command) {
    exec.execute(() -> {
      ManagerConnection c = connection;
      if (c == null || (state != AmiStatus.State.CONNECTED && state != AmiStatus.State.RESYNCING)) {
        LOG.warn("AMI {}: not connected; {} not sent (the resync after reconnecting corrects the engine)", server.name(),
            command.getClass().getSimpleName());
        return;
      }
      MDC.put("call", command.call().value());
      try {
        carryOut(c, command);
      } finally {
        MDC.remove("call");
      }
    });
  }

  private void carryOut(ManagerConnection c, TelephonyCommand command) {
    String id = Long.toString(command.commandId());
    switch (command) {
      case RingAgent r -> ring(c, r, id);
      case ConnectCall cc -> {
        Tracks.Caller caller = caller(cc.call());
        Tracks.Leg leg = caller == null ? null : caller.leg;
        if (leg == null) {
          LOG.warn("ConnectCall for {}: no answered agent leg known", cc.call());
          return;
        }
        BridgeAction b = new BridgeAction(AmiText.clean(caller.channel), AmiText.clean(leg.address()), false);
        b.setActionId(id);
        send(c, b, "Bridge", r -> { });
      }
      case CancelRing cr -> {
        Tracks.Caller caller = translator.callers.get(translator.uniqueId(cr.call()));
        Tracks.Leg leg = caller == null ? findLeg(cr.call()) : caller.leg;
        if (leg != null && leg.end() != Tracks.Leg.State.ENDED) {
          translator.legsByUid.remove(leg.uniqueId, leg);
          hangup(c, leg.address(), id);
        }
      }
      case HangUpCall h -> {
        Tracks.Caller caller = caller(h.call());
        hangup(c, caller == null ? translator.uniqueId(h.call()) : caller.channel, id);
      }
      case RouteCall r -> {
        Tracks.Caller caller = caller(r.call());
        String target = caller == null ? translator.uniqueId(r.call()) : caller.channel;
        if (caller != null) {
          caller.left = true;
          endLeg(caller);
        }
        if (!r.dialString().isEmpty()) {
          setVar(c, target, settings.dialplan().dialVariable(), r.dialString(), id + "-var");
        }
        redirect(c, target, settings.dialplan().routeContext(), r.kind(), id);
      }
      case ParkCall p -> {
        Tracks.Caller caller = caller(p.call());
        if (caller != null) {
          endLeg(caller);
          redirect(c, caller.channel, settings.dialplan().parkContext(), "s", id);
        }
      }
      case ConsultCall cc -> {
        Tracks.Leg leg = answeredLeg(cc.call());
        if (leg != null) {
          setVar(c, leg.address(), "__" + settings.dialplan().dialVariable(), cc.dialString(), id + "-var");
          AtxferAction a = new AtxferAction(AmiText.clean(leg.address()), AmiText.clean(settings.dialplan().consultContext()),
              "external", 1);
          a.setActionId(id);
          send(c, a, "Atxfer", r -> { });
        }
      }
      case CompleteTransfer ct -> {
        Tracks.Caller caller = caller(ct.call());
        Tracks.Leg leg = caller == null ? null : caller.leg;
        if (caller != null) {
          caller.left = true;
        }
        if (leg != null) {
          leg.end();
          hangup(c, leg.address(), id);
        }
      }
      case CancelConsult cc -> {
        Tracks.Leg leg = answeredLeg(cc.call());
        if (leg != null) {
          Actions.CancelAtxfer a = new Actions.CancelAtxfer(leg.address());
          a.setActionId(id);
          send(c, a, "CancelAtxfer", r -> { });
        }
      }
      case Recording r -> {
        Tracks.Caller caller = caller(r.call());
        if (caller == null) {
          return;
        }
        if (r.start()) {
          MixMonitorAction m = new MixMonitorAction(AmiText.clean(caller.channel), AmiText.clean(
              settings.dialplan().recordingDirectory() + "/" + r.fileName() + "." + settings.dialplan().recordingFormat()), "b");
          m.setActionId(id);
          send(c, m, "MixMonitor", x -> { });
        } else {
          StopMixMonitorAction s = new StopMixMonitorAction(AmiText.clean(caller.channel));
          s.setActionId(id);
          send(c, s, "StopMixMonitor", x -> { });
        }
      }
      case HoldCall h -> hold(c, h, id);
      case AnnouncePosition a -> announce(c, a, id);
    }
  }

  /**
   * AMI has no hold action. Hold: one {@code Redirect} takes both legs out of the bridge, the caller
   * to {@code holdContext,caller} (music on hold) and the agent leg to {@code holdContext,agent}
   * (it waits, so it is not hung up by its next priority); unhold: {@code Bridge} them again. Asterisk
   * sends no {@code Hold} event for this, so the adapter confirms it to the engine when the action
   * succeeds. A hold from the phone (07) is followed through its own Hold/Unhold events instead.
   */
  private void hold(ManagerConnection c, HoldCall h, String id) {
    Tracks.Caller caller = caller(h.call());
    Tracks.Leg leg = caller == null ? null : caller.leg;
    if (leg == null || leg.state() != Tracks.Leg.State.ANSWERED) {
      LOG.warn("HoldCall for {}: no connected agent leg known; not held", h.call());
      return;
    }
    if (h.hold()) {
      String ctx = AmiText.clean(settings.dialplan().holdContext());
      RedirectAction r = new RedirectAction(AmiText.clean(caller.channel), AmiText.clean(leg.address()), ctx, "caller", 1,
          ctx, "agent", 1);
      r.setActionId(id);
      send(c, r, "Redirect (hold)", resp -> confirmHold(caller, resp, true));
    } else {
      BridgeAction b = new BridgeAction(AmiText.clean(caller.channel), AmiText.clean(leg.address()), false);
      b.setActionId(id);
      send(c, b, "Bridge (unhold)", resp -> confirmHold(caller, resp, false));
    }
  }

  private void confirmHold(Tracks.Caller caller, org.asteriskjava.manager.response.ManagerResponse resp, boolean held) {
    if (resp instanceof ManagerError || caller.left || caller.held == held) {
      return;
    }
    caller.held = held;
    caller.heldApart = held;
    sink.submit(held ? new org.hotlineacd.cti.input.CallHeld(caller.call) : new org.hotlineacd.cti.input.CallUnheld(caller.call));
  }

  /**
   * Plays a waiting caller its position and expected wait: {@code Setvar} {@code ACD_POSITION} and
   * {@code ACD_WAIT_MIN}, then {@code Redirect} to {@code announceContext,s,1}, which says them and
   * goes back to the music in {@code parkContext} (no second AcdEnqueue). Only callers in the holding
   * application are sent: a caller ringing an agent keeps its music until the Bridge.
   */
  private void announce(ManagerConnection c, AnnouncePosition a, String id) {
    Tracks.Caller caller = caller(a.call());
    if (caller == null || caller.left || caller.leg != null) {
      return;
    }
    long minutes = (a.estimatedWaitNanos() + 59_999_999_999L) / 60_000_000_000L;
    setVar(c, caller.channel, "ACD_POSITION", Integer.toString(a.position()), id + "-pos");
    setVar(c, caller.channel, "ACD_WAIT_MIN", Long.toString(Math.max(0, minutes)), id + "-wait");
    redirect(c, caller.channel, settings.dialplan().announceContext(), "s", id);
  }

  private void ring(ManagerConnection c, RingAgent r, String id) {
    Tracks.Caller caller = caller(r.call());
    String channelId = legPrefix + id;
    Tracks.Leg leg = new Tracks.Leg(r.call(), r.agent(), channelId);
    translator.legsByUid.put(channelId, leg);
    translator.legsByAction.put(id, leg);
    if (caller != null) {
      caller.leg = leg;
    }
    OriginateAction o = new OriginateAction();
    o.setActionId(id);
    o.setChannel(AmiText.clean(r.endpoint()));
    o.setContext(AmiText.clean(settings.dialplan().agentContext()));
    o.setExten("s");
    o.setPriority(1);
    o.setTimeout(Math.max(1000L, r.ringTimeoutNanos() / 1_000_000L));
    o.setAsync(true);
    o.setChannelId(channelId);
    o.setCallerId(AmiText.clean("\"" + settings.dialplan().originateCallerName().replace("\"", "") + "\" <"
        + r.callerNumber().replaceAll("[<>\"]", "") + ">"));
    Map<String, String> vars = new HashMap<>();
    vars.put("ACD_CALL", AmiText.clean(translator.uniqueId(r.call())));
    o.setVariables(vars);
    send(c, o, "Originate", resp -> {
      if (resp instanceof ManagerError) {
        Tracks.Leg l = translator.legsByAction.remove(id);
        if (l != null) {
          translator.legsByUid.remove(l.uniqueId, l);
          if (l.end() == Tracks.Leg.State.RINGING) {
            sink.submit(new org.hotlineacd.cti.input.AgentLegFailed(l.call, l.agent,
                org.hotlineacd.cti.model.LegFailure.FAILED, 0));
          }
        }
      }
    });
  }

  private Tracks.Caller caller(CallId call) {
    Tracks.Caller caller = translator.callers.get(translator.uniqueId(call));
    if (caller == null) {
      LOG.warn("no caller channel known for call {}", call);
    }
    return caller;
  }

  private Tracks.Leg findLeg(CallId call) {
    for (Tracks.Leg l : translator.legsByUid.values()) {
      if (l.call.equals(call)) {
        return l;
      }
    }
    return null;
  }

  private Tracks.Leg answeredLeg(CallId call) {
    Tracks.Caller caller = caller(call);
    Tracks.Leg leg = caller == null ? null : caller.leg;
    return leg != null && leg.state() == Tracks.Leg.State.ANSWERED ? leg : null;
  }

  private void endLeg(Tracks.Caller caller) {
    Tracks.Leg leg = caller.leg;
    if (leg != null) {
      leg.end();
      translator.legsByUid.remove(leg.uniqueId, leg);
      caller.leg = null;
    }
  }

  private void hangup(ManagerConnection c, String channel, String id) {
    HangupAction h = new HangupAction(AmiText.clean(channel), 16);
    h.setActionId(id);
    send(c, h, "Hangup", r -> { });
  }

  private void redirect(ManagerConnection c, String channel, String context, String exten, String id) {
    RedirectAction r = new RedirectAction(AmiText.clean(channel), AmiText.clean(context), AmiText.clean(exten), 1);
    r.setActionId(id);
    send(c, r, "Redirect", x -> { });
  }

  private void setVar(ManagerConnection c, String channel, String variable, String value, String id) {
    SetVarAction s = new SetVarAction(AmiText.clean(channel), AmiText.clean(variable), AmiText.clean(value));
    s.setActionId(id);
    send(c, s, "Setvar", r -> { });
  }

  private static final String NOT_SENT = "not sent: ";

  /** Whether a response is the stand-in for an action that could not be sent at all. */
  private static boolean notSent(org.asteriskjava.manager.response.ManagerResponse r) {
    return r instanceof ManagerError && r.getMessage() != null && r.getMessage().startsWith(NOT_SENT);
  }

  private void send(ManagerConnection c, ManagerAction action, String what,
      org.asteriskjava.manager.SendActionCallback callback) {
    try {
      c.sendAction(action, response -> {
        if (response instanceof ManagerError) {
          LOG.warn("AMI {}: {} failed: {}", server.name(), what, response.getMessage());
        }
        callback.onResponse(response);
      });
    } catch (Exception e) {
      LOG.warn("AMI {}: {} not sent: {}", server.name(), what, e.toString());
      // An action that never left is a failed action: its callback undoes what was tracked for it
      // (a ring leg, say) and tells the engine, instead of waiting for a reply that cannot come.
      ManagerError notSent = new ManagerError();
      notSent.setActionId(action.getActionId());
      notSent.setMessage(NOT_SENT + e);
      callback.onResponse(notSent);
    }
  }

  private void setState(AmiStatus.State s, String problem) {
    if (s != state) {
      LOG.info("AMI {}: {} -> {}{}", server.name(), state, s, problem.isEmpty() ? "" : " (" + problem + ")");
      state = s;
      sinceMillis = System.currentTimeMillis();
    }
    if (!problem.isEmpty()) {
      lastProblem = problem;
    }
  }

  private static void closeQuietly(ManagerConnection c) {
    Thread.ofVirtual().name("ami-close").start(() -> {
      try {
        c.logoff();
      } catch (RuntimeException e) {
        // already closed or never logged in
      }
    });
  }
}
