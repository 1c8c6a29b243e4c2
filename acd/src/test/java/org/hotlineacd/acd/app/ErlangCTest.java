package org.hotlineacd.acd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.EngineSettings;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.sim.LoadedProfile;
import org.hotlineacd.acd.sim.ProfileLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole engine on the simulated PBX under the Erlang C assumptions (Poisson arrivals,
 * exponential talk, no abandonment, no wrap-up, instant answer): the probability of waiting and the
 * 30-second service level of a long run agree with the formula. Tolerance: 0.025 absolute on both
 * probabilities and 15 % relative on the mean wait, over runs of 300-600 simulated hours with the
 * first two hours discarded. The table of simulated vs formula values is in docs/erlang-c.md.
 */
class ErlangCTest {
  private static final long START = 1_772_380_800L * 1_000_000_000L; // 2026-03-01T16:00Z
  private static final double MEAN_TALK = 180;

  @ParameterizedTest(name = "{0} agents, {1} erlangs")
  @CsvSource({"5, 3.5, 600", "10, 8, 400", "20, 17, 300"})
  void simulatedWaitingAndServiceLevelMatchErlangC(int agents, double erlangs, int hours) {
    double callsPerHour = erlangs * 3600 / MEAN_TALK;
    String yaml = """
        name: erlang-c-test
        timeZone: UTC
        lines:
          - line: "12345"
            callsPerHour: %s
            talk: exponential(180s)
            patience: never
        agentGroups:
          - idPrefix: sim-erlang
            count: %d
            skills: {general: 5}
            shift: always
            ringDelay: 0s
            noAnswerProbability: 0
            wrapUp: 0s
        """.formatted(String.format(Locale.ROOT, "%.6f", callsPerHour), agents);
    LoadedProfile profile = ProfileLoader.parse(yaml, "erlang-c-test.yaml");
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withRingTimeout(Duration.ofSeconds(60));
    AcdConfig config = new AcdConfig(new EngineSettings(ZoneId.of("UTC"), 3), List.of("general"),
        List.of("break"), List.of(LineConfig.simple("12345", "general", 10)), List.of(general), List.of(), Map.of());

    long warmUpEnd = START + Duration.ofHours(2).toNanos();
    long[] counts = new long[3]; // answered, waited, within 30 s
    double[] waitSum = new double[1];
    SimulatedCentre centre = SimulatedCentre.create(config, profile, 20261127L + agents,
        TimeSource.virtualFrom(START), event -> {
          if (event instanceof SegmentAnswered a && a.key().queuedNanos() >= warmUpEnd) {
            counts[0]++;
            if (a.waitNanos() > 0) {
              counts[1]++;
            }
            if (a.waitNanos() <= 30_000_000_000L) {
              counts[2]++;
            }
            waitSum[0] += a.waitNanos() / 1e9;
          }
        });
    centre.loop().runUntil(START + Duration.ofHours(hours).toNanos());

    double pWait = (double) counts[1] / counts[0];
    double sl = (double) counts[2] / counts[0];
    double asa = waitSum[0] / counts[0];
    double pWaitFormula = ErlangC.probabilityOfWaiting(agents, erlangs);
    double slFormula = ErlangC.serviceLevel(agents, erlangs, MEAN_TALK, 30);
    double asaFormula = ErlangC.meanWait(agents, erlangs, MEAN_TALK);
    String row = String.format(Locale.ROOT,
        "| %d | %.1f | %d h | %d | %.4f | %.4f | %.4f | %.4f | %.1f | %.1f |",
        agents, erlangs, hours, counts[0], pWait, pWaitFormula, sl, slFormula, asa, asaFormula);
    System.out.println("erlang-c " + row);
    assertThat(counts[0]).as(row).isGreaterThan(10_000);
    assertThat(pWait).as(row).isCloseTo(pWaitFormula, org.assertj.core.data.Offset.offset(0.025));
    assertThat(sl).as(row).isCloseTo(slFormula, org.assertj.core.data.Offset.offset(0.025));
    assertThat(asa).as(row).isCloseTo(asaFormula, org.assertj.core.data.Percentage.withPercentage(15));
  }
}
