package org.hotlineacd.acd.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.cti.admin.AdminReply;
import org.hotlineacd.cti.admin.AdminReply.Outcome;
import org.hotlineacd.cti.admin.AgentCommand;
import org.hotlineacd.cti.admin.Caller;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.ForcedLogout;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;

/**
 * A supervisor's agent command, decided on the engine thread against the live state: what the
 * engine would refuse is refused here with an HTTP-worthy outcome; what it would accept is
 * submitted to the engine's inbox like any other input (so it is journaled and replayed like one).
 */
final class AgentActions {
  /** Request id of supervisor requests: desktops never use it. */
  static final long SUPERVISOR_REQUEST = 0;

  private AgentActions() {}

  static AdminReply decide(EngineSnapshot snap, AcdConfig config, String agentId, AgentCommand command, Caller who,
      String version, Consumer<AgentRequest> submit) {
    EngineSnapshot.AgentView agent = snap.agents().stream().filter(a -> a.id().equals(agentId)).findFirst().orElse(null);
    if (agent == null) {
      return AdminReply.failure(Outcome.NOT_FOUND, "not-found", "no agent '" + agentId + "' in the running centre",
          List.of(), version);
    }
    AgentState s = agent.state();
    AgentId id = AgentId.of(agentId);
    AgentRequest request;
    switch (command.action()) {
      case READY -> {
        if (s != AgentState.NOT_READY && s != AgentState.WRAP_UP) {
          return busy(agentId, s, "ready", "only a not-ready agent or one in wrap-up can be made ready", version);
        }
        request = new AgentReady(SUPERVISOR_REQUEST, id);
      }
      case NOT_READY -> {
        if (!config.notReadyReasons().contains(command.reason())) {
          return AdminReply.failure(Outcome.INVALID, "unknown-reason", "reason '" + command.reason()
              + "' is not a configured not-ready reason (one of " + String.join(", ", config.notReadyReasons()) + ")",
              List.of(), version);
        }
        if (s == AgentState.LOGGED_OUT || s == AgentState.RINGING) {
          return busy(agentId, s, "not-ready", "a logged-out or ringing agent cannot go not-ready", version);
        }
        request = new AgentNotReady(SUPERVISOR_REQUEST, id, command.reason());
      }
      case LOGOUT -> {
        if (s == AgentState.LOGGED_OUT) {
          return busy(agentId, s, "logged-out", "the agent is not logged in", version);
        }
        request = new ForcedLogout(SUPERVISOR_REQUEST, id, who.name());
      }
      default -> throw new IllegalStateException();
    }
    submit.accept(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent", agentId);
    body.put("requested", label(command));
    body.put("stateBefore", s.label());
    boolean now = switch (command.action()) {
      case LOGOUT, NOT_READY -> s == AgentState.READY || s == AgentState.NOT_READY;
      case READY -> true;
    };
    body.put("when", now ? "now" : "after the current call and wrap-up");
    return new AdminReply(Outcome.ACCEPTED, body, version);
  }

  private static String label(AgentCommand c) {
    return switch (c.action()) {
      case READY -> "ready";
      case NOT_READY -> "not-ready (" + c.reason() + ")";
      case LOGOUT -> "logged-out";
    };
  }

  private static AdminReply busy(String agent, AgentState s, String wanted, String why, String version) {
    return AdminReply.failure(Outcome.CONFLICT, "illegal-transition", "cannot make agent " + agent + " " + wanted
        + ": it is " + s.label() + " (" + why + ")", List.of(), version);
  }
}
