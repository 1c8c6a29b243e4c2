package org.hotlineacd.bridge.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParser;
import java.util.List;
import java.util.Map;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.CallOffered;
import org.hotlineacd.cti.output.CallStatus;
import org.hotlineacd.cti.port.AgentDirectory;
import org.hotlineacd.cti.port.CallerHistory.PastCall;

/**
 * The server-to-agent messages of protocol version 1, as JSON text (see docs/agent-protocol.md).
 * Engine times (epoch nanoseconds) become epoch milliseconds; durations become milliseconds.
 */
final class Frames {
  /** The protocol version this server speaks. */
  static final int VERSION = 1;

  /** Shared, thread-safe; strict about duplicate keys and nesting so odd input is refused early. */
  static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    JSON.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(64 * 1024).build());
  }

  private Frames() {}

  static ObjectNode frame(String type) {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", VERSION);
    n.put("type", type);
    return n;
  }

  static String text(ObjectNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hello(long heartbeatMs, int maxFrameBytes) {
    ObjectNode n = frame("hello");
    n.put("server", "hotline-acd");
    n.put("heartbeatMs", heartbeatMs);
    n.put("maxFrameBytes", maxFrameBytes);
    return text(n);
  }

  static String ok(long requestId) {
    ObjectNode n = frame("ok");
    n.put("requestId", requestId);
    return text(n);
  }

  static String pong(long requestId) {
    ObjectNode n = frame("pong");
    n.put("requestId", requestId);
    return text(n);
  }

  /** An error; {@code requestId} null when the message had none (or could not be read). */
  static String error(Long requestId, String code, String message) {
    ObjectNode n = frame("error");
    if (requestId == null) {
      n.putNull("requestId");
    } else {
      n.put("requestId", requestId);
    }
    n.put("code", code);
    n.put("message", message);
    return text(n);
  }

  static String loggedIn(long requestId, String agent, String name, String token, boolean resumed) {
    ObjectNode n = frame("loggedIn");
    n.put("requestId", requestId);
    n.put("agent", agent);
    n.put("name", name);
    n.put("token", token);
    n.put("resumed", resumed);
    return text(n);
  }

  static String sessionEnded(String reason, String message) {
    ObjectNode n = frame("sessionEnded");
    n.put("reason", reason);
    n.put("message", message);
    return text(n);
  }

  static String state(AgentStateChanged s) {
    ObjectNode n = frame("state");
    putState(n, s.state().label(), s.reason(), s.call() == null ? null : s.call().value(), s.atNanos(), s.deadlineNanos());
    return text(n);
  }

  private static void putState(ObjectNode n, String state, String reason, String call, long atNanos, long deadlineNanos) {
    n.put("state", state);
    n.put("reason", reason);
    n.put("call", call);
    n.put("since", atNanos / 1_000_000);
    if (deadlineNanos > 0) {
      n.put("wrapUpDeadline", deadlineNanos / 1_000_000);
    } else {
      n.putNull("wrapUpDeadline");
    }
  }

  static String offered(CallOffered o, List<PastCall> history) {
    ObjectNode n = frame("offered");
    putOffer(n, o, history);
    return text(n);
  }

  private static void putOffer(ObjectNode n, CallOffered o, List<PastCall> history) {
    n.put("call", o.call().value());
    n.put("queue", o.queue());
    n.put("line", o.line());
    n.put("callerNumber", o.callerNumber());
    n.put("waitedMs", o.waitedNanos() / 1_000_000);
    ObjectNode data = n.putObject("callerData");
    for (Map.Entry<String, String> e : o.callerData().entrySet()) {
      data.put(e.getKey(), e.getValue());
    }
    if (history == null) {
      n.putNull("history");
    } else {
      putHistory(n.putArray("history"), history);
    }
  }

  static String history(String call, List<PastCall> calls) {
    ObjectNode n = frame("history");
    n.put("call", call);
    putHistory(n.putArray("calls"), calls);
    return text(n);
  }

  private static void putHistory(ArrayNode a, List<PastCall> calls) {
    for (PastCall c : calls) {
      ObjectNode p = a.addObject();
      p.put("startedAt", c.startedAt().toString());
      p.put("line", c.line());
      p.put("queue", c.queue());
      p.put("agent", c.agent());
      p.put("talkSeconds", c.talk().toSeconds());
      p.put("disposition", c.disposition());
      p.put("category", c.category());
      p.put("summary", c.summary());
    }
  }

  static String callStatus(CallStatus s) {
    ObjectNode n = frame("callStatus");
    putStatus(n, s);
    return text(n);
  }

  private static void putStatus(ObjectNode n, CallStatus s) {
    n.put("call", s.call().value());
    n.put("held", s.held());
    n.put("consultTarget", s.consultTarget());
    n.put("recording", s.recording());
  }

  static String snapshot(String agent, String name, long serverNanos, DeskView v, List<PastCall> history,
      AgentDirectory.Choices choices) {
    ObjectNode n = frame("snapshot");
    n.put("agent", agent);
    n.put("name", name);
    n.put("serverTime", serverNanos / 1_000_000);
    putState(n.putObject("state"), v.state().label(), v.reason(), v.call() == null ? null : v.call().value(),
        v.sinceNanos(), v.deadlineNanos());
    if (v.offer() == null) {
      n.putNull("offer");
    } else {
      putOffer(n.putObject("offer"), v.offer(), history);
    }
    if (v.status() == null) {
      n.putNull("callStatus");
    } else {
      putStatus(n.putObject("callStatus"), v.status());
    }
    ObjectNode c = n.putObject("choices");
    putChoices(c.putArray("notReadyReasons"), choices.notReadyReasons());
    putChoices(c.putArray("dispositions"), choices.dispositions());
    putChoices(c.putArray("categories"), choices.categories());
    putChoices(c.putArray("queues"), choices.queues());
    putChoices(c.putArray("transferTargets"), choices.transferTargets());
    return text(n);
  }

  private static void putChoices(ArrayNode a, List<AgentDirectory.Choice> list) {
    for (AgentDirectory.Choice c : list) {
      a.addObject().put("id", c.id()).put("label", c.label());
    }
  }
}
