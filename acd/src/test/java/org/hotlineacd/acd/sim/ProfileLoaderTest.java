package org.hotlineacd.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.cti.sim.AgentGroup;
import org.hotlineacd.cti.sim.Distribution;
import org.hotlineacd.cti.sim.LineTraffic;
import org.hotlineacd.cti.sim.Shift;
import org.hotlineacd.cti.sim.TrafficProfile;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {
  private static final Path PROFILES = Path.of("..", "config", "profiles");

  private static LoadedProfile shipped(String name) {
    return ProfileLoader.load(PROFILES.resolve(name + ".yaml"));
  }

  @Test
  void demoProfile_loads_withASmallRosterOnFourLines() {
    LoadedProfile demo = shipped("demo");
    TrafficProfile p = demo.profile();
    assertThat(p.name()).isEqualTo("demo");
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(p.lines()).extracting(LineTraffic::line)
        .containsExactly("12345", "12345-enterprise", "12345-talent", "12345-car-moving");
    assertThat(demo.roster()).hasSizeBetween(25, 40);
    assertThat(demo.roster().get(0)).isEqualTo(AgentConfig.simple("sim-general-001", Map.of("general", 5)));
    assertThat(p.lines().get(0).startBurst().calls()).isPositive();
  }

  @Test
  void cityPeakDay_loads_shapedLikeTheSeedsBusyDay() {
    TrafficProfile p = shipped("city-peak-day").profile();
    double perDay = p.lines().stream().mapToDouble(LineTraffic::callsPerDay).sum();
    assertThat(perDay).isBetween(28_000.0, 32_000.0);
    assertThat(p.agentCount()).isBetween(250, 600);
    LineTraffic general = p.lines().get(0);
    assertThat(general.talk()).isEqualTo(new Distribution.LogNormal(Duration.ofSeconds(190), Duration.ofSeconds(190)));
    int peak = 0;
    for (int h = 0; h < 24; h++) {
      peak = general.curve().share(h) > general.curve().share(peak) ? h : peak;
    }
    assertThat(peak).isBetween(9, 11);
    // Anchored break plans are shared by every group that names them.
    assertThat(p.groups()).allSatisfy(g -> assertThat(g.breaks()).extracting(b -> b.reason()).containsExactly("break", "lunch"));
    assertThat(p.groups()).extracting(AgentGroup::shift).contains(new Shift(LocalTime.of(21, 0), LocalTime.of(7, 30)));
  }

  @Test
  void erlangProfile_loads_withTheErlangCAssumptions() {
    TrafficProfile p = shipped("erlang-c").profile();
    LineTraffic line = p.lines().get(0);
    assertThat(line.curve().weights()).hasSize(1);
    assertThat(line.talk()).isInstanceOf(Distribution.Exponential.class);
    assertThat(line.patience().finite()).isFalse();
    assertThat(line.agentEndsShare()).isZero();
    assertThat(p.groups()).singleElement().satisfies(g -> {
      assertThat(g.shift().always()).isTrue();
      assertThat(g.ringDelay()).isEqualTo(Distribution.zero());
      assertThat(g.wrapUp()).isEqualTo(Distribution.zero());
      assertThat(g.noAnswerProbability()).isZero();
      assertThat(g.breaks()).isEmpty();
    });
  }

  @Test
  void problemsAgainst_namesLinesSkillsAndReasonsTheAcdDoesNotDefine() {
    LoadedProfile demo = shipped("demo");
    AcdConfig config = new AcdConfig(null, List.of("general", "enterprise", "talent", "policy"), List.of("break"),
        List.of(LineConfig.simple("12345", "general", 0), LineConfig.simple("12345-enterprise", "enterprise", 10),
            LineConfig.simple("12345-talent", "talent", 10)), List.of(), List.of(), Map.of());
    List<String> problems = demo.problemsAgainst(config);
    assertThat(problems).anySatisfy(s -> assertThat(s).contains("demo.yaml:").contains("lines[3].line").contains("line '12345-car-moving'"));
    assertThat(problems).anySatisfy(s -> assertThat(s).contains("skill 'car-moving'"));
    assertThat(problems).noneMatch(s -> s.contains("'break'"));
  }

  private static String errorOf(String yaml) {
    try {
      ProfileLoader.parse(yaml, "bad.yaml");
    } catch (ProfileException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  private static final String LINE = """
      lines:
        - line: "12345"
          callsPerHour: 100
          talk: 60s
          patience: never
      """;

  @Test
  void badValues_nameFileLineColumnAndField() {
    assertThat(errorOf("""
        lines:
          - line: "12345"
            callsPerHour: -3
            talk: 60s
            patience: never
        """)).isEqualTo("bad.yaml:3:19: lines[0].callsPerHour: must be >= 0, was -3");
    assertThat(errorOf(LINE + """
        agentGroups:
          - idPrefix: sim-a
            count: 2
            skills: {general: 5}
            noAnswerProbability: 1.5
        """)).isEqualTo("bad.yaml:10:26: agentGroups[0].noAnswerProbability: must be 0-1, was 1.5");
    assertThat(errorOf(LINE.replace("talk: 60s", "talk: lognorm(1s, 2s)")))
        .startsWith("bad.yaml:4:11: lines[0].talk: unknown distribution 'lognorm'");
    assertThat(errorOf(LINE.replace("talk: 60s", "talk: 60 seconds")))
        .startsWith("bad.yaml:4:11: lines[0].talk: '60 seconds' is not a distribution");
    assertThat(errorOf(LINE.replace("talk: 60s", "talk: uniform(5s, 1s)")))
        .isEqualTo("bad.yaml:4:11: lines[0].talk: uniform max PT1S is below min PT5S");
    assertThat(errorOf(LINE + """
        agentGroups:
          - idPrefix: sim-a
            count: 2
            skills: {general: 11}
        """)).isEqualTo("bad.yaml:9:23: agentGroups[0].skills.general: must be 1-10, was 11");
    assertThat(errorOf(LINE + """
        agentGroups:
          - idPrefix: sim-a
            count: 2
            skills: {general: 5}
            shift: {start: "25:00", end: "17:00"}
        """)).startsWith("bad.yaml:10:20: agentGroups[0].shift.start: '25:00' is not a time of day");
  }

  @Test
  void structuralMistakes_nameTheField() {
    assertThat(errorOf(LINE.replace("talk: 60s", "talkTime: 60s")))
        .startsWith("bad.yaml:4:5: lines[0].talkTime: unknown field; known fields are");
    assertThat(errorOf("""
        lines:
          - line: "12345"
            talk: 60s
            patience: never
        """)).isEqualTo("bad.yaml:2:5: lines[0].callsPerHour: give exactly one of callsPerHour (flat) and callsPerDay");
    assertThat(errorOf("""
        lines:
          - line: "12345"
            callsPerHour: 10
            patience: never
        """)).isEqualTo("bad.yaml:2:5: lines[0].talk: is required");
    assertThat(errorOf("""
        lines:
          - line: "12345"
            callsPerDay: 100
            intraday: [1, 2, 3, 4, 5, 6, 7]
            talk: 60s
            patience: never
        """)).startsWith("bad.yaml:4:15: lines[0].intraday: an intraday curve needs a number of slots");
    assertThat(errorOf("lines: 5\n")).isEqualTo("bad.yaml:1:8: lines: must be a list, was a value");
    assertThat(errorOf(LINE + LINE.substring("lines:\n".length())))
        .contains("lines[1].line: line '12345' is already described above");
    assertThat(errorOf(LINE + """
        agentGroups:
          - {idPrefix: a, count: 2, skills: {}}
          - {idPrefix: a, count: 1, skills: {}}
        """)).contains("agentGroups[1].idPrefix: agent id a-001 is also produced by agentGroups[0]");
    assertThat(errorOf("timeZone: Mars/Olympus\n")).isEqualTo("bad.yaml:1:11: timeZone: unknown time zone 'Mars/Olympus'");
  }

  @Test
  void yamlSyntaxErrors_andMissingFiles_nameTheFile() {
    assertThat(errorOf("lines: [\n  - a: b\n")).startsWith("bad.yaml:").contains("YAML:");
    assertThat(errorOf("name: a\nname: b\n")).isEqualTo("bad.yaml:2:1: YAML: duplicate key 'name'");
    assertThat(errorOf("")).isEqualTo("bad.yaml:0:0: the file is empty");
    assertThatThrownBy(() -> ProfileLoader.load(Path.of("no-such-profile.yaml")))
        .isInstanceOf(ProfileException.class).hasMessage("no-such-profile.yaml:0:0: no such file");
  }

  @Test
  void durations_acceptShortAndIsoForms_andShiftsAcceptUnquotedTimes() {
    LoadedProfile p = ProfileLoader.parse("""
        lines:
          - line: "12345"
            callsPerDay: 240
            talk: lognormal(PT3M10S, 1m30s)
            patience: uniform(250ms, 1h)
            startBurst: {calls: 3}
        agentGroups:
          - idPrefix: x
            count: 1
            skills: {general: 1}
            shift: {start: 7:30, end: 17:30}
            wrapUp: 0
            ringDelay: PT2S
        """, "ok.yaml");
    LineTraffic line = p.profile().lines().get(0);
    assertThat(line.talk()).isEqualTo(new Distribution.LogNormal(Duration.ofSeconds(190), Duration.ofSeconds(90)));
    assertThat(line.patience()).isEqualTo(new Distribution.Uniform(Duration.ofMillis(250), Duration.ofHours(1)));
    assertThat(line.startBurst().within()).isEqualTo(Duration.ofSeconds(5));
    AgentGroup g = p.profile().groups().get(0);
    assertThat(g.shift()).isEqualTo(new Shift(LocalTime.of(7, 30), LocalTime.of(17, 30)));
    assertThat(g.ringDelay()).isEqualTo(Distribution.fixed(Duration.ofSeconds(2)));
    assertThat(p.profile().name()).isEqualTo("ok.yaml");
  }
}
