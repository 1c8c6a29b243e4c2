package org.hotlineacd.cti.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileModelTest {
  @Test
  void groupIds_arePrefixAndZeroPaddedNumber() {
    AgentGroup g = AgentGroup.erlang("sim-general", 3, Map.of("general", 5));
    assertThat(g.agentIds()).containsExactly("sim-general-001", "sim-general-002", "sim-general-003");
    assertThat(AgentGroup.erlang("x", 1200, Map.of()).agentIds().get(0)).isEqualTo("x-0001");
    assertThat(AgentGroup.endpoint("sim-general-001")).isEqualTo("SIM/sim-general-001");
  }

  @Test
  void shift_overMidnight_andAroundTheClock() {
    Shift night = new Shift(LocalTime.of(22, 0), LocalTime.of(6, 0));
    assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(5, 59))).isTrue();
    assertThat(night.contains(LocalTime.of(6, 0))).isFalse();
    assertThat(night.contains(LocalTime.NOON)).isFalse();
    assertThat(Shift.ALWAYS.contains(LocalTime.NOON)).isTrue();
  }

  @Test
  void curve_needsSlotsThatDivideTheDay_andSomeWeight() {
    assertThatThrownBy(() -> new IntradayCurve(Collections.nCopies(7, 1.0))).hasMessageContaining("divides the day");
    assertThatThrownBy(() -> new IntradayCurve(Collections.nCopies(24, 0.0))).hasMessageContaining("all be zero");
    assertThatThrownBy(() -> new IntradayCurve(List.of(1.0, -1.0))).hasMessageContaining("weight 1");
    assertThat(new IntradayCurve(Collections.nCopies(96, 2.0)).share(5)).isEqualTo(1.0 / 96);
  }

  @Test
  void lineAndGroup_validateRangesNamingTheField() {
    Distribution talk = Distribution.exponential(Duration.ofSeconds(60));
    assertThatThrownBy(() -> new LineTraffic("l", -1, null, talk, talk, 0, null)).hasMessageContaining("callsPerDay");
    assertThatThrownBy(() -> new LineTraffic("l", 1, null, talk, talk, 1.5, null)).hasMessageContaining("agentEndsShare");
    assertThatThrownBy(() -> new LineTraffic("l", 1, null, talk, new Distribution.Never(), 0, null))
        .hasMessageContaining("talk time must be finite");
    assertThatThrownBy(() -> new AgentGroup("g", 1, Map.of(), null, talk, 2, talk, null))
        .hasMessageContaining("noAnswerProbability");
    assertThatThrownBy(() -> new AgentGroup("g", 1, Map.of("s", 11), null, talk, 0, talk, null))
        .hasMessageContaining("1-10");
    assertThatThrownBy(() -> new TrafficProfile("p", ZoneId.of("UTC"), List.of(),
        List.of(AgentGroup.erlang("g", 2, Map.of()), AgentGroup.erlang("g", 1, Map.of()))))
        .hasMessageContaining("g-001");
  }
}
