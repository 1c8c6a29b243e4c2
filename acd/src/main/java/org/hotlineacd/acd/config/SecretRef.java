package org.hotlineacd.acd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a secret (the case system's signing secret, the database password) is read from: an
 * environment variable or a file, never the configuration text itself. Only the reference is
 * kept in the configuration; the value is read when the store or the delivery worker starts, and
 * never printed: {@link #toString()} names the source, not the value.
 *
 * @param env the environment variable that holds the secret, or {@code null}
 * @param file the file whose content (trailing line breaks removed) is the secret, or {@code null}
 */
public record SecretRef(String env, Path file) {
  /** Validates: exactly one source. */
  public SecretRef {
    if ((env == null) == (file == null)) {
      throw new IllegalArgumentException("a secret comes from exactly one of an environment variable or a file");
    }
    if (env != null && env.isBlank()) {
      throw new IllegalArgumentException("the environment variable name must not be blank");
    }
  }

  /** Reads the secret from the process environment or the file. */
  public String read() {
    return read(System.getenv());
  }

  /**
   * Reads the secret, looking variables up in {@code environment}.
   *
   * @throws IllegalStateException naming the source (never the value) when it is unset, empty or
   *     unreadable
   */
  public String read(Map<String, String> environment) {
    Optional<String> value;
    if (env != null) {
      value = Optional.ofNullable(environment.get(env));
    } else {
      try {
        value = Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the secret file " + file + ": " + e.getMessage(), e);
      }
    }
    return value.filter(v -> !v.isEmpty())
        .orElseThrow(() -> new IllegalStateException(describe() + " is not set or empty"));
  }

  /** Where the secret comes from, e.g. {@code environment variable ACD_CASE_SECRET}. */
  public String describe() {
    return env != null ? "environment variable " + env : "file " + file;
  }

  @Override
  public String toString() {
    return "SecretRef[" + describe() + "]";
  }
}
