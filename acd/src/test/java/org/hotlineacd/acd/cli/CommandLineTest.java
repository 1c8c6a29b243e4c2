package org.hotlineacd.acd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, errors that name file, line and path. */
class CommandLineTest {
  private static final String SAMPLE = "../config/acd.yaml";
  private static final String DEMO = "../config/profiles/demo.yaml";

  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private static final String VALID = """
      settings: {timeZone: Asia/Shanghai}
      skills: [general, policy]
      notReadyReasons: [break]
      lines:
        - {id: "12345", queue: general, priority: 10}
      queues:
        - id: general
          skills: {general: 1}
          strategy: longest-idle
        - id: policy
          skills: {policy: 5}
          strategy: best-skill
      """;

  @Test
  void help_exitsZeroAndListsTheCommands() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("demo", "simulate", "check-config");
    for (String cmd : new String[] {"demo", "simulate", "check-config"}) {
      assertThat(run(cmd, "--help").code()).as(cmd).isZero();
    }
  }

  @Test
  void noCommand_unknownCommand_unknownOption_badValue_exitTwo() {
    assertThat(run().code()).isEqualTo(Main.USAGE);
    assertThat(run("dance").code()).isEqualTo(Main.USAGE);
    assertThat(run("simulate", "--frobnicate").code()).isEqualTo(Main.USAGE);
    Result bad = run("simulate", "--duration", "banana");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("'banana' is not a duration");
    assertThat(run("demo", "--speed", "0", "--config", SAMPLE).code()).isEqualTo(Main.USAGE);
  }

  @Test
  void demoWallboardAddress_onTheShippedSample_carriesTheDemoToken_thatTheBoardAccepts() throws Exception {
    org.hotlineacd.acd.config.AcdConfig sample = org.hotlineacd.acd.config.ConfigLoader.load(Path.of(SAMPLE));
    assertThat(DemoCommand.wallboardQuery(sample)).isEqualTo("?token=demo-wallboard-token");
    var board = new org.hotlineacd.acd.app.ApiWallboardTokens(() -> sample.security().apiTokens());
    assertThat(board.required()).isTrue();
    assertThat(board.accepts("demo-wallboard-token")).isTrue();
    assertThat(board.accepts("demo-admin-token")).as("admins read the board too").isTrue();
    assertThat(board.accepts("lobby-tv")).isFalse();
    org.hotlineacd.acd.config.AcdConfig open = org.hotlineacd.acd.config.ConfigLoader.parse(VALID, "open.yaml");
    assertThat(DemoCommand.wallboardQuery(open)).as("no API token: an open board").isEmpty();
  }

  @Test
  void checkConfig_onTheShippedSample_isOk() {
    Result r = run("check-config", SAMPLE);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("OK");
  }

  @Test
  void badConfig_everyProblemNamedWithFileLineAndPath_andNothingStarts() throws IOException {
    Path bad = write("bad.yaml", """
        skills: [general]
        lines:
          - {id: "12345", queue: general}
        queues:
          - id: general
            skills: {general: 11}
            strategy: longest_idle
            overflow: {kind: queue, target: nowhere}
          - id: a
            skills: {general: 1}
            strategy: round-robin
            overflow: {kind: queue, target: b}
          - id: b
            skills: {general: 1}
            strategy: round-robin
            overflow: {kind: queue, target: a}
        """);
    Result check = run("check-config", bad.toString());
    assertThat(check.code()).isEqualTo(Main.FAILED);
    assertThat(check.err())
        .contains(bad + ":6:")
        .contains("queues[0].skills.general")
        .contains("queues[0].strategy: unknown strategy 'longest_idle'; did you mean 'longest-idle'?")
        .contains("queues[0].overflow.target: unknown queue 'nowhere'")
        .contains("overflow loop");
    Result sim = run("simulate", "--config", bad.toString(), "--profile", DEMO, "--duration", "1m");
    assertThat(sim.code()).isEqualTo(Main.FAILED);
    assertThat(sim.err()).contains("unknown strategy 'longest_idle'");
    assertThat(sim.out()).doesNotContain("simulated");
  }

  @Test
  void missingConfigFile_isAClearError() {
    Result r = run("simulate", "--config", dir.resolve("nope.yaml").toString(), "--profile", DEMO);
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err()).contains("nope.yaml");
  }

  @Test
  void profileThatDoesNotFitTheConfig_namesWhatIsMissing() throws IOException {
    Path config = write("small.yaml", VALID);
    Result r = run("simulate", "--config", config.toString(), "--profile", DEMO, "--duration", "1m");
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err()).contains("demo.yaml").contains("12345-enterprise");
  }

  @Test
  void simulate_runsTheEngineOnVirtualTime_andPrintsTheFigures() {
    Result r = run("simulate", "--config", SAMPLE, "--profile", DEMO, "--duration", "30m", "--seed", "7");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("人工接听话务量", "30 秒人工接通率", "general", "enterprise", "Asia/Shanghai");
    Result again = run("simulate", "--config", SAMPLE, "--profile", DEMO, "--duration", "30m", "--seed", "7");
    assertThat(figuresOf(again.out())).isEqualTo(figuresOf(r.out()));
  }

  /** The output without the wall-clock line, which differs from run to run. */
  private static String figuresOf(String out) {
    return out.lines().filter(l -> !l.startsWith("engine:")).reduce("", (a, b) -> a + b + "\n");
  }
}
