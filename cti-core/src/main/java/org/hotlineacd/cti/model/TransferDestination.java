package org.hotlineacd.cti.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an agent sends a call: another queue, a named agent, or a configured external target
 * label (e.g. {@code 110}, {@code in-province-other-city}).
 */
public record TransferDestination(Kind kind, String id) {
  /** What the id names. */
  public enum Kind {
    /** A queue id: the call joins that queue as a new segment. */
    QUEUE,
    /** An agent id: that agent is rung for the call, if ready. */
    AGENT,
    /** A transfer-target label from configuration: the call leaves the ACD. */
    EXTERNAL;

    /** The lowercase name used in protocols. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates. */
  public TransferDestination {
    Objects.requireNonNull(kind, "kind");
    Ids.requireValid("transfer destination", id);
  }

  /** Shorthand. */
  public static TransferDestination queue(String id) {
    return new TransferDestination(Kind.QUEUE, id);
  }

  /** Shorthand. */
  public static TransferDestination agent(String id) {
    return new TransferDestination(Kind.AGENT, id);
  }

  /** Shorthand. */
  public static TransferDestination external(String label) {
    return new TransferDestination(Kind.EXTERNAL, label);
  }
}
