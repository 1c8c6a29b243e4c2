package org.hotlineacd.cti.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to an admin operation: an outcome, a JSON-ready body, and the configuration version
 * the answer reflects (the edge sends it as the {@code ETag}).
 *
 * @param body a JSON-ready value; for failures {@code {"error": code, "message": ..., "problems":
 *     [...]}}
 * @param version the configuration version after the operation, or {@code null} when it does not
 *     apply
 */
public record AdminReply(Outcome outcome, Object body, String version) {
  /** How an operation ended; the edge maps each to an HTTP status. */
  public enum Outcome {
    /** Done (200). */
    OK,
    /** A new item exists (201). */
    CREATED,
    /** Handed to the engine, which applies it in order with every other input (202). */
    ACCEPTED,
    /** No such item, agent or section (404). */
    NOT_FOUND,
    /** The request names something that makes the configuration invalid; nothing changed (422). */
    INVALID,
    /** The request conflicts with the current state (an id that exists, a busy agent, a file changed on disk) (409). */
    CONFLICT,
    /** The caller's version is not the current one: someone else changed the configuration first (412). */
    VERSION_MISMATCH,
    /** A change without a version to check against (428). */
    VERSION_REQUIRED
  }

  /** Validates. */
  public AdminReply {
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A success with {@code body}. */
  public static AdminReply ok(Object body, String version) {
    return new AdminReply(Outcome.OK, body, version);
  }

  /** A failure with a stable code, a sentence, and the problems behind it (may be empty). */
  public static AdminReply failure(Outcome outcome, String code, String message, List<?> problems, String version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    if (!problems.isEmpty()) {
      body.put("problems", List.copyOf(problems));
    }
    return new AdminReply(outcome, body, version);
  }

  /** Whether the operation succeeded. */
  public boolean succeeded() {
    return outcome == Outcome.OK || outcome == Outcome.CREATED || outcome == Outcome.ACCEPTED;
  }
}
