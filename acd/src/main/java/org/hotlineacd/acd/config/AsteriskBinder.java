package org.hotlineacd.acd.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hotlineacd.cti.asterisk.AmiServer;
import org.hotlineacd.cti.asterisk.AmiSettings;
import org.hotlineacd.cti.asterisk.Dialplan;

/**
 * Binds the {@code asterisk} section: the AMI servers (the secret only by reference: an
 * environment variable or a file, read when connecting), keep-alive, reconnect backoff, periodic
 * reconciliation and the dialplan contract. Problems are reported like every other section's.
 */
final class AsteriskBinder {
  private static final List<String> KEYS = List.of("servers", "pingInterval", "pingTimeout", "reconnectInitial",
      "reconnectMax", "reconnectJitter", "reconcileEvery", "dialplan");
  private static final List<String> SERVER_KEYS =
      List.of("name", "host", "port", "username", "secretEnv", "secretFile", "secret", "tls");
  private static final List<String> DIALPLAN_KEYS = List.of("lineVariable", "agentContext", "parkContext",
      "routeContext", "consultContext", "dialVariable", "waitApplication", "recordingDirectory", "recordingFormat",
      "originateCallerName");

  private final Problems problems;

  AsteriskBinder(Problems problems) {
    this.problems = problems;
  }

  AmiSettings bind(YamlNode node) {
    AmiSettings d = AmiSettings.defaults(List.of());
    return Fields.of(node, "asterisk", problems, KEYS).map(f -> {
      List<AmiServer> servers = new ArrayList<>();
      Set<String> names = new HashSet<>();
      f.node("servers").flatMap(n -> Values.list(n, "asterisk.servers", problems)).ifPresent(l -> {
        for (int i = 0; i < l.items().size(); i++) {
          server(l.items().get(i), "asterisk.servers[" + i + "]", names).ifPresent(servers::add);
        }
      });
      Duration ping = f.duration("pingInterval", false, d.pingInterval());
      Duration timeout = f.duration("pingTimeout", false, d.pingTimeout());
      Duration initial = f.duration("reconnectInitial", false, d.reconnectInitial());
      Duration max = f.duration("reconnectMax", false, d.reconnectMax());
      if (max.compareTo(initial) < 0) {
        problems.add(f.node("reconnectMax").orElse(f.map()), f.at("reconnectMax"), "reconnectMax must be at least reconnectInitial");
        max = initial;
      }
      int jitterPercent = f.integer("reconnectJitter", "reconnectJitter (percent)", 0, 100, 20);
      Duration reconcile = f.duration("reconcileEvery", true, d.reconcileEvery());
      Dialplan dialplan = f.node("dialplan").map(this::dialplan).orElse(Dialplan.DEFAULT);
      return new AmiSettings(servers, ping, timeout, initial, max, jitterPercent / 100.0, reconcile, dialplan);
    }).orElse(d);
  }

  private Optional<AmiServer> server(YamlNode node, String path, Set<String> names) {
    return Fields.of(node, path, problems, SERVER_KEYS).flatMap(f -> {
      Optional<String> name = f.requiredId("name", "server name");
      Optional<String> host = f.requiredString("host");
      int port = f.integer("port", "port", 1, 65535, 5038);
      Optional<String> user = f.requiredString("username");
      boolean tls = f.bool("tls", false);
      if (f.node("secret").isPresent()) {
        problems.add(f.node("secret").orElseThrow(), f.at("secret"),
            "the AMI secret must not be written in this file; use secretEnv (an environment variable name) or secretFile");
      }
      Optional<String> env = f.string("secretEnv");
      Optional<String> file = f.string("secretFile");
      if (env.isPresent() == file.isPresent()) {
        problems.add(f.map(), path, "give exactly one of secretEnv or secretFile");
      }
      name.ifPresent(n -> {
        if (!names.add(n)) {
          problems.add(f.node("name").orElseThrow(), f.at("name"), "duplicate server name '" + n + "'");
        }
      });
      if (name.isEmpty() || host.isEmpty() || user.isEmpty() || env.isPresent() == file.isPresent()) {
        return Optional.empty();
      }
      Supplier<String> secret = env.isPresent() ? fromEnv(env.get()) : fromFile(Path.of(file.get()));
      String source = env.map(e -> "environment variable " + e).orElseGet(() -> "file " + file.get());
      return Optional.of(new AmiServer(name.get(), host.get(), port, user.get(), secret, source, tls));
    });
  }

  private Dialplan dialplan(YamlNode node) {
    Dialplan d = Dialplan.DEFAULT;
    return Fields.of(node, "asterisk.dialplan", problems, DIALPLAN_KEYS).map(f -> new Dialplan(
        f.string("lineVariable").orElse(d.lineHeader()),
        f.string("agentContext").orElse(d.agentContext()),
        f.string("parkContext").orElse(d.parkContext()),
        f.string("routeContext").orElse(d.routeContext()),
        f.string("consultContext").orElse(d.consultContext()),
        f.string("dialVariable").orElse(d.dialVariable()),
        f.string("waitApplication").orElse(d.waitApplication()),
        f.string("recordingDirectory").orElse(d.recordingDirectory()),
        f.string("recordingFormat").orElse(d.recordingFormat()),
        f.string("originateCallerName").orElse(d.originateCallerName()))).orElse(d);
  }

  private static Supplier<String> fromEnv(String name) {
    return () -> {
      String v = System.getenv(name);
      if (v == null || v.isEmpty()) {
        throw new IllegalStateException("environment variable " + name + " is not set");
      }
      return v;
    };
  }

  private static Supplier<String> fromFile(Path file) {
    return () -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    };
  }
}
