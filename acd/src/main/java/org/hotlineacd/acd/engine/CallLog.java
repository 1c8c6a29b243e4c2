package org.hotlineacd.acd.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line per call state change, with call, queue and agent in the MDC. The caller's
 * number is never logged here (the segment records keep it).
 */
final class CallLog {
  private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);

  private CallLog() {}

  static void log(Call c, String what, Agent agent) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    MDC.put("call", c.id.value());
    if (c.queue != null) {
      MDC.put("queue", c.queue.id());
    }
    if (agent != null) {
      MDC.put("agent", agent.id.value());
    }
    try {
      LOG.info("call {} {}{}", c.id, what, agent == null ? "" : " (agent " + agent.id + ")");
    } finally {
      MDC.remove("call");
      MDC.remove("queue");
      MDC.remove("agent");
    }
  }
}
