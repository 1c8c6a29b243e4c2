package org.hotlineacd.bridge.agent;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.hotlineacd.bridge.auth.SecretHash;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.output.AgentNotice;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.output.CallStatus;
import org.hotlineacd.cti.output.RequestAccepted;
import org.hotlineacd.cti.output.RequestRefused;
import org.hotlineacd.cti.port.AgentDirectory;
import org.hotlineacd.cti.port.CallerHistory.PastCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop connection: reads the agent's messages, checks who may do what, turns commands into
 * engine requests (see {@link Commands}) and writes the engine's notices back.
 *
 * <p>Threading: everything runs on the connection's event loop; {@link #deliver} and {@link
 * #takenOver} are the entry points from other threads and only hop onto it.
 *
 * <p>Bad input never reaches the engine: each message is parsed, versioned, checked for its
 * fields and for the logged-in agent first; a failing message gets an {@code error} frame and the
 * connection stays open. A flood closes the connection with 4008; Netty closes a frame over the
 * size limit with 1009.
 */
final class AgentSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
  /** Close codes (application range 4000-4999) documented in docs/agent-protocol.md. */
  static final int CLOSE_TAKEN_OVER = 4001;
  static final int CLOSE_HEARTBEAT = 4002;
  static final int CLOSE_FLOOD = 4008;
  private static final int MAX_PENDING = 64;
  /**
   * A hash to check unknown agents against, so they take about as long as known ones. Computed on
   * first use, which is on the blocking executor (a full PBKDF2 run must never happen
   * on an event loop, as it would if this were a plain static field initialised with the class).
   */
  private static final class Dummy {
    static final String HASH = SecretHash.hash("not-a-secret".toCharArray());
  }

  enum Kind { LOGIN, LOGOUT, OTHER }

  record Pending(long clientRequestId, Kind kind) {}

  final WebSocketAgentNotifier desks;
  private final Map<Long, Pending> pending = new HashMap<>(4);
  private final Commands commands;
  private ChannelHandlerContext ctx;
  private FloodGuard flood;
  /** The desk of the logged-in agent, or null. */
  Desk desk;
  private String token;
  private boolean busy; // a login is being checked or carried out
  private boolean closing;
  /** The notices for this connection's event loop (set once the handler is added). */
  private Outbox outbox;
  /** True while an {@link Outbox} drain runs this session: frames are written, flushed after. */
  private boolean deferFlush;
  /** Frames were written and not yet flushed. */
  private boolean unflushed;
  /** On the outbox's list of sessions to flush (owned by the outbox, on the event loop). */
  boolean inFlushList;

  AgentSession(WebSocketAgentNotifier desks) {
    this.desks = desks;
    this.commands = new Commands(this);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    this.outbox = desks.outbox(ctx.channel().eventLoop());
    this.flood = new FloodGuard(desks.settings.maxMessagesPerSecond(), System.nanoTime());
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      send(Frames.hello(desks.settings.heartbeat().toMillis(), desks.settings.maxFrameBytes()));
    } else if (evt instanceof IdleStateEvent e) {
      if (e.state() == IdleState.WRITER_IDLE) {
        ctx.writeAndFlush(new PingWebSocketFrame());
      } else if (e.state() == IdleState.READER_IDLE) {
        close(CLOSE_HEARTBEAT, "no heartbeat");
      }
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (closing) {
        return;
      }
      if (msg instanceof TextWebSocketFrame text) {
        if (!flood.tryAcquire(System.nanoTime())) {
          LOG.warn("closing a desktop connection{} that sent more than {} messages a second",
              desk == null ? "" : " of agent " + desk.id, desks.settings.maxMessagesPerSecond());
          send(Frames.error(null, "flood", "too many messages; the connection is closed"));
          close(CLOSE_FLOOD, "flood");
          return;
        }
        onText(text.text());
      } else if (msg instanceof PongWebSocketFrame || msg instanceof CloseWebSocketFrame) {
        return; // pongs only keep the connection alive; Netty answers closes
      } else if (msg instanceof WebSocketFrame) {
        send(Frames.error(null, "unsupported-frame", "send text frames holding JSON"));
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onText(String text) {
    JsonNode n;
    try {
      n = Frames.JSON.readTree(text);
    } catch (JacksonException e) {
      send(Frames.error(null, "bad-json", "the message is not valid JSON: " + e.getOriginalMessage()));
      return;
    }
    if (n == null || !n.isObject()) {
      send(Frames.error(null, "bad-message", "a message is a JSON object"));
      return;
    }
    JsonNode rid = n.get("requestId");
    if (rid == null || !rid.canConvertToExactIntegral() || !rid.canConvertToLong() || rid.asLong() < 0) {
      send(Frames.error(null, "bad-message", "requestId must be a non-negative integer"));
      return;
    }
    long requestId = rid.asLong();
    JsonNode v = n.get("v");
    if (v == null || !v.isIntegralNumber()) {
      send(Frames.error(requestId, "bad-message", "v (the protocol version) must be an integer"));
      return;
    }
    if (v.asInt() != Frames.VERSION) {
      send(Frames.error(requestId, "unsupported-version",
          "this server speaks protocol version " + Frames.VERSION + ", not " + v.asText()));
      return;
    }
    JsonNode type = n.get("type");
    if (type == null || !type.isTextual()) {
      send(Frames.error(requestId, "bad-message", "type must be a string"));
      return;
    }
    JsonNode agent = n.get("agent");
    if (desk != null && agent != null && !(agent.isTextual() && agent.asText().equals(desk.id.value()))) {
      send(Frames.error(requestId, "forbidden", "this session acts only for agent " + desk.id));
      return;
    }
    try {
      dispatch(requestId, type.asText(), n);
    } catch (BadMessage e) {
      send(Frames.error(requestId, e.code, e.getMessage()));
    }
  }

  private void dispatch(long requestId, String type, JsonNode n) {
    switch (type) {
      case "ping" -> send(Frames.pong(requestId));
      case "login" -> login(requestId, Commands.text(n, "agent", 128), Commands.text(n, "secret", 1024));
      case "resume" -> resume(requestId, Commands.text(n, "token", 256));
      default -> {
        if (!Commands.TYPES.contains(type)) {
          throw new BadMessage("unknown-type", "unknown message type '" + type + "'");
        }
        if (desk == null || busy) {
          throw new BadMessage("not-logged-in", busy ? "the login is not finished yet" : "log in first");
        }
        commands.run(requestId, type, n);
      }
    }
  }

  // ---- login, resume, logout ----

  private void login(long requestId, String agentText, String secret) {
    if (desk != null || busy) {
      throw new BadMessage("already-logged-in", "this connection is already logged in; log out first");
    }
    AgentId agent;
    try {
      agent = AgentId.of(agentText);
    } catch (IllegalArgumentException e) {
      throw new BadMessage("bad-message", "agent: " + e.getMessage());
    }
    Optional<AgentDirectory.Entry> entry = desks.directory.agent(agent);
    String hash = entry.map(AgentDirectory.Entry::secretHash).orElse(null);
    busy = true;
    Channel ch = ctx.channel();
    try {
      CompletableFuture.supplyAsync(() -> SecretHash.verify(secret.toCharArray(), hash == null ? Dummy.HASH : hash) && hash != null,
          desks.blocking).whenComplete((ok, failure) -> ch.eventLoop().execute(() -> {
            busy = false;
            if (!ch.isActive()) {
              return;
            }
            if (failure != null || !Boolean.TRUE.equals(ok)) {
              LOG.info("failed desktop login for agent {}", agent);
              send(Frames.error(requestId, "auth-failed", "unknown agent or wrong secret"));
              return;
            }
            bind(requestId, desks.desk(agent), entry.get().name(), null);
          }));
    } catch (RejectedExecutionException e) {
      busy = false;
      send(Frames.error(requestId, "busy", "the server is checking too many logins; try again in a moment"));
    }
  }

  private void resume(long requestId, String tokenText) {
    if (desk != null || busy) {
      throw new BadMessage("already-logged-in", "this connection is already logged in; log out first");
    }
    Optional<AgentId> agent = desks.tokenAgent(tokenText);
    Desk d = agent.map(desks::desk).orElse(null);
    if (d == null || d.view.state() == org.hotlineacd.cti.model.AgentState.LOGGED_OUT) {
      send(Frames.error(requestId, "invalid-token", "the session token is unknown, expired or logged out; log in again"));
      return;
    }
    String name = desks.directory.agent(d.id).map(AgentDirectory.Entry::name).orElse(d.id.value());
    bind(requestId, d, name, tokenText);
  }

  /** Takes the agent's desk and either logs the agent in or resumes its session. */
  private void bind(long requestId, Desk d, String name, String existingToken) {
    if (!desks.attach(d, this)) {
      send(Frames.error(requestId, "session-exists",
          "agent " + d.id + " is logged in on another desktop; log out there first"));
      return;
    }
    desk = d;
    token = existingToken != null ? existingToken : desks.tokens.issue(d.id);
    if (d.view.state() == org.hotlineacd.cti.model.AgentState.LOGGED_OUT) {
      busy = true; // notices until the engine accepts are covered by the snapshot
      long engineId = desks.nextRequestId();
      pending.put(engineId, new Pending(requestId, Kind.LOGIN));
      desks.submit(new AgentLogin(engineId, d.id));
      LOG.info("agent {} logs in from a desktop", d.id);
    } else {
      LOG.info("agent {} resumes its session on a desktop ({})", d.id, d.view.state().label());
      sendLoggedIn(requestId, name, true);
    }
    this.name = name;
  }

  private String name;

  private void sendLoggedIn(long requestId, String agentName, boolean resumed) {
    send(Frames.loggedIn(requestId, desk.id.value(), agentName, token, resumed));
    DeskView v = desk.view;
    List<PastCall> history = null;
    if (v.offer() != null) {
      CompletableFuture<List<PastCall>> f = desks.history.lookup(v.offer().callerNumber());
      history = f.getNow(null);
      if (history == null) {
        followWithHistory(v.offer(), f);
      }
    }
    send(Frames.snapshot(desk.id.value(), agentName, desks.engineNanos.getAsLong(), v, history, desks.directory.choices()));
  }

  /** Logs the session out of its desk (after the engine accepted a logout). */
  private void loggedOut() {
    Desk d = desk;
    desk = null;
    token = null;
    pending.clear();
    desks.detach(d, this, true, ctx.channel().eventLoop());
  }

  /** Records a request this session sent to the engine, to match the engine's answer. */
  boolean expect(long engineId, long requestId, Kind kind) {
    if (pending.size() >= MAX_PENDING) {
      return false;
    }
    pending.put(engineId, new Pending(requestId, kind));
    return true;
  }

  // ---- notices from the engine ----

  /** Called on the engine thread: queues the notice for the event loop (see {@link Outbox}). */
  void deliver(AgentNotice notice) {
    outbox.add(this, notice);
  }

  /**
   * Handles a notice on the event loop, writing its frames without flushing them; true if it wrote
   * any, and then {@link #flush} must follow (the outbox does, once for all of a batch's notices).
   */
  boolean onNoticeUnflushed(AgentNotice notice) {
    deferFlush = true;
    try {
      onNotice(notice);
    } finally {
      deferFlush = false;
    }
    return unflushed;
  }

  /** Flushes the frames written by {@link #onNoticeUnflushed}. */
  void flush() {
    if (unflushed) {
      unflushed = false;
      ctx.flush();
    }
  }

  private void onNotice(AgentNotice notice) {
    if (closing || desk == null || !desk.id.equals(notice.agent())) {
      return;
    }
    switch (notice) {
      case RequestAccepted a -> accepted(pending.remove(a.requestId()));
      case RequestRefused r -> refused(pending.remove(r.requestId()), r);
      case AgentStateChanged s -> {
        if (!busy) {
          send(Frames.state(s));
        }
      }
      case CallOffered o -> {
        if (!busy) {
          offered(o);
        }
      }
      case CallStatus s -> {
        if (!busy) {
          send(Frames.callStatus(s));
        }
      }
    }
  }

  private void accepted(Pending p) {
    if (p == null) {
      return; // someone else's request for this agent (the reconnect grace, a supervisor)
    }
    switch (p.kind()) {
      case LOGIN -> {
        busy = false;
        sendLoggedIn(p.clientRequestId(), name, false);
      }
      case LOGOUT -> {
        send(Frames.ok(p.clientRequestId()));
        loggedOut();
      }
      case OTHER -> send(Frames.ok(p.clientRequestId()));
    }
  }

  private void refused(Pending p, RequestRefused r) {
    if (p == null) {
      return;
    }
    send(Frames.error(p.clientRequestId(), r.code(), r.message()));
    if (p.kind() == Kind.LOGIN) {
      busy = false;
      desks.tokens.revoke(desk.id);
      Desk d = desk;
      desk = null;
      token = null;
      desks.detach(d, this, true, ctx.channel().eventLoop());
    }
  }

  private void offered(CallOffered o) {
    CompletableFuture<List<PastCall>> f = desks.history.lookup(o.callerNumber());
    List<PastCall> history = f.getNow(null);
    send(Frames.offered(o, history));
    if (history == null) {
      followWithHistory(o, f);
    }
  }

  /** Sends the caller history as its own message once it has loaded (the pop never waits for it). */
  private void followWithHistory(CallOffered o, CompletableFuture<List<PastCall>> f) {
    Desk d = desk;
    f.whenComplete((calls, failure) -> ctx.channel().eventLoop().execute(() -> {
      if (failure != null) {
        LOG.warn("caller history lookup failed: {}", failure.toString());
        return;
      }
      if (desk == d && d.view.call() != null && d.view.call().equals(o.call())) {
        send(Frames.history(o.call().value(), calls));
      }
    }));
  }

  /** Called by another session's thread when it takes this agent over: tell the desktop and close. */
  void takenOver() {
    ctx.channel().eventLoop().execute(() -> {
      desk = null;
      token = null;
      pending.clear();
      send(Frames.sessionEnded("taken-over", "this agent logged in on another desktop"));
      close(CLOSE_TAKEN_OVER, "taken over");
    });
  }

  void logoutRequested(long engineId, long requestId) {
    pending.put(engineId, new Pending(requestId, Kind.LOGOUT));
  }

  // ---- the connection ----

  void send(String json) {
    if (closing) {
      return;
    }
    if (deferFlush) {
      ctx.write(new TextWebSocketFrame(json));
      unflushed = true;
    } else {
      ctx.writeAndFlush(new TextWebSocketFrame(json));
    }
  }

  private void close(int code, String reason) {
    closing = true;
    ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    if (desk != null) {
      desks.detach(desk, this, false, ctx.channel().eventLoop());
      desk = null;
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
      return;
    }
    LOG.debug("desktop connection failed: {}", cause.toString());
    ctx.close();
  }

  /** A message that cannot be carried out as sent. */
  static final class BadMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    BadMessage(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
