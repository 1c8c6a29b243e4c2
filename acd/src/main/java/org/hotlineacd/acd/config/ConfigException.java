package org.hotlineacd.acd.config;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used, with every problem found in it (the loader never stops at
 * the first).
 */
public final class ConfigException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Not serialized state: an unmodifiable list of records. */
  @SuppressWarnings("serial")
  private final List<ConfigProblem> problems;

  /** An exception for these problems; there must be at least one. */
  public ConfigException(List<ConfigProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in file order. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String format(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }
}
