package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a valid file turns into: duration forms, defaults, optional sections. */
class ConfigValuesTest {
  @TempDir Path dir;

  private AcdConfig load(String yaml) throws IOException, ConfigException {
    Path file = dir.resolve("acd.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file);
  }

  @ParameterizedTest
  @CsvSource({
      "30s, PT30S",
      "2m, PT2M",
      "1h30m, PT1H30M",
      "1m30s, PT1M30S",
      "500ms, PT0.5S",
      "PT30S, PT30S",
      "PT1M, PT1M",
      "45, PT45S",
      "1.5, PT1.5S",
      "'\"20\"', PT20S"})
  void durations_acceptEveryDocumentedForm(String written, String expected) throws Exception {
    AcdConfig config = load("queues:\n  - id: a\n    wrapUp: " + written + "\n");
    assertThat(config.queues().getFirst().wrapUp()).isEqualTo(Duration.parse(expected));
  }

  @Test
  void queue_withOnlyAnId_getsTheDefaultsAnAdminExpects() throws Exception {
    QueueConfig q = load("queues:\n  - id: a\n").queues().getFirst();

    assertThat(q.name()).isEqualTo("a");
    assertThat(q.strategy()).isEqualTo(Strategy.LONGEST_IDLE);
    assertThat(q.ringTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(q.wrapUp()).isZero();
    assertThat(q.thresholds()).isEqualTo(new Thresholds(
        Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(600), ServiceLevelFormula.OFFERED));
    assertThat(q.joinWhenEmpty()).isTrue();
    assertThat(q.leaveWhenEmpty()).isFalse();
    assertThat(q.maxWait()).isNull();
    assertThat(q.maxLength()).isZero();
    assertThat(q.overflow()).isNull();
    assertThat(q.relaxation()).isEmpty();
    assertThat(q.announceEvery()).isNull();
  }

  @Test
  void minimalFile_getsDefaultSettingsAndServer() throws Exception {
    AcdConfig config = load("queues: [{id: a}]\n");

    assertThat(config.settings()).isEqualTo(EngineSettings.DEFAULT);
    assertThat(config.server()).isEqualTo(ServerSettings.DEFAULT);
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().bind()).isEqualTo("127.0.0.1");
  }

  @Test
  void partialThresholds_keepTheOtherDefaults() throws Exception {
    Thresholds t = load("queues:\n  - id: a\n    thresholds: {shortAbandon: 5s, formula: abandons-on-time}\n")
        .queues().getFirst().thresholds();

    assertThat(t).isEqualTo(new Thresholds(
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(600), ServiceLevelFormula.ABANDONS_ON_TIME));
  }

  @Test
  void everyField_isBound() throws Exception {
    AcdConfig config = load("""
        settings: {timeZone: Asia/Shanghai, maxConsecutiveNoAnswer: 3}
        server: {port: 9090, bind: 0.0.0.0}
        skills: [general, policy]
        notReadyReasons: [break]
        transferTargets:
          110: {dialString: PJSIP/t/110, description: police}
        lines:
          - {id: "12345", name: main, queue: general, priority: 10, callerData: [A, B], transferInLabel: "110"}
        queues:
          - id: general
            name: General
            skills: {general: 2}
            strategy: best-skill
            ringTimeout: 15s
            wrapUp: 45s
            maxWait: 2m
            maxLength: 50
            overflow: {kind: external, target: "110"}
            relaxation:
              - {after: 20s, minLevel: 1}
              - {after: 60s, addQueues: [policy]}
            joinWhenEmpty: false
            leaveWhenEmpty: true
            announceEvery: 30s
          - id: policy
            strategy: fewest-calls
        agents:
          - {id: "1001", name: 张敏, endpoint: PJSIP/1001, skills: {general: 8, policy: 3}, secretHash: "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5"}
        asterisk:
          servers:
            - {name: pbx1, host: 127.0.0.1, port: 5039, username: acd, secretEnv: ACD_AMI_SECRET, tls: true}
          pingInterval: 3s
          reconnectJitter: 10
          dialplan: {agentContext: agents-wait}
        businessHours: {}
        """);

    var ami = config.asterisk();
    assertThat(ami.servers()).hasSize(1);
    assertThat(ami.servers().get(0).toString()).isEqualTo("pbx1 (acd@127.0.0.1:5039, TLS)");
    assertThat(ami.servers().get(0).secretSource()).isEqualTo("environment variable ACD_AMI_SECRET");
    assertThat(ami.pingInterval()).isEqualTo(java.time.Duration.ofSeconds(3));
    assertThat(ami.reconnectJitter()).isEqualTo(0.1);
    assertThat(ami.dialplan().agentContext()).isEqualTo("agents-wait");

    assertThat(config.settings()).isEqualTo(new EngineSettings(ZoneId.of("Asia/Shanghai"), 3));
    assertThat(config.server()).isEqualTo(new ServerSettings(9090, "0.0.0.0"));
    assertThat(config.notReadyReasons()).containsExactly("break");
    assertThat(config.transferTargets()).containsExactly(
        Map.entry("110", new TransferTarget("110", "PJSIP/t/110", "police")));
    assertThat(config.lines()).containsExactly(
        new LineConfig("12345", "main", "general", 10, java.util.List.of("A", "B"), "110"));
    QueueConfig general = config.queue("general").orElseThrow();
    assertThat(general).isEqualTo(new QueueConfig("general", "General", Map.of("general", 2), Strategy.BEST_SKILL,
        Duration.ofSeconds(15), Duration.ofSeconds(45), Thresholds.DEFAULT, Duration.ofMinutes(2), 50,
        new Overflow(Overflow.Kind.EXTERNAL, "110"),
        java.util.List.of(new Relaxation(Duration.ofSeconds(20), 1, java.util.List.of()),
            new Relaxation(Duration.ofSeconds(60), 0, java.util.List.of("policy"))),
        false, true, Duration.ofSeconds(30)));
    assertThat(config.agents()).containsExactly(
        new AgentConfig("1001", "张敏", "PJSIP/1001", Map.of("general", 8, "policy", 3), "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5"));
  }
}
