package org.hotlineacd.acd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code acd} command line, started by {@code bin/acd}. Exit codes: 0 success, 2 bad usage
 * (unknown command or option, bad option value), 1 any other error (a bad configuration file, a
 * failed run).
 */
@Command(
    name = "acd",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "hotline-acd: an automatic call distributor for Asterisk.",
    subcommands = {DemoCommand.class, RunCommand.class, SimulateCommand.class, CheckConfigCommand.class,
        ReportCommand.class, CasesCommand.class, CallbacksCommand.class, HashSecretCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit code of a run that failed for a reason other than usage. */
  public static final int FAILED = 1;
  /** Exit code of a command line that could not be understood. */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (tests call this). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
    cli.setExecutionExceptionHandler((e, line, parse) -> {
      line.getErr().println("acd " + line.getCommandName() + ": " + message(e));
      return FAILED;
    });
    return cli.execute(args);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public void run() {
    spec.commandLine().getErr().println("acd: name a command");
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
  }

  /** The version from the jar's manifest, or "development". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"hotline-acd " + (v == null ? "development" : v)};
    }
  }
}
