package org.hotlineacd.cti.model;

import java.util.Objects;

/**
 * The identity of one call as the PBX knows it (for Asterisk, the caller channel's {@code Uniqueid},
 * prefixed by the server name when several servers feed one engine).
 */
public record CallId(String value) implements Comparable<CallId> {
  /** Validates that the id is present and printable. */
  public CallId {
    Ids.requireValid("call id", value);
  }

  /** Shorthand constructor. */
  public static CallId of(String value) {
    return new CallId(value);
  }

  @Override
  public int compareTo(CallId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return Objects.toString(value);
  }
}
