package org.hotlineacd.cti;

import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.TelephonyEvent;
import org.hotlineacd.cti.output.AgentNotice;
import org.hotlineacd.cti.output.TelephonyCommand;

/**
 * How inputs and outputs are named in log lines: their type and the call, agent and request or
 * command ids, never the caller's number or the dialplan's caller data (STYLE.md: no full caller
 * number in logs; caller data may hold digits the caller typed).
 */
public final class LogSafe {
  private LogSafe() {}

  /** A short description of an input or output for a log line, without caller details. */
  public static String describe(Object o) {
    return switch (o) {
      case null -> "null";
      case TelephonyEvent e -> e.getClass().getSimpleName() + (e.call() == null ? "" : "[call=" + e.call() + "]");
      case AgentRequest r -> r.getClass().getSimpleName() + "[agent=" + r.agent() + ", request=" + r.requestId() + "]";
      case TelephonyCommand c -> c.getClass().getSimpleName() + "[command=" + c.commandId() + ", call=" + c.call() + "]";
      case AgentNotice n -> n.getClass().getSimpleName() + "[agent=" + n.agent() + "]";
      default -> o.getClass().getSimpleName();
    };
  }
}
