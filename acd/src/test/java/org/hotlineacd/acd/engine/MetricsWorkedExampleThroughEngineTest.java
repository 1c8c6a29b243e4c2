package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.model.AgentId;
import org.junit.jupiter.api.Test;

/**
 * The worked example of METRICS.md produced by the engine itself (calls arriving, waiting, being
 * answered, abandoned and hung up on a manual clock) and read from the figures: the engine emits
 * exactly the segments the definitions need.
 */
class MetricsWorkedExampleThroughEngineTest {
  @Test
  void workedExample_fromEngineInputsToFigures() {
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 1), Strategy.LONGEST_IDLE)
        .withRingTimeout(Duration.ofSeconds(60));
    AcdConfig base = EngineHarness.config(List.of(general),
        Map.of("a1", Map.of("general", 1), "a2", Map.of("general", 1), "a3", Map.of("general", 1),
            "a4", Map.of("general", 1)), 5);
    // c5 comes in on a higher-priority line, so it is answered before the older c4 (as in the table).
    AcdConfig config = new AcdConfig(base.settings(), base.skills(), base.notReadyReasons(),
        List.of(LineConfig.simple("general", "general", 10), LineConfig.simple("vip", "general", 50)),
        base.queues(), base.agents(), Map.of());
    FigureBook book = new FigureBook(config);
    EngineHarness h = new EngineHarness(config, book);

    h.arrive("c1", "general");              // 09:00:00
    h.at(5);
    h.arrive("c2", "general");              // 09:00:05
    h.at(12);
    h.loginReady("a1");                     // rings c1
    h.answer("c1", "a1");                   // wait 12 s
    h.at(36);
    h.loginReady("a2");
    h.answer("c2", "a2");                   // wait 31 s
    h.at(60);
    h.arrive("c3", "general");              // 09:01:00
    h.at(100);
    h.callerHangsUp("c3");                  // abandoned after 40 s
    h.at(202);
    h.callerHangsUp("c1");                  // talk 190 s
    h.send(new AgentLogout(h.nextRequestId(), AgentId.of("a1")));
    h.at(736);
    h.callerHangsUp("c2");                  // talk 700 s
    h.send(new AgentLogout(h.nextRequestId(), AgentId.of("a2")));
    h.at(899);
    h.arrive("c4", "general");              // 09:14:59
    h.at(900);
    h.arrive("c5", "vip");                  // 09:15:00
    h.at(905);
    h.loginReady("a3");
    assertThat(h.ringingAgent("c5")).isEqualTo("a3");
    h.answer("c5", "a3");                   // wait 5 s
    h.at(929);
    h.loginReady("a4");
    h.answer("c4", "a4");                   // wait 30 s: counts as within 30 s
    h.at(989);
    h.callerHangsUp("c4");                  // talk 60 s
    h.at(1005);
    h.callerHangsUp("c5");                  // talk 100 s

    long t0 = EngineHarness.T0;
    long quarter = Duration.ofMinutes(15).toNanos();
    Figures f = book.queue("general", t0, t0 + quarter);
    assertThat(f.offered()).isEqualTo(4);
    assertThat(f.answered()).isEqualTo(3);
    assertThat(f.answeredWithinT()).isEqualTo(2);
    assertThat(f.abandoned()).isEqualTo(1);
    assertThat(f.serviceLevel()).isCloseTo(0.5, within(1e-9));
    assertThat(f.serviceLevel(ServiceLevelFormula.ANSWERED)).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(f.serviceLevel(ServiceLevelFormula.ABANDONS_ON_TIME)).isCloseTo(0.5, within(1e-9));
    assertThat(f.abandonRate()).isCloseTo(0.25, within(1e-9));
    assertThat(f.asaSeconds()).isCloseTo(73.0 / 3, within(1e-9));
    assertThat(f.averageTalkSeconds()).isCloseTo(950.0 / 3, within(1e-9));
    assertThat(f.longCallShare()).isCloseTo(1.0 / 3, within(1e-9));
    Figures next = book.queue("general", t0 + quarter, t0 + 2 * quarter);
    assertThat(next.offered()).isEqualTo(1);
    assertThat(next.answered()).isEqualTo(1);
    assertThat(next.asaSeconds()).isCloseTo(5.0, within(1e-9));
    assertThat(next.averageTalkSeconds()).isCloseTo(100.0, within(1e-9));
  }
}
