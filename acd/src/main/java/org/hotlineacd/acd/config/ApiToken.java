package org.hotlineacd.acd.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer token for the HTTP API, stored as the SHA-256 of the token (the {@code
 * security.adminTokens} and {@code security.wallboardTokens} lists). Tokens are long random
 * strings, so a plain SHA-256 is enough to keep the file from revealing them, and cheap enough to
 * check on every request.
 *
 * @param name who holds the token (a person or a wall screen); the audit log names changes by it
 * @param role what the token may do
 * @param sha256 the lowercase hex SHA-256 of the token's UTF-8 bytes
 */
public record ApiToken(String name, Role role, String sha256) {
  /** What a token may do. */
  public enum Role {
    /** Read and change everything in the admin API. */
    ADMIN,
    /** Read the live snapshot and the configuration; change nothing. */
    WALLBOARD
  }

  static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

  /** Validates. */
  public ApiToken {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(sha256, "sha256");
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
  }
}
