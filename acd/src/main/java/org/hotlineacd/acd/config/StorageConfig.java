package org.hotlineacd.acd.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where call records, interval figures and the case outbox are stored (section {@code storage}).
 *
 * @param kind the database: {@code sqlite} (embedded file, the default) or {@code postgresql}
 * @param path the SQLite file (default {@code data/acd.db}, relative to the installation)
 * @param url the JDBC URL for PostgreSQL, e.g. {@code jdbc:postgresql://db:5432/acd}
 * @param user the PostgreSQL user, or {@code null}
 * @param password where the PostgreSQL password comes from, or {@code null} for none
 * @param bufferEvents how many segment events may wait for the database (the engine never waits:
 *     beyond this they are dropped, counted and reported by health)
 * @param batchMax the most events written in one transaction
 */
public record StorageConfig(
    Kind kind, Path path, String url, String user, SecretRef password, int bufferEvents, int batchMax) {

  /** The databases the records can live in. */
  public enum Kind {
    /** An embedded SQLite file (WAL mode), no server needed. */
    SQLITE,
    /** A PostgreSQL server. */
    POSTGRESQL;

    /** The name in the configuration file. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The default file, relative to the installation. */
  public static final Path DEFAULT_PATH = Path.of("data", "acd.db");

  /** The defaults: SQLite in {@code data/acd.db}, 100,000 buffered events, batches of 1,000. */
  public static final StorageConfig DEFAULT =
      new StorageConfig(Kind.SQLITE, DEFAULT_PATH, null, null, null, 100_000, 1_000);

  /** Validates. */
  public StorageConfig {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.SQLITE) {
      path = path == null ? DEFAULT_PATH : path;
    } else if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("postgresql storage needs a url starting with jdbc:postgresql:");
    }
    if (bufferEvents < 1 || batchMax < 1) {
      throw new IllegalArgumentException("bufferEvents and batchMax must be at least 1");
    }
  }

  /** An SQLite store in this file, other values default. */
  public static StorageConfig sqlite(Path file) {
    return new StorageConfig(Kind.SQLITE, file, null, null, null, DEFAULT.bufferEvents, DEFAULT.batchMax);
  }

  /** The same storage with the SQLite file resolved against a directory (the installation). */
  public StorageConfig resolvedAgainst(Path home) {
    return kind == Kind.SQLITE && !path.isAbsolute()
        ? new StorageConfig(kind, home.resolve(path), url, user, password, bufferEvents, batchMax)
        : this;
  }

  /** The JDBC URL (for SQLite, built from the path). */
  public String jdbcUrl() {
    return kind == Kind.SQLITE ? "jdbc:sqlite:" + path : url;
  }
}
