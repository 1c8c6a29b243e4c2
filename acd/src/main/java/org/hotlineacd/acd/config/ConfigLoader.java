package org.hotlineacd.acd.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the YAML configuration file ({@code config/acd.yaml}; the fields are described in {@code
 * docs/configuration.md}) into a validated {@link AcdConfig}.
 *
 * <p>One pass collects every problem (syntax, unknown keys, wrong types, ranges, missing fields,
 * cross-references such as unknown queues or overflow loops), each with its line and column, and
 * the loader throws once at the end with all of them. A problem never stops the rest of the file
 * from being checked: the value in question is replaced by its default and reading goes on.
 *
 * <p>Stateless and thread-safe; it is meant to be called at start and on reload, off the engine
 * thread.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Loads and validates a configuration file (UTF-8).
   *
   * @throws ConfigException listing every problem, when the file is missing, empty or wrong
   */
  public static AcdConfig load(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw single(name, "file not found");
    } catch (CharacterCodingException e) {
      throw single(name, "file is not valid UTF-8 text");
    } catch (IOException e) {
      throw single(name, "cannot read file: " + e);
    }
    return parse(text, name);
  }

  /**
   * Parses and validates configuration text, e.g. a body sent to the admin API.
   *
   * @param fileName the name problems are reported under
   * @throws ConfigException listing every problem
   */
  public static AcdConfig parse(String yaml, String fileName) throws ConfigException {
    Problems problems = new Problems(fileName);
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    Optional<YamlNode> root = YamlTreeReader.read(text, problems);
    if (root.isEmpty() && problems.isEmpty()) {
      throw single(fileName, "the file is empty; it needs at least a 'queues' section (see docs/configuration.md)");
    }
    Optional<AcdConfig> config = Optional.empty();
    if (root.isPresent()) {
      ConfigBinder binder = new ConfigBinder(problems);
      config = binder.bind(root.get());
      config.ifPresent(c -> new ReferenceProblems(root.get(), binder.yamlIndices(), problems)
          .report(c.checkReferences().stream().filter(p -> !binder.repeatsBrokenCalendar(p)).toList()));
    }
    if (!problems.isEmpty() || config.isEmpty()) {
      throw new ConfigException(problems.sorted());
    }
    return config.get();
  }

  private static ConfigException single(String file, String message) {
    return new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", message)));
  }
}
