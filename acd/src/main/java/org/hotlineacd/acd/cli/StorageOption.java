package org.hotlineacd.acd.cli;

import java.nio.file.Path;
import java.sql.SQLException;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.StorageConfig;
import org.hotlineacd.acd.records.RecordStore;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option of the commands that use the records database. */
final class StorageOption {
  @Option(names = "--db", paramLabel = "FILE",
      description = "the SQLite records file, instead of the configured storage (default: storage in the configuration, data/acd.db)")
  Path db;

  /** The configuration's storage, or the {@code --db} file; a relative SQLite path is under the installation. */
  StorageConfig storage(AcdConfig config) {
    StorageConfig s = db != null ? StorageConfig.sqlite(db) : config.storage();
    return s.resolvedAgainst(Locations.home());
  }

  /** Opens (and migrates) the store. */
  RecordStore open(AcdConfig config) throws SQLException {
    return RecordStore.open(storage(config));
  }
}
