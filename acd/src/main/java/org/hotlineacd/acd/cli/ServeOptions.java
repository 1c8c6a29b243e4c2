package org.hotlineacd.acd.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotlineacd.acd.app.NetworkEdge;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.bridge.server.BridgeSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What the serving commands ({@code demo}, {@code run}) share on the command line: {@code --port}, and stopping on Ctrl-C. */
final class ServeOptions {
  @Option(names = "--port", paramLabel = "N",
      description = "serve the agent page and /health on this port instead of server.port (0: any free port)")
  Integer port;

  /** The server's settings from the configuration, with {@code --port} if given. */
  BridgeSettings edge(CommandSpec spec, AcdConfig config) {
    BridgeSettings edge = NetworkEdge.settings(config);
    if (port == null) {
      return edge;
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0-65535, was " + port);
    }
    return new BridgeSettings(edge.bind(), port, edge.tls(), edge.sessions());
  }

  /**
   * Installs a shutdown hook that counts {@code stopped} down, then lets the main thread flush the
   * records and close the server (until it counts {@code cleanedUp} down, at most 15 s) before the
   * JVM exits.
   */
  static Thread stopHook(CountDownLatch stopped, CountDownLatch cleanedUp, String name) {
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        cleanedUp.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }
}
