package org.hotlineacd.acd.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ApiToken;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.config.ConfigProblem;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.engine.EngineSnapshot;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.cti.admin.AdminReply;
import org.hotlineacd.cti.admin.AdminReply.Outcome;
import org.hotlineacd.cti.admin.AdminService;
import org.hotlineacd.cti.admin.AgentCommand;
import org.hotlineacd.cti.admin.Caller;
import org.hotlineacd.cti.admin.ConfigSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration of a running centre: the {@link AdminService} behind the admin API, and the
 * reload that the file watcher and SIGHUP trigger.
 *
 * <p>Every change goes the same way: check the caller's version, edit the file's text (API) or read
 * the file (reload), load the result with the ordinary validating loader, let the runtime add what
 * it adds (a simulation's roster) and check it again, then apply it on the engine thread in one
 * step ({@link Engine#reconfigure} and {@code onApply}, through {@link EngineLoop#runOnLoop}), then
 * write the file and the audit entry. A change that fails any check leaves the running
 * configuration and the file as they were and says why.
 *
 * <p>Threading: changes are serialized by chaining them one after the other on {@code executor}
 * (a single admin thread in production); nothing here blocks the engine or a network thread.
 * Reads use the latest applied state, published through a volatile field.
 */
public final class ConfigAdmin implements AdminService {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigAdmin.class);

  private final ConfigFile file;
  private final UnaryOperator<AcdConfig> prepare;
  private final Engine engine;
  private final EngineLoop loop;
  private final Consumer<AcdConfig> onApply;
  private final AuditLog audit;
  private final Clock clock;
  private final Executor executor;
  private volatile Current current;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

  /** What runs now: the file's text and version, the file's configuration, what the engine runs. */
  private record Current(String text, String version, AcdConfig config, AcdConfig running) {}

  /**
   * Administration of the engine behind {@code loop}, which runs {@code running}, loaded from
   * {@code configText} (the file's text at start).
   *
   * @param prepare turns a file configuration into what the engine runs (adds a simulation's
   *     roster, say); throws {@link IllegalArgumentException} naming what does not fit
   * @param onApply more to change on the engine thread with each applied configuration (figure
   *     thresholds, the desktop directory)
   */
  public ConfigAdmin(java.nio.file.Path configFile, String configText, AcdConfig fileConfig, AcdConfig running,
      UnaryOperator<AcdConfig> prepare, Engine engine, EngineLoop loop, Consumer<AcdConfig> onApply,
      java.nio.file.Path auditFile, Clock clock, Executor executor) {
    this.file = new ConfigFile(configFile);
    this.prepare = prepare;
    this.engine = engine;
    this.loop = loop;
    this.onApply = onApply;
    this.audit = new AuditLog(auditFile);
    this.clock = clock;
    this.executor = executor;
    this.current = new Current(configText, ConfigFile.version(configText), fileConfig, running);
  }

  /** The version of the configuration that runs now (the API's ETag). */
  public String version() {
    return current.version;
  }

  /** The file configuration that runs now. */
  public AcdConfig config() {
    return current.config;
  }

  @Override
  public Optional<Caller> authenticate(String bearerToken) {
    return ApiToken.match(current.config.security().apiTokens(), bearerToken)
        .map(t -> new Caller(t.name(), t.role() == ApiToken.Role.ADMIN ? Caller.Role.ADMIN : Caller.Role.WALLBOARD));
  }

  @Override
  public CompletableFuture<AdminReply> snapshot() {
    AtomicReference<EngineSnapshot> snap = new AtomicReference<>();
    String version = current.version;
    return loop.runOnLoop(now -> snap.set(engine.snapshot(now)))
        .thenApply(v -> AdminReply.ok(SnapshotView.of(snap.get()), version));
  }

  @Override
  public CompletableFuture<AdminReply> list(ConfigSection section) {
    Current c = current;
    return CompletableFuture.completedFuture(AdminReply.ok(ConfigViews.items(c.config, section), c.version));
  }

  @Override
  public CompletableFuture<AdminReply> get(ConfigSection section, String id) {
    Current c = current;
    for (Object item : ConfigViews.items(c.config, section)) {
      if (item instanceof Map<?, ?> m && id.equals(m.get("id"))) {
        return CompletableFuture.completedFuture(AdminReply.ok(item, c.version));
      }
    }
    return CompletableFuture.completedFuture(AdminReply.failure(Outcome.NOT_FOUND, "not-found",
        "no " + section.key().substring(0, section.key().length() - 1) + " '" + id + "' in " + section.key(),
        List.of(), c.version));
  }

  @Override
  public CompletableFuture<AdminReply> create(ConfigSection section, Map<String, Object> item, String ifMatch, Caller who) {
    Object id = item.get("id");
    if (!(id instanceof String s) || s.isBlank()) {
      return failed(Outcome.INVALID, "missing-id", "the new item needs an \"id\" (a string)");
    }
    return change(who, "create " + section.key() + "/" + s, ifMatch, c -> {
      Object body = body(section, item, c.config, s, false);
      return ConfigEdit.of(c.text, section, ConfigViews.items(c.config, section)).create(s, body);
    }, section, s, Outcome.CREATED);
  }

  @Override
  public CompletableFuture<AdminReply> update(ConfigSection section, String id, Map<String, Object> item,
      String ifMatch, Caller who) {
    Object bodyId = item.get("id");
    if (bodyId != null && !id.equals(bodyId)) {
      return failed(Outcome.INVALID, "id-mismatch", "the body's id '" + bodyId + "' differs from the URL's '" + id
          + "'; ids cannot be renamed: create the new item and delete the old one");
    }
    return change(who, "update " + section.key() + "/" + id, ifMatch, c -> {
      Object body = body(section, item, c.config, id, true);
      return ConfigEdit.of(c.text, section, ConfigViews.items(c.config, section)).update(id, body);
    }, section, id, Outcome.OK);
  }

  @Override
  public CompletableFuture<AdminReply> delete(ConfigSection section, String id, String ifMatch, Caller who) {
    return change(who, "delete " + section.key() + "/" + id, ifMatch,
        c -> ConfigEdit.of(c.text, section, ConfigViews.items(c.config, section)).delete(id), null, id, Outcome.OK);
  }

  /** The item to write: the body with its id; an agent keeps its secret unless the body names one. */
  private static Object body(ConfigSection section, Map<String, Object> item, AcdConfig config, String id,
      boolean existing) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    item.forEach((k, v) -> {
      if (!k.equals("id")) {
        m.put(k, v);
      }
    });
    if (section == ConfigSection.AGENTS) {
      m.remove("hasSecret");
      if (existing && !item.containsKey("secretHash")) {
        config.agents().stream().filter(a -> a.id().equals(id)).findFirst()
            .map(a -> a.secretHash()).ifPresent(h -> m.put("secretHash", h));
      }
    }
    return m;
  }

  @Override
  public CompletableFuture<AdminReply> forceAgent(String agentId, AgentCommand command, Caller who) {
    AtomicReference<AdminReply> reply = new AtomicReference<>();
    String version = current.version;
    AcdConfig config = current.running;
    return loop.runOnLoop(now -> reply.set(AgentActions.decide(engine.snapshot(now), config, agentId, command, who,
        version, loop::submit))).thenApply(v -> {
          if (reply.get().succeeded()) {
            LOG.info("{} forced agent {}: {}", who.name(), agentId, command);
          }
          return reply.get();
        });
  }

  @Override
  public CompletableFuture<AdminReply> reload(Caller who) {
    return reload(who.name(), "api");
  }

  /** Reads the file again and applies it if it is valid and changed (the watcher and SIGHUP call this). */
  public CompletableFuture<AdminReply> reload(String who, String via) {
    return serial(() -> {
      Current c = current;
      String text;
      try {
        text = file.read();
      } catch (IOException e) {
        return reject(c, who, via, "reload", List.of(file.path() + ": cannot read: " + e.getMessage()),
            Outcome.INVALID, "unreadable");
      }
      String version = ConfigFile.version(text);
      if (version.equals(c.version)) {
        return CompletableFuture.completedFuture(AdminReply.ok(Map.of("changed", false), c.version));
      }
      return validateAndApply(c, text, false, who, via, "reload", null, null, Outcome.OK);
    });
  }

  @Override
  public CompletableFuture<AdminReply> audit(int limit) {
    String version = current.version;
    return CompletableFuture.supplyAsync(() -> AdminReply.ok(audit.latest(limit), version), executor);
  }

  private interface Edit {
    String apply(Current c);
  }

  private CompletableFuture<AdminReply> change(Caller who, String action, String ifMatch, Edit edit,
      ConfigSection section, String id, Outcome success) {
    return serial(() -> {
      Current c = current;
      if (ifMatch == null || ifMatch.isBlank()) {
        return done(AdminReply.failure(Outcome.VERSION_REQUIRED, "version-required",
            "send If-Match with the ETag of your last read (or *) so a change made meanwhile is not overwritten",
            List.of(), c.version));
      }
      if (!ifMatch.equals("*") && !ifMatch.equals(c.version)) {
        return done(AdminReply.failure(Outcome.VERSION_MISMATCH, "version-mismatch", "the configuration is at version "
            + c.version + ", not " + ifMatch + ": someone changed it since you read it; read it again", List.of(), c.version));
      }
      String onDisk;
      try {
        onDisk = file.read();
      } catch (IOException e) {
        return done(AdminReply.failure(Outcome.CONFLICT, "file-unreadable", "cannot read " + file.path() + ": "
            + e.getMessage(), List.of(), c.version));
      }
      if (!ConfigFile.version(onDisk).equals(c.version)) {
        return done(AdminReply.failure(Outcome.CONFLICT, "file-changed", file.path() + " was changed on disk since it "
            + "was loaded; reload it (POST /api/reload) or wait for the file watcher, then try again", List.of(), c.version));
      }
      String text;
      try {
        text = edit.apply(c);
      } catch (AdminFailure f) {
        return done(f.reply(c.version));
      }
      return validateAndApply(c, text, true, who.name(), "api", action, section, id, success);
    });
  }

  private CompletableFuture<AdminReply> validateAndApply(Current c, String text, boolean write, String who, String via,
      String action, ConfigSection section, String id, Outcome success) {
    AcdConfig next;
    try {
      next = ConfigLoader.parse(text, write ? file.path() + " (as this change would leave it)" : file.path().toString());
    } catch (ConfigException e) {
      return reject(c, who, via, action, e.problems().stream().map(ConfigProblem::toString).toList(),
          Outcome.INVALID, "invalid");
    }
    AcdConfig running;
    try {
      running = prepare.apply(next);
    } catch (IllegalArgumentException e) {
      return reject(c, who, via, action, List.of(String.valueOf(e.getMessage())), Outcome.INVALID, "invalid");
    }
    Current after = new Current(text, ConfigFile.version(text), next, running);
    if (running.equals(c.running) && next.equals(c.config) && !write) {
      current = after; // only comments or layout changed
      return done(AdminReply.ok(Map.of("changed", false), after.version));
    }
    if (write) {
      file.write(text, c.text);
    }
    return loop.runOnLoop(now -> {
      engine.reconfigure(running, now);
      onApply.accept(running);
    }).handleAsync((v, failure) -> {
      if (failure != null) {
        if (write) {
          file.write(c.text, text); // put the file back as it was: it must describe what runs
        }
        LOG.error("the engine failed to apply {} by {}", action, who, failure);
        return AdminReply.failure(Outcome.CONFLICT, "apply-failed", "the engine could not apply the change: "
            + rootMessage(failure), List.of(), c.version);
      }
      current = after;
      List<String> summary = ConfigDiff.summary(c.config, next);
      audit.append(new AuditLog.Entry(Instant.now(clock), who, via, action, true, c.version, after.version, summary,
          ConfigDiff.text(c.text, text), List.of()));
      LOG.info("configuration {} by {} via {} applied (version {} -> {}): {}", action, who, via, c.version,
          after.version, summary);
      Object body = section == null || id == null ? Map.of("changed", true, "summary", summary)
          : find(ConfigViews.items(next, section), id);
      return new AdminReply(success, body, after.version);
    }, executor);
  }

  private CompletableFuture<AdminReply> reject(Current c, String who, String via, String action, List<String> problems,
      Outcome outcome, String code) {
    LOG.warn("configuration {} by {} via {} refused; the running configuration stays:\n  {}", action, who, via,
        String.join("\n  ", problems));
    try {
      audit.append(new AuditLog.Entry(Instant.now(clock), who, via, action, false, c.version, c.version, List.of(),
          null, problems));
    } catch (RuntimeException e) {
      LOG.error("cannot audit a refused change", e);
    }
    return done(AdminReply.failure(outcome, code, "the change was refused; the running configuration is unchanged",
        problems, c.version));
  }

  private static Object find(List<Object> items, String id) {
    for (Object o : items) {
      if (o instanceof Map<?, ?> m && id.equals(m.get("id"))) {
        return o;
      }
    }
    return Map.of("deleted", id);
  }

  private static String rootMessage(Throwable t) {
    Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return String.valueOf(e.getMessage());
  }

  /** Runs {@code op} after every change asked before it has finished. */
  private synchronized CompletableFuture<AdminReply> serial(Supplier<CompletableFuture<AdminReply>> op) {
    CompletableFuture<AdminReply> next = tail.handle((v, e) -> null)
        .thenComposeAsync(v -> {
          try {
            return op.get();
          } catch (RuntimeException e) {
            LOG.error("admin operation failed", e);
            return CompletableFuture.failedFuture(e);
          }
        }, executor);
    tail = next;
    return next;
  }

  private static CompletableFuture<AdminReply> done(AdminReply r) {
    return CompletableFuture.completedFuture(r);
  }

  private CompletableFuture<AdminReply> failed(Outcome outcome, String code, String message) {
    return done(AdminReply.failure(outcome, code, message, new ArrayList<>(), current.version));
  }
}
