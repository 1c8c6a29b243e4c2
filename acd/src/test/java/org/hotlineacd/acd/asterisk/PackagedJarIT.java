package org.hotlineacd.acd.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.hotlineacd.cti.amireplay.AmiReplayServer;
import org.hotlineacd.cti.amireplay.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server (target/hotline-acd.jar, not the test classpath) serves a recorded call end
 * to end: Asterisk-Java must find its event classes inside the shaded jar (it registers them by
 * class name), or no OriginateResponse reaches the engine and no Bridge is ever sent.
 */
class PackagedJarIT {
  @Test
  void runCommandInTheShadedJar_connectsToTheReplayServer_andBridgesTheRecordedCall(@TempDir Path dir) throws Exception {
    Path jar = Path.of("target/hotline-acd.jar");
    assertThat(jar).exists();
    List<Transcript> scenario = AmiReplayServer.scenario(AmiScenario.TRANSCRIPTS.resolve("02-caller-hangs-up"));
    Transcript prelude = Transcript.read(AmiScenario.TRANSCRIPTS.resolve("00-asterisk-java-style-login"), 1);
    try (AmiReplayServer server = new AmiReplayServer(scenario, prelude)) {
      Path secret = dir.resolve("ami.secret");
      Files.writeString(secret, "acdsecret\n");
      Path config = dir.resolve("acd.yaml");
      Files.writeString(config, """
          skills: [general]
          lines:
            - {id: support, queue: support}
          queues:
            - {id: support, skills: {general: 1}, strategy: longest-idle, ringTimeout: 15s, wrapUp: 0s}
          agents:
            - {id: a1001, endpoint: PJSIP/agent1001, skills: {general: 1}}
          asterisk:
            servers:
              - {name: pbx1, host: 127.0.0.1, port: %d, username: acd, secretFile: "%s"}
          """.formatted(server.port(), secret.toString().replace("\\", "/")), StandardCharsets.UTF_8);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(java, "-jar", jar.toString(), "run", "--config", config.toString(), "--port", "0", "--db", dir.resolve("records.db").toString(),
          "--ready-agents", "--duration", "20s", "--every", "1s")
          .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
      try {
        String bridge = server.awaitAction("Bridge", 30_000);
        assertThat(bridge).as("Bridge sent by the packaged jar; output:%n%s", read(dir.resolve("out.txt").toFile()))
            .isNotNull().contains("PJSIP/caller1-00000000").contains("PJSIP/agent1001-00000001");
        // ... and follows the recorded call to its end: the caller hangs up, the call leaves the ACD
        // answered, and the agent is ready again (wrap-up 0), as the status lines show.
        Pattern ended = Pattern.compile("calls in the ACD: 0\\R(?:.*\\R)*?centre\\s+0\\s+\\S+\\s+\\|\\s+1\\s+1\\s+0\\s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ended.matcher(read(dir.resolve("out.txt").toFile())).find() && System.nanoTime() < deadline
            && p.isAlive()) {
          p.waitFor(200, TimeUnit.MILLISECONDS); // polls the output file; returns early if the process exits
        }
        assertThat(ended.matcher(read(dir.resolve("out.txt").toFile())).find())
            .as("the call served end to end; output:%n%s", read(dir.resolve("out.txt").toFile())).isTrue();
      } finally {
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
        p.destroyForcibly();
      }
      assertThat(read(dir.resolve("out.txt").toFile())).contains("hotline-acd run: 1 Asterisk server(s)");
    }
  }

  private static String read(File f) throws java.io.IOException {
    return Files.readString(f.toPath(), StandardCharsets.UTF_8);
  }
}
