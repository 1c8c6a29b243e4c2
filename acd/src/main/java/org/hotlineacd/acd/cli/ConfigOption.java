package org.hotlineacd.acd.cli;

import java.nio.file.Path;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares. */
final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "config/acd.yaml",
      description = "the configuration file (default: ${DEFAULT-VALUE})")
  Path file;

  Path path() {
    return Locations.resolve(file);
  }

  /** Loads and validates the configuration; every problem is in the exception's message. */
  AcdConfig load() throws ConfigException {
    return ConfigLoader.load(path());
  }
}
