package org.hotlineacd.cti.model;

/** The identity of one agent, as configured (not the phone endpoint, which may change). */
public record AgentId(String value) implements Comparable<AgentId> {
  /** Validates that the id is present and printable. */
  public AgentId {
    Ids.requireValid("agent id", value);
  }

  /** Shorthand constructor. */
  public static AgentId of(String value) {
    return new AgentId(value);
  }

  @Override
  public int compareTo(AgentId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
