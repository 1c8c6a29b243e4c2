package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotlineacd.acd.admin.ConfigAdmin;
import org.hotlineacd.acd.app.SimulatedCentre;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.ConfigLoader;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.loop.TimeSource;
import org.hotlineacd.acd.sim.LoadedProfile;
import org.hotlineacd.acd.sim.ProfileLoader;
import org.hotlineacd.cti.admin.AdminReply;
import org.hotlineacd.cti.admin.Caller;
import org.hotlineacd.cti.admin.ConfigSection;
import org.hotlineacd.cti.model.AgentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads while the simulated PBX runs calls, on virtual time: strategies, queue skills and
 * thresholds change and a queue is removed, through the admin service and through the file. The
 * engine's invariants hold every virtual second and right after each change, and no call is lost: every queued segment is
 * answered, abandoned, overflowed or still open.
 */
class ReloadUnderLoadTest {
  private static final long T0 = 1_790_000_000_000_000_000L;
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();
  private static final Caller ADMIN = new Caller("test-admin", Caller.Role.ADMIN);

  @TempDir Path dir;

  @Test
  void changesDuringTraffic_keepInvariants_andLoseNoCall() throws Exception {
    Path file = dir.resolve("acd.yaml");
    String sample = Files.readString(Path.of("../config/acd.yaml"));
    Files.writeString(file, sample);
    AcdConfig base = ConfigLoader.load(file);
    LoadedProfile profile = ProfileLoader.load(Path.of("../config/profiles/demo.yaml"));
    SegmentLedger ledger = new SegmentLedger();
    SimulatedCentre centre = SimulatedCentre.create(base, profile, 42, TimeSource.virtualFrom(T0), ledger);
    ConfigAdmin admin = new ConfigAdmin(file, sample, base, centre.config(), c -> SimulatedCentre.fit(c, profile),
        centre.engine(), centre.loop(), c -> {
          centre.figures().reconfigure(FigureBook.thresholdsOf(c));
          centre.engine().checkInvariants();
        },
        dir.resolve("audit.jsonl"), Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC), Runnable::run);
    long[] checks = {0};
    // the invariants, every virtual second (the loop runs tasks between inputs and timers)
    Runnable[] check = new Runnable[1];
    check[0] = () -> {
      centre.engine().checkInvariants();
      checks[0]++;
      centre.loop().schedule(centre.loop().nowNanos() + 1_000_000_000L, check[0]);
    };
    centre.loop().schedule(T0, check[0]);
    List<CompletableFuture<AdminReply>> replies = new ArrayList<>();
    int[] waitingInTalentWhenRemoved = {-1};

    // 10 min: strategies change through the API
    centre.loop().schedule(T0 + 10 * MINUTE, () -> {
      replies.add(admin.update(ConfigSection.QUEUES, "general",
          with(admin, "general", "strategy", "fewest-calls"), "*", ADMIN));
      replies.add(admin.update(ConfigSection.QUEUES, "enterprise",
          with(admin, "enterprise", "strategy", "round-robin"), "*", ADMIN));
    });
    // 20 min: queue skills change (fewer agents qualify for general) through the API
    centre.loop().schedule(T0 + 20 * MINUTE, () -> replies.add(admin.update(ConfigSection.QUEUES, "general",
        with(admin, "general", "skills", Map.of("general", 5)), "*", ADMIN)));
    // 30 min: thresholds and a strategy change in the file, then a reload (the watcher's path)
    centre.loop().schedule(T0 + 30 * MINUTE, () -> {
      try {
        String text = Files.readString(file)
            .replaceFirst("thresholds: \\{answerTarget: 30s, shortAbandon: 0s, longCall: (600s|10m), formula: offered}",
                "thresholds: {answerTarget: 20s, shortAbandon: 5s, longCall: 600s, formula: answered}")
            .replace("strategy: least-talk-time", "strategy: best-skill");
        Files.writeString(file, text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      replies.add(admin.reload("file", "file"));
    });
    // 40 min: the talent line moves to the policy queue and the talent queue is removed
    centre.loop().schedule(T0 + 40 * MINUTE, () -> {
      EngineSnapshot.QueueView talent = centre.engine().snapshot(T0 + 40 * MINUTE).queue("talent");
      waitingInTalentWhenRemoved[0] = talent.waiting();
      Map<String, Object> line = new LinkedHashMap<>(item(admin, ConfigSection.LINES, "12345-talent"));
      line.put("queue", "policy");
      replies.add(admin.update(ConfigSection.LINES, "12345-talent", line, "*", ADMIN));
      replies.add(admin.delete(ConfigSection.QUEUES, "talent", "*", ADMIN));
    });

    centre.loop().runUntil(T0 + 60 * MINUTE);

    assertThat(replies).hasSize(6).allSatisfy(f -> assertThat(f.join().succeeded()).as(f.join().toString()).isTrue());
    AcdConfig running = centre.engine().config();
    assertThat(running.queue("general").orElseThrow().strategy()).isEqualTo(Strategy.FEWEST_CALLS);
    assertThat(running.queue("general").orElseThrow().skills()).isEqualTo(Map.of("general", 5));
    assertThat(running.queue("enterprise").orElseThrow().strategy()).isEqualTo(Strategy.ROUND_ROBIN);
    assertThat(running.queue("general").orElseThrow().thresholds().formula()).isEqualTo(ServiceLevelFormula.ANSWERED);
    assertThat(centre.figures().thresholds("general").answerTarget()).isEqualTo(Duration.ofSeconds(20));
    assertThat(running.queue("talent")).isEmpty();
    assertThat(running.agents()).hasSizeGreaterThan(base.agents().size()); // the simulated roster stays
    assertThat(ConfigLoader.load(file).queue("talent")).isEmpty();

    // nothing lost: every segment ended one way or is still open, and the open ones are in the ACD
    EngineSnapshot snap = centre.engine().snapshot(T0 + 60 * MINUTE);
    int waiting = snap.queues().stream().mapToInt(EngineSnapshot.QueueView::waiting).sum();
    int ringing = snap.agentsIn(AgentState.RINGING);
    assertThat(ledger.queued).isGreaterThan(200);
    assertThat(ledger.queued).isEqualTo(ledger.answered + ledger.abandoned + ledger.overflowed + ledger.open());
    assertThat(ledger.open()).isEqualTo(waiting + ringing);
    assertThat(checks[0]).isGreaterThan(3500);
    assertThat(waitingInTalentWhenRemoved[0]).isGreaterThanOrEqualTo(0);
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl"))).hasSize(6);
  }

  private static Map<String, Object> item(ConfigAdmin admin, ConfigSection section, String id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) admin.get(section, id).join().body();
    return m;
  }

  private static Map<String, Object> with(ConfigAdmin admin, String queue, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(item(admin, ConfigSection.QUEUES, queue));
    m.put(key, value);
    return m;
  }
}
