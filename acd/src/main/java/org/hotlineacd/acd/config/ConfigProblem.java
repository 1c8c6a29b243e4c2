package org.hotlineacd.acd.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file, with where it is.
 *
 * <p>{@link #toString()} reads like a compiler message, e.g. {@code config/acd.yaml:42:7:
 * queues[2].strategy: unknown strategy 'longest_idle'; did you mean 'longest-idle'? (one of ...)}.
 *
 * @param file the file as it was named to the loader
 * @param line 1-based line, or 0 when the problem has no position (e.g. the file is missing)
 * @param column 1-based column, or 0 when the problem has no position
 * @param path where in the configuration, e.g. {@code queues[2].strategy}; empty for the whole file
 * @param message what is wrong, and where possible how to fix it
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {
  /** Validates. */
  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    path = path == null ? "" : path;
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  /** {@code file:line:column: path: message}, leaving out the position or path when there is none. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line).append(':').append(column);
    }
    s.append(": ");
    if (!path.isEmpty()) {
      s.append(path).append(": ");
    }
    return s.append(message).toString();
  }
}
