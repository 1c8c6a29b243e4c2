package org.hotlineacd.acd.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.hotlineacd.bridge.auth.SecretHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Hashes an agent's desktop secret for {@code agents[].secretHash}. The secret is read from the
 * terminal without echo, or from standard input (one line) when there is no terminal; never from
 * the command line, where it would land in the shell history.
 */
@Command(name = "hash-secret", mixinStandardHelpOptions = true,
    description = {"Hash an agent's desktop secret for agents[].secretHash in acd.yaml (PBKDF2-HMAC-SHA256, salted).",
        "Reads the secret from the terminal (twice, no echo) or one line from standard input."})
final class HashSecretCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + SecretHash.DEFAULT_ITERATIONS,
      description = "PBKDF2 iterations (default: ${DEFAULT-VALUE}; lower only for tests)")
  int iterations;

  @Override
  public Integer call() throws IOException {
    if (iterations < SecretHash.MIN_ITERATIONS) {
      throw new ParameterException(spec.commandLine(), "--iterations must be at least " + SecretHash.MIN_ITERATIONS);
    }
    char[] secret = read();
    try {
      if (secret.length < 8) {
        spec.commandLine().getErr().println("acd hash-secret: the secret must have at least 8 characters");
        return Main.FAILED;
      }
      spec.commandLine().getOut().println(SecretHash.hash(secret, iterations));
      return 0;
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private char[] read() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("secret: ");
      char[] again = console.readPassword("again: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        throw new IllegalArgumentException("the two entries differ");
      }
      Arrays.fill(again, '\0');
      return first;
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? new char[0] : line.toCharArray();
  }
}
