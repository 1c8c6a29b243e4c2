package org.hotlineacd.acd.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigException;
import org.hotlineacd.acd.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates a configuration file and prints every problem at once. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Validate a configuration file; print every problem with file:line:column and path.")
final class CheckConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "config/acd.yaml",
      description = "the file to check (default: ${DEFAULT-VALUE})")
  Path file;

  @Override
  public Integer call() {
    Path path = Locations.resolve(file);
    try {
      AcdConfig c = ConfigLoader.load(path);
      spec.commandLine().getOut().printf("%s: OK (%d lines, %d queues, %d agents, %d skills)%n",
          path, c.lines().size(), c.queues().size(), c.agents().size(), c.skills().size());
      return 0;
    } catch (ConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().printf("%s: %d problem(s)%n", path, e.problems().size());
      return Main.FAILED;
    }
  }
}
