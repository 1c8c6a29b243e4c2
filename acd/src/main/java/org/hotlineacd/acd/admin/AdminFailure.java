package org.hotlineacd.acd.admin;

import java.io.Serial;
import java.util.List;
import org.hotlineacd.cti.admin.AdminReply;

/** An admin operation that cannot go on, with the reply that says why. */
final class AdminFailure extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Not serialized: a record of immutable values. */
  @SuppressWarnings("serial")
  private final AdminReply reply;

  AdminFailure(AdminReply.Outcome outcome, String code, String message) {
    this(outcome, code, message, List.of());
  }

  AdminFailure(AdminReply.Outcome outcome, String code, String message, List<?> problems) {
    super(message, null, false, false);
    this.reply = AdminReply.failure(outcome, code, message, problems, null);
  }

  AdminReply reply(String version) {
    return new AdminReply(reply.outcome(), reply.body(), version);
  }
}
