package org.hotlineacd.acd.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import org.hotlineacd.acd.admin.ConfigAdmin;
import org.hotlineacd.acd.admin.ConfigWatcher;
import org.hotlineacd.acd.admin.SignalReload;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.engine.Engine;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.loop.EngineLoop;
import org.hotlineacd.bridge.BridgeServer;
import org.hotlineacd.bridge.admin.AdminApiRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that changes a running centre's configuration, wired once for {@code demo} and {@code
 * run}: the {@link ConfigAdmin} (validation, atomic apply, write-back, audit in {@code
 * data/audit.jsonl}), the admin API route, the file watcher and SIGHUP.
 *
 * <p>Use: {@link #create} before the bridge is built, {@link #attach} the route to the bridge
 * builder, give {@link #directory()} to the bridge, then {@link #startTriggers()} once the loop
 * runs, and {@link #close()} at the end.
 */
public final class Administration implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Administration.class);

  private final ConfigAdmin admin;
  private final ReloadableAgentDirectory directory;
  private final ExecutorService executor;
  private final Path configFile;
  private ConfigWatcher watcher;

  private Administration(ConfigAdmin admin, ReloadableAgentDirectory directory, ExecutorService executor, Path configFile) {
    this.admin = admin;
    this.directory = directory;
    this.executor = executor;
    this.configFile = configFile;
  }

  /**
   * Administration of the engine behind {@code loop}.
   *
   * @param configFile the file the configuration was loaded from (the API writes back to it)
   * @param running what the engine runs now ({@code prepare} of the file's configuration)
   * @param prepare what the runtime adds to a file configuration (a simulation's roster), or the
   *     identity; throws {@link IllegalArgumentException} when a configuration does not fit
   * @param dataDir where {@code audit.jsonl} is kept
   */
  public static Administration create(Path configFile, AcdConfig running, UnaryOperator<AcdConfig> prepare,
      Engine engine, EngineLoop loop, FigureBook figures, Path dataDir) throws IOException, ConfigException {
    String text = Files.readString(configFile, StandardCharsets.UTF_8);
    AcdConfig fileConfig = ConfigLoader.parse(text, configFile.toString());
    ReloadableAgentDirectory directory = new ReloadableAgentDirectory(running);
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "acd-admin");
      t.setDaemon(true);
      return t;
    });
    ConfigAdmin admin = new ConfigAdmin(configFile, text, fileConfig, running, prepare, engine, loop, c -> {
      figures.reconfigure(FigureBook.thresholdsOf(c));
      directory.set(c);
    }, dataDir.resolve("audit.jsonl"), Clock.systemUTC(), executor);
    return new Administration(admin, directory, executor, configFile);
  }

  /** The service behind the admin API. */
  public ConfigAdmin admin() {
    return admin;
  }

  /** The agent directory to give the bridge: it follows reloads. */
  public ReloadableAgentDirectory directory() {
    return directory;
  }

  /** Adds the admin API ({@code /api/*}) to a bridge. */
  public BridgeServer.Builder attach(BridgeServer.Builder bridge) {
    return bridge.route(AdminApiRoute.PATH, new AdminApiRoute(admin));
  }

  /** Starts the file watcher and the SIGHUP handler (each reload is validated and audited). */
  public void startTriggers() {
    try {
      watcher = ConfigWatcher.start(configFile, Duration.ofMillis(300), () -> admin.reload("file", "file"));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot watch {} ({}); reload with SIGHUP or POST /api/reload", configFile, e.toString());
    }
    SignalReload.install(() -> admin.reload("SIGHUP", "signal"));
  }

  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    executor.shutdown();
  }
}
