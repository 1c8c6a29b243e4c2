package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.AgentConfig;
import org.hotlineacd.acd.config.EngineSettings;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.Overflow;
import org.hotlineacd.acd.config.QueueConfig;
import org.hotlineacd.acd.config.Relaxation;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.config.TransferTarget;
import org.hotlineacd.acd.figures.FigureBook;
import org.hotlineacd.acd.figures.Figures;
import org.hotlineacd.cti.input.AgentHangUpRequest;
import org.hotlineacd.cti.input.AgentHungUp;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentNotReady;
import org.hotlineacd.cti.input.AgentReady;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallHeld;
import org.hotlineacd.cti.input.CallUnheld;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.EndpointReachability;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.junit.jupiter.api.Test;

/**
 * Random inputs, valid and invalid, against a centre with every feature switched on; the engine's
 * invariants are checked after every input and every timer, and the segment stream after the run.
 * Many seeds; the seed is in every failure message.
 */
class EngineRandomizedTest {
  private static final int SEEDS = 60;
  private static final int STEPS = 4_000;
  private static final int AGENTS = 14;

  static AcdConfig centre() {
    QueueConfig general = QueueConfig.simple("general", Map.of("general", 3), Strategy.LONGEST_IDLE)
        .withWrapUp(Duration.ofSeconds(10))
        .withRelaxation(List.of(new Relaxation(Duration.ofSeconds(20), 1, List.of()),
            new Relaxation(Duration.ofSeconds(40), 0, List.of("policy"))))
        .withOverflow(Duration.ofSeconds(120), 6, new Overflow(Overflow.Kind.QUEUE, "policy"))
        .withAnnounceEvery(Duration.ofSeconds(15));
    QueueConfig enterprise = QueueConfig.simple("enterprise", Map.of("enterprise", 1), Strategy.FEWEST_CALLS)
        .withWrapUp(Duration.ofSeconds(5))
        .withOverflow(Duration.ofSeconds(60), 0, new Overflow(Overflow.Kind.QUEUE, "policy"));
    QueueConfig talent = QueueConfig.simple("talent", Map.of("talent", 1), Strategy.ROUND_ROBIN)
        .withOverflow(null, 3, new Overflow(Overflow.Kind.VOICEMAIL, "talent"))
        .withEmptyRules(false, true);
    QueueConfig policy = QueueConfig.simple("policy", Map.of("policy", 5), Strategy.BEST_SKILL)
        .withOverflow(Duration.ofSeconds(200), 0, new Overflow(Overflow.Kind.EXTERNAL, "in-province-other-city"));
    QueueConfig car = QueueConfig.simple("car-moving", Map.of("general", 1), Strategy.LEAST_TALK_TIME);
    String[] skills = {"general", "enterprise", "talent", "policy"};
    List<AgentConfig> agents = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < AGENTS; i++) {
      Map<String, Integer> sk = new java.util.HashMap<>();
      sk.put(skills[i % 4], 1 + r.nextInt(10));
      if (r.nextBoolean()) {
        sk.put(skills[r.nextInt(4)], 1 + r.nextInt(10));
      }
      agents.add(new AgentConfig("a" + i, "a" + i, "SIM/a" + i, sk, null));
    }
    return new AcdConfig(new EngineSettings(EngineHarness.ZONE, 2), List.of(skills),
        List.of("break", "lunch"),
        List.of(LineConfig.simple("12345", "general", 10), LineConfig.simple("ent", "enterprise", 50),
            LineConfig.simple("talent", "talent", 20), LineConfig.simple("car", "car-moving", 0)),
        List.of(general, enterprise, talent, policy, car), agents,
        Map.of("in-province-other-city", new TransferTarget("in-province-other-city", "PJSIP/t/1", "")))
        .requireConsistent();
  }

  @Test
  void invariantsHoldAfterEveryInput_forManySeeds() {
    for (int seed = 1; seed <= SEEDS; seed++) {
      try {
        run(seed);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
      }
    }
  }

  private static void run(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    SegmentLedger ledger = new SegmentLedger();
    AcdConfig config = centre();
    FigureBook book = new FigureBook(config);
    Engine engine = new Engine(config, e -> {
      ledger.on(e);
      book.on(e);
    });
    String[] lines = {"12345", "ent", "talent", "car", "bogus"};
    List<String> liveCalls = new ArrayList<>();
    long now = EngineHarness.T0;
    int callCounter = 0;
    AcdConfig[] variants = {config, variant(config)};
    for (int step = 0; step < STEPS; step++) {
      now += (long) (r.nextDouble() * 4e9);
      if (step % 400 == 399) {
        engine.reconfigure(variants[(step / 400) % 2 == 0 ? 1 : 0], now);
        engine.drainOutputs(o -> {});
        engine.checkInvariants();
      }
      engine.advanceTo(now);
      engine.drainOutputs(o -> {});
      engine.checkInvariants();
      EngineSnapshot snap = engine.snapshot(now);
      AgentId agent = AgentId.of("a" + r.nextInt(AGENTS + 1)); // a14 does not exist
      String randomCall = liveCalls.isEmpty() || r.nextInt(10) == 0 ? "ghost" : liveCalls.get(r.nextInt(liveCalls.size()));
      EngineSnapshot.AgentView busy = pickBusy(snap, r);
      long req = step;
      Input input = switch (r.nextInt(21)) {
        case 0, 1, 2 -> {
          String id = "c" + (++callCounter);
          liveCalls.add(id);
          yield new CallArrived(CallId.of(id), lines[r.nextInt(lines.length)], "138" + id);
        }
        case 3 -> new CallerHungUp(CallId.of(randomCall));
        case 4 -> new AgentLogin(req, agent);
        case 5 -> new AgentReady(req, agent);
        case 6 -> new AgentNotReady(req, agent, r.nextBoolean() ? "break" : "nap");
        case 7 -> r.nextInt(3) == 0 ? new org.hotlineacd.cti.input.ForcedLogout(req,
            busy != null && r.nextBoolean() ? AgentId.of(busy.id()) : agent, "supervisor") : new AgentLogout(req, agent);
        case 8 -> new WrapUpDone(req, agent, "resolved", null, null);
        case 9, 10 -> busy != null && busy.state() == AgentState.RINGING
            ? new AgentLegAnswered(CallId.of(busy.call()), AgentId.of(busy.id()))
            : new AgentLegAnswered(CallId.of(randomCall), agent);
        case 11 -> busy != null && busy.state() == AgentState.RINGING
            ? new AgentLegFailed(CallId.of(busy.call()), AgentId.of(busy.id()), LegFailure.values()[r.nextInt(4)], 19)
            : new AgentLegFailed(CallId.of(randomCall), agent, LegFailure.BUSY, 17);
        case 12 -> busy != null && busy.state() == AgentState.ON_CALL
            ? new AgentHungUp(CallId.of(busy.call()), AgentId.of(busy.id()))
            : new AgentHungUp(CallId.of(randomCall), agent);
        case 13 -> busy != null && busy.call() != null
            ? (r.nextBoolean() ? new CallHeld(CallId.of(busy.call())) : new CallUnheld(CallId.of(busy.call())))
            : new CallerHungUp(CallId.of(randomCall));
        case 14 -> new AgentHangUpRequest(req, agent);
        case 15 -> new org.hotlineacd.cti.input.HoldRequest(req, agent, r.nextBoolean());
        case 16 -> new org.hotlineacd.cti.input.TransferRequest(req, busy != null ? AgentId.of(busy.id()) : agent,
            switch (r.nextInt(3)) {
              case 0 -> org.hotlineacd.cti.model.TransferDestination.queue(r.nextBoolean() ? "policy" : "general");
              case 1 -> org.hotlineacd.cti.model.TransferDestination.agent("a" + r.nextInt(AGENTS));
              default -> org.hotlineacd.cti.model.TransferDestination.external(
                  r.nextBoolean() ? "in-province-other-city" : "110");
            });
        case 17 -> switch (r.nextInt(3)) {
          case 0 -> new org.hotlineacd.cti.input.ConsultRequest(req, busy != null ? AgentId.of(busy.id()) : agent,
              "in-province-other-city");
          case 1 -> new org.hotlineacd.cti.input.CompleteTransferRequest(req, busy != null ? AgentId.of(busy.id()) : agent);
          default -> new org.hotlineacd.cti.input.CancelConsultRequest(req, busy != null ? AgentId.of(busy.id()) : agent);
        };
        case 18 -> new org.hotlineacd.cti.input.RecordingRequest(req, busy != null ? AgentId.of(busy.id()) : agent,
            r.nextBoolean());
        case 19 -> resync(r, liveCalls, lines, now, ++callCounter);
        default -> new EndpointReachability("SIM/" + agent.value(), r.nextInt(4) != 0);
      };
      engine.apply(input, now);
      engine.drainOutputs(o -> {});
      engine.checkInvariants();
    }
    engine.advanceTo(now + Duration.ofHours(2).toNanos());
    engine.checkInvariants();
    assertThat(ledger.queued).isEqualTo(ledger.answered + ledger.abandoned + ledger.overflowed + ledger.open());
    assertThat(ledger.talkEnded).isLessThanOrEqualTo(ledger.answered);
    assertThat(ledger.wrapUpEnded).isLessThanOrEqualTo(ledger.talkEnded);
    assertThat(ledger.queued).isGreaterThan(100);
    // The figures' sums equal the per-segment data.
    long offered = 0;
    long answered = 0;
    long abandoned = 0;
    long overflowed = 0;
    long talkNanos = 0;
    long answeredWaitNanos = 0;
    for (String q : book.queueIds()) {
      Figures f = book.queueTotal(q);
      offered += f.offered();
      answered += f.answered();
      abandoned += f.abandoned();
      overflowed += f.overflowed();
      talkNanos += f.talkNanos();
      answeredWaitNanos += f.answeredWaitNanos();
    }
    assertThat(offered).isEqualTo(ledger.queued);
    assertThat(answered).isEqualTo(ledger.answered);
    assertThat(abandoned).isEqualTo(ledger.abandoned);
    assertThat(overflowed).isEqualTo(ledger.overflowed);
    assertThat(talkNanos).isEqualTo(ledger.talkSumNanos);
    assertThat(answeredWaitNanos).isEqualTo(ledger.waitSumAnsweredNanos);
    assertThat(ledger.answered).isGreaterThan(10);
  }

  /**
   * The centre with other strategies, one queue (talent) and one agent (a3) removed, an agent added,
   * and skills changed: reloads switch between the two during the run.
   */
  static AcdConfig variant(AcdConfig c) {
    List<QueueConfig> queues = new ArrayList<>();
    for (QueueConfig q : c.queues()) {
      if (q.id().equals("talent")) {
        continue;
      }
      Strategy s = Strategy.values()[(q.strategy().ordinal() + 2) % Strategy.values().length];
      queues.add(new QueueConfig(q.id(), q.name(), q.skills(), s, q.ringTimeout(), q.wrapUp(),
          q.thresholds(), q.maxWait(), q.maxLength(), q.overflow(), q.relaxation(), q.joinWhenEmpty(),
          q.leaveWhenEmpty(), q.announceEvery()));
    }
    List<AgentConfig> agents = new ArrayList<>();
    for (AgentConfig a : c.agents()) {
      if (a.id().equals("a3")) {
        continue;
      }
      Map<String, Integer> skills = new java.util.HashMap<>(a.skills());
      skills.merge("general", 2, (x, y) -> Math.min(10, x + y));
      agents.add(new AgentConfig(a.id(), a.name(), a.endpoint(), skills, null));
    }
    agents.add(new AgentConfig("a14", "a14", "SIM/a14", Map.of("policy", 7, "general", 4), null));
    List<LineConfig> lines = c.lines().stream().filter(l -> !l.queue().equals("talent")).toList();
    return new AcdConfig(c.settings(), c.skills(), c.notReadyReasons(), lines, queues, agents, c.transferTargets())
        .requireConsistent();
  }

  /** A resync start (with or without suspension), or its end listing a random part of the calls as present. */
  private static Input resync(SplittableRandom r, List<String> liveCalls, String[] lines, long now, int fresh) {
    if (r.nextBoolean()) {
      return new org.hotlineacd.cti.input.PbxResyncStarted("", r.nextBoolean());
    }
    List<org.hotlineacd.cti.input.ChannelPresent> present = new ArrayList<>();
    for (String c : liveCalls) {
      if (r.nextInt(10) != 0) {
        present.add(new org.hotlineacd.cti.input.ChannelPresent(CallId.of(c), r.nextBoolean(),
            lines[r.nextInt(lines.length)], "138", Map.of(), now - (long) (r.nextDouble() * 60e9)));
      }
    }
    if (r.nextBoolean()) {
      String id = "c" + fresh;
      liveCalls.add(id);
      present.add(new org.hotlineacd.cti.input.ChannelPresent(CallId.of(id), true, lines[r.nextInt(lines.length)],
          "139", Map.of(), now - (long) (r.nextDouble() * 90e9)));
    }
    return new org.hotlineacd.cti.input.PbxResynced("", present);
  }

  private static EngineSnapshot.AgentView pickBusy(EngineSnapshot snap, SplittableRandom r) {
    List<EngineSnapshot.AgentView> busy = snap.agents().stream().filter(a -> a.call() != null).toList();
    return busy.isEmpty() ? null : busy.get(r.nextInt(busy.size()));
  }
}
