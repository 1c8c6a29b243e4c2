package org.hotlineacd.cti.admin;

import java.util.Objects;

/**
 * Who is calling the admin API, as their bearer token says.
 *
 * @param name the token's name (what the audit log records as "who")
 * @param role what the token may do
 */
public record Caller(String name, Role role) {
  /** What a token may do. */
  public enum Role {
    /** Read and change everything. */
    ADMIN,
    /** Read only (the live snapshot and the configuration). */
    WALLBOARD
  }

  /** Validates. */
  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** Whether this caller may change things. */
  public boolean mayWrite() {
    return role == Role.ADMIN;
  }
}
