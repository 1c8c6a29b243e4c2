package org.hotlineacd.acd.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

  /**
   * The token of {@code tokens} that {@code presented} is, if any. Compares the presented token's
   * SHA-256 with every stored hash in constant time, so timing tells nothing about near misses.
   */
  public static Optional<ApiToken> match(List<ApiToken> tokens, String presented) {
    byte[] given;
    try {
      given = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always there", e);
    }
    ApiToken found = null;
    for (ApiToken t : tokens) {
      if (MessageDigest.isEqual(given, HexFormat.of().parseHex(t.sha256())) && found == null) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
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
