package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wallboard section: colour thresholds, with errors at file:line:column; its tokens are security's. */
class WallboardConfigTest {
  private static final String QUEUES = "queues: []\n";

  @Test
  void sectionLeftOut_givesTheDefaults() throws ConfigException {
    AcdConfig c = ConfigLoader.parse(QUEUES, "acd.yaml");
    assertThat(c.wallboard()).isEqualTo(WallboardSettings.DEFAULT);
  }

  @Test
  void thresholds_areRead() throws ConfigException {
    AcdConfig c = ConfigLoader.parse(QUEUES + """
        wallboard:
          serviceLevel: {amberBelow: 95, redBelow: 85}
          longestWait: {amberAbove: 10s, redAbove: 1m}
          callsWaiting: {amberAbove: 1, redAbove: 2}
          abandonRate: {amberAbove: 2, redAbove: 4}
        """, "acd.yaml");
    WallboardSettings w = c.wallboard();
    assertThat(w.serviceLevelAmberBelow()).isEqualTo(95);
    assertThat(w.serviceLevelRedBelow()).isEqualTo(85);
    assertThat(w.longestWaitRed()).isEqualTo(Duration.ofMinutes(1));
    assertThat(w.waitingRed()).isEqualTo(2);
    assertThat(w.abandonRed()).isEqualTo(4);
  }

  @Test
  void oldPlainTokens_andInvertedThresholds_areReportedWithPositions() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(QUEUES + """
        wallboard:
          tokens: [short]
          serviceLevel: {amberBelow: 80, redBelow: 90}
          longestWait: {amberAbove: 30s, redAbove: 20s}
          colour: red
        """, "acd.yaml"));
    List<String> problems = e.problems().stream().map(Object::toString).toList();
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("acd.yaml:3:3", "wallboard.tokens", "unknown key 'tokens'",
        "security.wallboardTokens", "SHA-256"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("wallboard.serviceLevel", "redBelow (90) must not be above amberBelow (80)"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("wallboard.longestWait", "must not be below amberAbove"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("acd.yaml:6:3", "wallboard.colour"));
  }
}
