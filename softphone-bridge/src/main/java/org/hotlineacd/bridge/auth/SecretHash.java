package org.hotlineacd.bridge.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The scheme agent secrets are stored in: PBKDF2 with HMAC-SHA256 (in every JDK), a random 16-byte
 * salt and a 32-byte key, written as {@code pbkdf2-sha256$<iterations>$<salt>$<key>} (salt and key
 * in unpadded base64). The iteration count is part of the string, so it can be raised for new
 * secrets without invalidating old ones. Verification is slow on purpose: run it off event loops.
 */
public final class SecretHash {
  /** The prefix of every hash in this scheme. */
  public static final String SCHEME = "pbkdf2-sha256";
  /** Iterations for new hashes (OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_ITERATIONS = 600_000;
  /** The fewest iterations a stored hash may have (low counts are for tests and load tools). */
  public static final int MIN_ITERATIONS = 1_000;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final int SALT_BYTES = 16;
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private SecretHash() {}

  /** Hashes {@code secret} with a fresh salt and {@link #DEFAULT_ITERATIONS}. */
  public static String hash(char[] secret) {
    return hash(secret, DEFAULT_ITERATIONS);
  }

  /** Hashes {@code secret} with a fresh salt and {@code iterations}. */
  public static String hash(char[] secret, int iterations) {
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be " + MIN_ITERATIONS + "-" + MAX_ITERATIONS);
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return SCHEME + "$" + iterations + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(derive(secret, salt, iterations, KEY_BYTES));
  }

  /** True if {@code secret} matches {@code stored}; false also when {@code stored} is malformed. */
  public static boolean verify(char[] secret, String stored) {
    Optional<Parsed> p = parse(stored);
    if (p.isEmpty()) {
      return false;
    }
    byte[] key = derive(secret, p.get().salt, p.get().iterations, p.get().key.length);
    return MessageDigest.isEqual(key, p.get().key);
  }

  /** What is wrong with a stored hash, or empty when it is well formed. */
  public static Optional<String> problem(String stored) {
    if (stored == null || !stored.startsWith(SCHEME + "$")) {
      return Optional.of("must start with '" + SCHEME + "$' (make one with: bin/acd hash-secret)");
    }
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4) {
      return Optional.of("must have four parts: " + SCHEME + "$<iterations>$<salt>$<key>");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.of("iterations must be a number, was '" + parts[1] + "'");
    }
    if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      return Optional.of("iterations must be " + MIN_ITERATIONS + "-" + MAX_ITERATIONS + ", was " + iterations);
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] key = Base64.getDecoder().decode(parts[3]);
      if (salt.length < 8 || key.length < 16) {
        return Optional.of("salt or key too short");
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("salt and key must be base64");
    }
    return Optional.empty();
  }

  private record Parsed(int iterations, byte[] salt, byte[] key) {}

  private static Optional<Parsed> parse(String stored) {
    if (problem(stored).isPresent()) {
      return Optional.empty();
    }
    String[] parts = stored.split("\\$", -1);
    return Optional.of(new Parsed(Integer.parseInt(parts[1]),
        Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3])));
  }

  private static byte[] derive(char[] secret, byte[] salt, int iterations, int keyBytes) {
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, keyBytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
