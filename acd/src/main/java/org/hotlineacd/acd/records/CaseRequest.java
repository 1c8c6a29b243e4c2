package org.hotlineacd.acd.records;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A case-creation request built from a finished call record and its agent's disposition, as it
 * waits in the outbox: the Standard Webhooks message id (stable for the call, so it is the
 * idempotency key of every retry) and the JSON body that is sent and signed byte for byte.
 *
 * @param webhookId the message id, {@code call_} plus the call's record id
 * @param payload the JSON body
 */
public record CaseRequest(String webhookId, String recordId, String callId, String payload) {
  /** The event type in the body. */
  public static final String TYPE = "case.create";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates. */
  public CaseRequest {
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(payload, "payload");
  }

  /** The webhook id of a call record. */
  public static String webhookIdOf(String recordId) {
    return "call_" + recordId;
  }

  /** Builds the request of a handled call (docs/records.md shows the body). */
  public static CaseRequest of(CallRecord call) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", TYPE);
    root.put("timestamp", iso(call.endedNanos()));
    ObjectNode d = root.putObject("data");
    d.put("callId", call.callId());
    d.put("recordId", call.recordId());
    d.put("callerNumber", call.callerNumber());
    d.put("line", call.line());
    array(d.putArray("queues"), call.queuePath());
    array(d.putArray("agents"), call.agents());
    d.put("queuedAt", iso(call.firstQueuedNanos()));
    d.put("endedAt", iso(call.endedNanos()));
    d.put("waitSeconds", seconds(call.waitNanos()));
    d.put("talkSeconds", seconds(call.talkNanos()));
    d.put("holdSeconds", seconds(call.holdNanos()));
    d.put("wrapUpSeconds", seconds(call.wrapUpNanos()));
    d.put("transferInLabel", call.transferInLabel());
    array(d.putArray("transfersOut"), call.transfersOut());
    d.put("endSide", call.endSide());
    d.put("endCause", call.endCause());
    d.put("recordingFile", call.recordingFile());
    d.put("disposition", call.disposition());
    d.put("category", call.category());
    d.put("summary", call.summary());
    d.put("wrapUpTimedOut", call.wrapUpTimedOut());
    ArrayNode segs = d.putArray("segments");
    for (SegmentRecord s : call.segments()) {
      ObjectNode n = segs.addObject();
      n.put("index", s.index());
      n.put("queue", s.queue());
      n.put("outcome", s.outcome().dbName());
      n.put("agent", s.agent());
      n.put("queuedAt", iso(s.queuedNanos()));
      n.put("waitSeconds", seconds(s.waitNanos()));
      n.put("talkSeconds", seconds(s.talkNanos()));
      n.put("transferLabel", s.transferLabel());
      n.put("disposition", s.disposition());
      n.put("category", s.category());
      n.put("summary", s.summary());
    }
    try {
      return new CaseRequest(webhookIdOf(call.recordId()), call.recordId(), call.callId(), JSON.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a case request as JSON", e);
    }
  }

  private static void array(ArrayNode node, Iterable<String> values) {
    values.forEach(node::add);
  }

  private static String iso(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos).toString();
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e6) / 1e3;
  }
}
