package org.hotlineacd.acd.admin;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configuration file's directory and reloads when the file changes. Editors save in
 * several steps (truncate and write, or write a copy and rename it over), so events are gathered
 * until the directory has been quiet for {@code settle} before one reload; a reload of a text that
 * did not change is a no-op, so the file the admin API writes does not count twice.
 *
 * <p>Threading: one daemon thread ({@code acd-config-watch}) that only waits and asks for reloads.
 */
public final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path file;
  private final Runnable reload;
  private final Duration settle;
  private final WatchService watch;
  private final Thread thread;

  private ConfigWatcher(Path file, Runnable reload, Duration settle) throws IOException {
    this.file = file.toAbsolutePath().normalize();
    this.reload = reload;
    this.settle = settle;
    this.watch = FileSystems.getDefault().newWatchService();
    this.file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    this.thread = new Thread(this::run, "acd-config-watch");
    thread.setDaemon(true);
  }

  /** Starts watching {@code file}; {@code reload} is called after each settled change. */
  public static ConfigWatcher start(Path file, Duration settle, Runnable reload) throws IOException {
    ConfigWatcher w = new ConfigWatcher(file, reload, settle);
    w.thread.start();
    LOG.info("watching {} for changes", w.file);
    return w;
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watch.take();
        boolean ours = drain(key);
        // let the editor finish: wait until nothing more happens for `settle`
        WatchKey more;
        while ((more = watch.poll(settle.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          ours |= drain(more);
        }
        if (ours) {
          try {
            reload.run();
          } catch (RuntimeException e) {
            LOG.error("reload after a file change failed", e);
          }
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop
    }
  }

  private boolean drain(WatchKey key) {
    boolean ours = false;
    for (WatchEvent<?> e : key.pollEvents()) {
      if (e.context() instanceof Path p && file.getFileName().equals(p)) {
        ours = true;
      } else if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
        ours = true;
      }
    }
    key.reset();
    return ours;
  }

  @Override
  public void close() {
    try {
      watch.close();
    } catch (IOException e) {
      LOG.debug("closing the watch service: {}", e.toString());
    }
    thread.interrupt();
  }
}
