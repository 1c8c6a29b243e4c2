package org.hotlineacd.acd.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the command line finds its files: relative to the working directory first, then to the
 * installation ({@code -Dacd.home}, set by {@code bin/acd}), so the defaults work from anywhere.
 */
final class Locations {
  private Locations() {}

  static Path home() {
    String home = System.getProperty("acd.home");
    return home == null ? Path.of(".") : Path.of(home);
  }

  /** A file as given, or, when it does not exist relative to here, the same path under the home. */
  static Path resolve(Path given) {
    if (given.isAbsolute() || Files.exists(given)) {
      return given;
    }
    Path underHome = home().resolve(given);
    return Files.exists(underHome) ? underHome : given;
  }

  /** A profile by file path or by name ({@code demo} means {@code config/profiles/demo.yaml}). */
  static Path profile(String nameOrPath) {
    Path given = Path.of(nameOrPath);
    Path resolved = resolve(given);
    if (Files.exists(resolved)) {
      return resolved;
    }
    return resolve(Path.of("config", "profiles", nameOrPath + ".yaml"));
  }
}
