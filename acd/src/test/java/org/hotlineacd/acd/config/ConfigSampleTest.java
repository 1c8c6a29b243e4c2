package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConfigSampleTest {
  private static final Path SAMPLE = Path.of("..", "config", "acd.yaml");

  @Test
  void shippedSample_loadsWithoutProblems() throws ConfigException {
    AcdConfig config = ConfigLoader.load(SAMPLE);

    assertThat(config.checkReferences()).isEmpty();
    assertThat(config.settings().timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(config.server()).isEqualTo(new ServerSettings(8080, "127.0.0.1"));
    assertThat(config.queues()).extracting(QueueConfig::id)
        .containsExactly("general", "enterprise", "talent", "policy", "car-moving", "police-link");
    assertThat(config.agents()).hasSizeBetween(12, 20);
    assertThat(config.transferTargets()).containsOnlyKeys("110", "out-of-province", "in-province-other-city");
  }

  @Test
  void shippedSample_modelsTheCity() throws ConfigException {
    AcdConfig config = ConfigLoader.load(SAMPLE);

    assertThat(config.line("12345").orElseThrow().priority()).isEqualTo(10);
    assertThat(config.line("12345-enterprise").orElseThrow().priority()).isGreaterThan(10);
    assertThat(config.line("110-link").orElseThrow().transferInLabel()).isEqualTo("110");
    QueueConfig enterprise = config.queue("enterprise").orElseThrow();
    assertThat(enterprise.relaxation().getLast().addQueues()).containsExactly("policy");
    assertThat(config.queue("talent").orElseThrow().overflow()).isEqualTo(new Overflow(Overflow.Kind.QUEUE, "policy"));
    assertThat(config.queue("policy").orElseThrow().strategy()).isEqualTo(Strategy.BEST_SKILL);
    assertThat(config.queue("general").orElseThrow().strategy()).isEqualTo(Strategy.LONGEST_IDLE);
    assertThat(config.queues()).allSatisfy(q -> {
      assertThat(q.thresholds().answerTarget()).isEqualTo(Duration.ofSeconds(30));
      assertThat(q.thresholds().longCall()).isEqualTo(Duration.ofSeconds(600));
      assertThat(q.ringTimeout()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20));
    });
    assertThat(config.notReadyReasons()).contains("break", "lunch", "training", "meeting")
        .doesNotContain(AcdConfig.NO_ANSWER_REASON, AcdConfig.LOGIN_REASON);
    assertThat(config.agents().getFirst().endpoint()).isEqualTo("PJSIP/1001");
  }
}
