package org.hotlineacd.acd.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds the {@code storage} and {@code caseSystem} sections (see {@link ConfigBinder}). */
final class StoreBinder {
  static final List<String> STORAGE_KEYS =
      List.of("kind", "path", "url", "user", "passwordEnv", "passwordFile", "bufferEvents", "batchMax");
  static final List<String> CASE_KEYS =
      List.of("url", "secretEnv", "secretFile", "timeout", "retryInitial", "retryMax", "deadAfter");
  private static final List<String> KINDS = List.of("sqlite", "postgresql");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Problems problems;

  StoreBinder(Problems problems) {
    this.problems = problems;
  }

  StorageConfig storage(YamlNode node) {
    return Fields.of(node, "storage", problems, STORAGE_KEYS).map(f -> {
      StorageConfig d = StorageConfig.DEFAULT;
      StorageConfig.Kind kind = f.string("kind").flatMap(k -> kind(f, k)).orElse(d.kind());
      Path path = f.string("path").flatMap(p -> path(f, "path", p)).orElse(StorageConfig.DEFAULT_PATH);
      Optional<String> url = f.string("url").filter(u -> {
        if (u.startsWith("jdbc:postgresql:")) {
          return true;
        }
        problems.add(f.node("url").orElseThrow(), f.at("url"),
            "url must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example:5432/acd, was '" + u + "'");
        return false;
      });
      int buffer = f.integer("bufferEvents", "bufferEvents", 1, 10_000_000, d.bufferEvents());
      int batch = f.integer("batchMax", "batchMax", 1, 100_000, d.batchMax());
      Optional<SecretRef> password = secret(f, "passwordEnv", "passwordFile", false);
      if (kind == StorageConfig.Kind.POSTGRESQL) {
        if (url.isEmpty()) {
          if (f.node("url").isEmpty()) {
            problems.add(f.map(), f.path(), "kind postgresql needs a 'url' (jdbc:postgresql://host:5432/database)");
          }
          return d;
        }
        return new StorageConfig(kind, null, url.get(), f.string("user").orElse(null), password.orElse(null), buffer, batch);
      }
      for (String key : List.of("url", "user", "passwordEnv", "passwordFile")) {
        f.node(key).ifPresent(n -> problems.add(n, f.at(key), "'" + key + "' is for kind postgresql; kind is sqlite"));
      }
      return new StorageConfig(kind, path, null, null, null, buffer, batch);
    }).orElse(StorageConfig.DEFAULT);
  }

  Optional<CaseSystemConfig> caseSystem(YamlNode node) {
    return Fields.of(node, "caseSystem", problems, CASE_KEYS).flatMap(f -> {
      Optional<URI> url = f.requiredString("url").flatMap(u -> uri(f, u));
      Optional<SecretRef> secret = secret(f, "secretEnv", "secretFile", true);
      Duration timeout = f.duration("timeout", false, CaseSystemConfig.DEFAULT_TIMEOUT);
      Duration initial = f.duration("retryInitial", false, CaseSystemConfig.DEFAULT_RETRY_INITIAL);
      Duration max = f.duration("retryMax", false, CaseSystemConfig.DEFAULT_RETRY_MAX);
      Duration dead = f.duration("deadAfter", false, CaseSystemConfig.DEFAULT_DEAD_AFTER);
      if (max.compareTo(initial) < 0) {
        problems.add(f.node("retryMax").orElse(f.map()), f.at("retryMax"),
            "retryMax (" + Durations.format(max) + ") must be at least retryInitial (" + Durations.format(initial) + ")");
        return Optional.empty();
      }
      if (url.isEmpty() || secret.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new CaseSystemConfig(url.get(), secret.get(), timeout, initial, max, dead));
    });
  }

  private Optional<StorageConfig.Kind> kind(Fields f, String text) {
    int i = KINDS.indexOf(text);
    if (i < 0) {
      problems.add(f.node("kind").orElseThrow(), f.at("kind"), Suggest.unknown("storage kind", text, KINDS, "one of"));
      return Optional.empty();
    }
    return Optional.of(StorageConfig.Kind.values()[i]);
  }

  private Optional<Path> path(Fields f, String key, String text) {
    try {
      if (!text.isBlank()) {
        return Optional.of(Path.of(text));
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    problems.add(f.node(key).orElseThrow(), f.at(key), "not a usable file path: '" + text + "'");
    return Optional.empty();
  }

  private Optional<URI> uri(Fields f, String text) {
    YamlNode n = f.node("url").orElseThrow();
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(n, f.at("url"), "url must be an http or https URL with a host, e.g. https://cases.example/hooks/acd, was '" + text + "'");
    return Optional.empty();
  }

  /** A secret from exactly one of an environment variable or a file. */
  private Optional<SecretRef> secret(Fields f, String envKey, String fileKey, boolean required) {
    Optional<String> env = f.string(envKey).filter(e -> {
      if (ENV_NAME.matcher(e).matches()) {
        return true;
      }
      problems.add(f.node(envKey).orElseThrow(), f.at(envKey),
          "not an environment variable name: '" + e + "' (letters, digits and '_'; the secret itself never goes in this file)");
      return false;
    });
    Optional<Path> file = f.string(fileKey).flatMap(p -> path(f, fileKey, p));
    if (env.isPresent() && file.isPresent()) {
      problems.add(f.node(fileKey).orElseThrow(), f.at(fileKey), "give either '" + envKey + "' or '" + fileKey + "', not both");
      return Optional.empty();
    }
    if (env.isEmpty() && file.isEmpty()) {
      if (required && f.node(envKey).isEmpty() && f.node(fileKey).isEmpty()) {
        problems.add(f.map(), f.path(), "missing the shared secret: give '" + envKey
            + "' (an environment variable holding it) or '" + fileKey + "' (a file holding it)");
      }
      return Optional.empty();
    }
    return Optional.of(new SecretRef(env.orElse(null), file.orElse(null)));
  }
}
