package org.hotlineacd.bridge.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import org.hotlineacd.bridge.agent.AgentSession.BadMessage;
import org.hotlineacd.cti.input.AgentHangUpRequest;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.CancelConsultRequest;
import org.hotlineacd.cti.input.CompleteTransferRequest;
import org.hotlineacd.cti.input.ConsultRequest;
import org.hotlineacd.cti.input.HoldRequest;
import org.hotlineacd.cti.input.RecordingRequest;
import org.hotlineacd.cti.input.TransferRequest;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.TransferDestination;
import org.hotlineacd.cti.port.AgentDirectory;

/**
 * The commands of a logged-in agent, checked and turned into engine requests. Every request names
 * the session's own agent (never one from the message), and a message that names a call must name
 * the agent's current call, so an agent acts only on itself and its own calls. The engine checks
 * the rest (legal transitions, reasons, targets) and answers; refusals change nothing.
 */
final class Commands {
  static final Set<String> TYPES = Set.of("logout", "ready", "notReady", "answer", "hangUp", "hold", "unhold",
      "transfer", "consult", "completeTransfer", "cancelConsult", "record", "wrapUp");
  private static final int MAX_SUMMARY = 4000;

  private final AgentSession session;

  Commands(AgentSession session) {
    this.session = session;
  }

  void run(long requestId, String type, JsonNode n) {
    Desk desk = session.desk;
    AgentId me = desk.id;
    WebSocketAgentNotifier desks = session.desks;
    if (n.has("call")) {
      String call = text(n, "call", 128);
      CallId current = desk.view.call();
      if (current == null || !current.value().equals(call)) {
        throw new BadMessage("not-your-call", "call " + call + " is not this agent's current call");
      }
    }
    long id = desks.nextRequestId();
    AgentRequest request = switch (type) {
      case "logout" -> new AgentLogout(id, me);
      case "ready" -> new AgentReady(id, me);
      case "notReady" -> new AgentNotReady(id, me, text(n, "reason", 128));
      case "answer" -> {
        answer(requestId, desk);
        yield null;
      }
      case "hangUp" -> new AgentHangUpRequest(id, me);
      case "hold" -> new HoldRequest(id, me, true);
      case "unhold" -> new HoldRequest(id, me, false);
      case "transfer" -> new TransferRequest(id, me, destination(n));
      case "consult" -> new ConsultRequest(id, me, text(n, "target", 128));
      case "completeTransfer" -> new CompleteTransferRequest(id, me);
      case "cancelConsult" -> new CancelConsultRequest(id, me);
      case "record" -> new RecordingRequest(id, me, bool(n, "start"));
      case "wrapUp" -> wrapUp(id, me, n, desks.directory.choices());
      default -> throw new BadMessage("unknown-type", "unknown message type '" + type + "'");
    };
    if (request == null) {
      return;
    }
    if (request instanceof AgentLogout) {
      session.logoutRequested(id, requestId);
    } else if (!session.expect(id, requestId, AgentSession.Kind.OTHER)) {
      throw new BadMessage("busy", "too many requests without an answer yet; wait for the answers");
    }
    desks.submit(request);
  }

  /** Asks the phone to answer the ringing call: a PBX matter, confirmed by the on-call state. */
  private void answer(long requestId, Desk desk) {
    DeskView v = desk.view;
    if (v.state() != AgentState.RINGING || v.call() == null) {
      throw new BadMessage("illegal-transition", "no call is ringing for agent " + desk.id + " (" + v.state().label() + ")");
    }
    if (!session.desks.phone.answer(desk.id, v.call())) {
      throw new BadMessage("answer-unsupported", "this phone system cannot answer from the desktop: answer on the phone");
    }
    session.send(Frames.ok(requestId));
  }

  private static WrapUpDone wrapUp(long id, AgentId me, JsonNode n, AgentDirectory.Choices choices) {
    String disposition = optionalText(n, "disposition", 128);
    String category = optionalText(n, "category", 128);
    String summary = optionalText(n, "summary", MAX_SUMMARY);
    if (disposition != null && !AgentDirectory.Choices.contains(choices.dispositions(), disposition)) {
      throw new BadMessage("unknown-disposition", "'" + disposition + "' is not a configured disposition");
    }
    if (category != null && !AgentDirectory.Choices.contains(choices.categories(), category)) {
      throw new BadMessage("unknown-category", "'" + category + "' is not a configured case category");
    }
    return new WrapUpDone(id, me, disposition, category, summary);
  }

  private static TransferDestination destination(JsonNode n) {
    JsonNode to = n.get("to");
    if (to == null || !to.isObject()) {
      throw new BadMessage("bad-message", "to must be an object: {\"kind\": \"queue|agent|external\", \"id\": \"...\"}");
    }
    String kind = text(to, "kind", 16);
    String id = text(to, "id", 128);
    try {
      return new TransferDestination(TransferDestination.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), id);
    } catch (IllegalArgumentException e) {
      throw new BadMessage("bad-message", "to.kind must be queue, agent or external, was '" + kind + "'");
    }
  }

  /** A required, non-empty string field of at most {@code max} characters. */
  static String text(JsonNode n, String field, int max) {
    String s = optionalText(n, field, max);
    if (s == null || s.isEmpty()) {
      throw new BadMessage("bad-message", field + " is required");
    }
    return s;
  }

  static String optionalText(JsonNode n, String field, int max) {
    JsonNode f = n.get(field);
    if (f == null || f.isNull()) {
      return null;
    }
    if (!f.isTextual()) {
      throw new BadMessage("bad-message", field + " must be a string");
    }
    String s = f.asText();
    if (s.length() > max) {
      throw new BadMessage("bad-message", field + " is longer than " + max + " characters");
    }
    return s;
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode f = n.get(field);
    if (f == null || !f.isBoolean()) {
      throw new BadMessage("bad-message", field + " must be true or false");
    }
    return f.asBoolean();
  }
}
