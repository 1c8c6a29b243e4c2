package org.hotlineacd.cti.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotlineacd.cti.input.AgentLegAnswered;
import org.hotlineacd.cti.input.AgentLegFailed;
import org.hotlineacd.cti.input.AgentLogin;
import org.hotlineacd.cti.input.AgentLogout;
import org.hotlineacd.cti.input.AgentRequest;
import org.hotlineacd.cti.input.CallArrived;
import org.hotlineacd.cti.input.CallerHungUp;
import org.hotlineacd.cti.input.Input;
import org.hotlineacd.cti.input.WrapUpDone;
import org.hotlineacd.cti.model.AgentId;
import org.hotlineacd.cti.model.AgentState;
import org.hotlineacd.cti.model.CallId;
import org.hotlineacd.cti.model.LegFailure;
import org.hotlineacd.cti.output.AgentStateChanged;
import org.hotlineacd.cti.output.AnnouncePosition;
import org.hotlineacd.cti.output.CancelRing;
import org.hotlineacd.cti.output.ConnectCall;
import org.hotlineacd.cti.output.HangUpCall;
import org.hotlineacd.cti.output.RequestRefused;
import org.hotlineacd.cti.output.RingAgent;
import org.hotlineacd.cti.output.RouteCall;
import org.junit.jupiter.api.Test;

class SimulatedHotlineTest {
  static final long S = 1_000_000_000L;
  static final long MIN = 60 * S;
  static final long HOUR = 60 * MIN;
  static final ZoneId UTC = ZoneId.of("UTC");
  /** 2024-06-03T00:00Z, a Monday. */
  static final long DAY0 = Instant.parse("2024-06-03T00:00:00Z").getEpochSecond() * S;

  static Distribution sec(long s) {
    return Distribution.fixed(Duration.ofSeconds(s));
  }

  record Seen(long at, Input input) {}

  /** A sink that records inputs with their time and answers nothing. */
  static final class Recorder implements org.hotlineacd.cti.port.InputSink {
    final ManualScheduler clock;
    final List<Seen> seen = new ArrayList<>();

    Recorder(ManualScheduler clock) {
      this.clock = clock;
    }

    @Override
    public void submit(Input input) {
      seen.add(new Seen(clock.nowNanos(), input));
    }

    <T extends Input> List<T> all(Class<T> type) {
      return seen.stream().map(Seen::input).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Input> List<Seen> when(Class<T> type) {
      return seen.stream().filter(s -> type.isInstance(s.input())).toList();
    }
  }

  /** Two lines, two groups with breaks, unanswered rings, wrap-up and abandons: a busy mix. */
  static TrafficProfile mixed() {
    LineTraffic general = new LineTraffic("12345", 200 * 24, IntradayCurve.FLAT,
        new Distribution.LogNormal(Duration.ofSeconds(60), Duration.ofSeconds(40)),
        new Distribution.LogNormal(Duration.ofSeconds(120), Duration.ofSeconds(90)), 0.2,
        new StartBurst(5, Duration.ofSeconds(5)));
    LineTraffic enterprise = LineTraffic.flat("12345-enterprise", 30, new Distribution.Never(),
        Distribution.exponential(Duration.ofSeconds(200)));
    BreakPlan coffee = new BreakPlan(Distribution.exponential(Duration.ofMinutes(40)),
        new Distribution.Uniform(Duration.ofMinutes(5), Duration.ofMinutes(10)), "break");
    AgentGroup g = new AgentGroup("sim-general", 6, Map.of("general", 5), Shift.ALWAYS,
        new Distribution.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(12)), 0.1,
        new Distribution.Uniform(Duration.ofSeconds(5), Duration.ofSeconds(40)), List.of(coffee));
    AgentGroup e = new AgentGroup("sim-enterprise", 2, Map.of("enterprise", 5),
        new Shift(LocalTime.of(1, 0), LocalTime.of(4, 0)), sec(2), 0, sec(10), List.of());
    return new TrafficProfile("mixed", UTC, List.of(general, enterprise), List.of(g, e));
  }

  static final Map<String, String> SKILLS = Map.of("12345", "general", "12345-enterprise", "enterprise");

  static ScriptedEngine engine(TrafficProfile p, long seed, long startNanos) {
    return new ScriptedEngine(new ManualScheduler(startNanos), p, seed, SKILLS, 10 * S, 30 * S);
  }

  static List<String> run(TrafficProfile p, long seed, long hours) {
    ScriptedEngine e = engine(p, seed, DAY0).start();
    e.clock.runUntil(DAY0 + hours * HOUR);
    return e.log;
  }

  @Test
  void sameSeed_givesTheSameInputs_differentSeed_doesNot() {
    List<String> a = run(mixed(), 42, 6);
    List<String> b = run(mixed(), 42, 6);
    List<String> c = run(mixed(), 43, 6);
    assertThat(a).hasSizeGreaterThan(2_000);
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void mixedRun_exercisesEveryBehaviour_andNeverAnswersLate() {
    ScriptedEngine e = engine(mixed(), 7, DAY0).start();
    e.clock.runUntil(DAY0 + 8 * HOUR);
    SimulationCounts n = e.sim.counts();
    assertThat(n.callsGenerated()).isGreaterThan(1_500);
    assertThat(n.callsAbandoned()).isPositive();
    assertThat(n.callsConnected()).isPositive();
    assertThat(n.callsEndedByAgent()).isPositive();
    assertThat(n.callsEndedByCaller()).isGreaterThan(n.callsEndedByAgent());
    assertThat(n.ringsUnanswered()).isPositive();
    assertThat(n.breaksStarted()).isPositive();
    assertThat(n.logouts()).isEqualTo(2); // the enterprise shift ended at 04:00
    assertThat(e.lateAnswers).isZero();
    assertThat(e.abandons).isEqualTo(n.callsAbandoned());
    // Every request carries a fresh id.
    List<Long> ids = e.log.stream().filter(l -> l.contains("requestId=")).map(l -> l.replaceAll(".*requestId=(\\d+).*", "$1"))
        .map(Long::parseLong).toList();
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
  }

  @Test
  void flatRate_givesTheProfilesCallCount_withinStatisticalTolerance() {
    TrafficProfile p = new TrafficProfile("flat", UTC,
        List.of(LineTraffic.flat("12345", 120, new Distribution.Never(), sec(60))), List.of());
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    new SimulatedHotline(p, clock, 1).start(r);
    clock.runUntil(DAY0 + 500 * HOUR);
    long expected = 120 * 500;
    double sd = Math.sqrt(expected);
    assertThat((double) r.all(CallArrived.class).size()).isBetween(expected - 4 * sd, expected + 4 * sd);
    // Poisson: gaps are exponential, so their coefficient of variation is about 1.
    List<Seen> arrivals = r.when(CallArrived.class);
    double sum = 0;
    double sumSq = 0;
    for (int i = 1; i < arrivals.size(); i++) {
      double gap = arrivals.get(i).at() - arrivals.get(i - 1).at();
      sum += gap;
      sumSq += gap * gap;
    }
    int n = arrivals.size() - 1;
    double mean = sum / n;
    double cv = Math.sqrt(sumSq / n - mean * mean) / mean;
    assertThat(cv).isBetween(0.97, 1.03);
  }

  @Test
  void arrivals_followTheIntradayCurve_inTheProfilesTimeZone() {
    List<Double> weights = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      weights.add(h < 6 ? 0.0 : h == 10 ? 8.0 : h == 14 ? 6.0 : 2.0);
    }
    IntradayCurve curve = new IntradayCurve(weights);
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    TrafficProfile p = new TrafficProfile("curve", shanghai,
        List.of(new LineTraffic("12345", 3_000, curve, new Distribution.Never(), sec(60), 0, null)), List.of());
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    new SimulatedHotline(p, clock, 5).start(r);
    int days = 40;
    clock.runUntil(DAY0 + days * 24 * HOUR);
    long[] perHour = new long[24];
    for (Seen s : r.when(CallArrived.class)) {
      perHour[Instant.ofEpochSecond(s.at() / S).atZone(shanghai).getHour()]++;
    }
    for (int h = 0; h < 24; h++) {
      double expected = days * 3_000 * curve.share(h);
      if (expected == 0) {
        assertThat(perHour[h]).as("hour %d", h).isZero();
      } else {
        assertThat((double) perHour[h]).as("hour %d", h)
            .isBetween(expected - 5 * Math.sqrt(expected), expected + 5 * Math.sqrt(expected));
      }
    }
    assertThat(perHour[10]).isGreaterThan(perHour[14]).isGreaterThan(perHour[9]);
  }

  @Test
  void startBurst_bringsCallersInTheFirstSeconds() {
    TrafficProfile p = new TrafficProfile("burst", UTC, List.of(new LineTraffic("12345", 0, null,
        new Distribution.Never(), sec(60), 0, new StartBurst(7, Duration.ofSeconds(5)))), List.of());
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    new SimulatedHotline(p, clock, 1).start(r);
    clock.runUntil(DAY0 + HOUR);
    assertThat(r.when(CallArrived.class)).hasSize(7).allSatisfy(s -> assertThat(s.at()).isLessThan(DAY0 + 5 * S));
  }

  @Test
  void waitingCallers_abandonAtTheirPatience() {
    TrafficProfile p = new TrafficProfile("nobody", UTC,
        List.of(LineTraffic.flat("12345", 60, sec(45), sec(60))), List.of());
    ScriptedEngine e = engine(p, 3, DAY0).start();
    e.clock.runUntil(DAY0 + 10 * HOUR);
    Map<CallId, Long> arrived = new HashMap<>();
    List<Long> waited = new ArrayList<>();
    for (String line : e.log) {
      long at = Long.parseLong(line.substring(0, line.indexOf(' ')));
      String id = line.replaceAll(".*call=(sim-\\d+).*", "$1");
      if (line.contains("CallArrived")) {
        arrived.put(CallId.of(id), at);
      } else if (line.contains("CallerHungUp")) {
        waited.add(at - arrived.get(CallId.of(id)));
      }
    }
    assertThat(waited).hasSizeGreaterThan(500).allSatisfy(w -> assertThat(w).isEqualTo(45 * S));
    assertThat(e.sim.counts().callsAbandoned()).isEqualTo(waited.size());
  }

  /** One agent always at work, one caller line with no traffic: tests drive commands by hand. */
  static TrafficProfile handDriven(Distribution ringDelay, Distribution wrapUp, List<BreakPlan> breaks) {
    LineTraffic line = new LineTraffic("12345", 0, null, sec(30), sec(100), 0, new StartBurst(1, Duration.ofNanos(1)));
    AgentGroup g = new AgentGroup("sim-a", 1, Map.of("general", 1), Shift.ALWAYS, ringDelay, 0, wrapUp, breaks);
    return new TrafficProfile("hand", UTC, List.of(line), List.of(g));
  }

  static final AgentId A1 = AgentId.of("sim-a-001");

  @Test
  void connectCall_cancelsPatience_andTheCallEndsAfterItsTalkTime() {
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    SimulatedHotline sim = new SimulatedHotline(handDriven(Distribution.zero(), Distribution.zero(), List.of()), clock, 1);
    sim.start(r);
    clock.advance(S);
    CallId call = r.all(CallArrived.class).get(0).call();
    sim.execute(new RingAgent(1, call, A1, "SIM/sim-a-001", 20 * S, "", Map.of()));
    clock.advance(S);
    assertThat(r.all(AgentLegAnswered.class)).containsExactly(new AgentLegAnswered(call, A1));
    sim.execute(new ConnectCall(2, call, A1));
    long connected = clock.nowNanos();
    clock.advance(10 * MIN);
    assertThat(r.when(CallerHungUp.class)).singleElement().satisfies(s -> assertThat(s.at()).isEqualTo(connected + 100 * S));
    assertThat(sim.counts().callsAbandoned()).isZero();
    assertThat(sim.callsInProgress()).isZero();
  }

  @Test
  void cancelledRing_neverYieldsALateAnswer() {
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    SimulatedHotline sim = new SimulatedHotline(handDriven(sec(5), Distribution.zero(), List.of()), clock, 1);
    sim.start(r);
    clock.advance(S);
    CallId call = r.all(CallArrived.class).get(0).call();
    sim.execute(new RingAgent(1, call, A1, "SIM/sim-a-001", 20 * S, "", Map.of()));
    clock.advance(2 * S);
    sim.execute(new CancelRing(2, call, A1));
    clock.advance(MIN);
    assertThat(r.all(AgentLegAnswered.class)).isEmpty();
    assertThat(sim.counts().ringsUnanswered()).isEqualTo(1);
  }

  @Test
  void ringWhileRinging_isBusy_andADeskPhone_ringsUntilTheDesktopAnswers() {
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    SimulatedHotline sim = new SimulatedHotline(handDriven(sec(5), Distribution.zero(), List.of()), clock, 1);
    sim.start(r);
    clock.advance(S);
    CallId call = r.all(CallArrived.class).get(0).call();
    sim.execute(new RingAgent(1, call, A1, "SIM/sim-a-001", 20 * S, "", Map.of()));
    sim.execute(new RingAgent(2, call, A1, "SIM/sim-a-001", 20 * S, "", Map.of()));
    sim.execute(new RingAgent(3, call, AgentId.of("desk-7"), "PJSIP/7", 20 * S, "", Map.of()));
    assertThat(r.all(AgentLegFailed.class)).extracting(AgentLegFailed::reason)
        .containsExactly(LegFailure.BUSY);
    assertThat(sim.answer(AgentId.of("desk-7"), call)).isTrue();
    assertThat(sim.answer(A1, call)).as("a simulated agent answers by itself").isFalse();
    assertThat(r.all(AgentLegAnswered.class)).containsExactly(new AgentLegAnswered(call, AgentId.of("desk-7")));
  }

  @Test
  void hangUpCall_reportsTheCallerGone_routeCall_endsAllEvents_announcementsAreCounted() {
    TrafficProfile p = new TrafficProfile("three", UTC, List.of(new LineTraffic("12345", 0, null, sec(30), sec(100), 0,
        new StartBurst(3, Duration.ofSeconds(1)))), List.of());
    ManualScheduler clock = new ManualScheduler(DAY0);
    Recorder r = new Recorder(clock);
    SimulatedHotline sim = new SimulatedHotline(p, clock, 1);
    sim.start(r);
    clock.advance(2 * S);
    List<CallId> calls = r.all(CallArrived.class).stream().map(CallArrived::call).toList();
    sim.execute(new AnnouncePosition(1, calls.get(0), 1, 20 * S));
    sim.execute(new HangUpCall(2, calls.get(0)));
    sim.execute(new RouteCall(3, calls.get(1), "voicemail", "voicemail", ""));
    clock.advance(MIN);
    assertThat(r.all(CallerHungUp.class)).extracting(CallerHungUp::call).containsExactly(calls.get(0), calls.get(2));
    SimulationCounts n = sim.counts();
    assertThat(n.announcementsHeard()).isEqualTo(1);
    assertThat(n.callsHungUpByAcd()).isEqualTo(1);
    assertThat(n.callsRouted()).isEqualTo(1);
    assertThat(n.callsAbandoned()).isEqualTo(1);
  }

  @Test
  void wrapUp_endsEarly_onlyWhenTheAgentNeedsLessThanTheDeadline() {
    for (long need : new long[] {20, 90}) {
      ManualScheduler clock = new ManualScheduler(DAY0);
      Recorder r = new Recorder(clock);
      SimulatedHotline sim = new SimulatedHotline(handDriven(Distribution.zero(), sec(need), List.of()), clock, 1);
      sim.start(r);
      clock.advance(S);
      long at = clock.nowNanos();
      sim.notify(new AgentStateChanged(A1, AgentState.WRAP_UP, null, CallId.of("sim-1"), at, at + 60 * S));
      clock.advance(5 * MIN);
      if (need == 20) {
        assertThat(r.when(WrapUpDone.class)).singleElement().satisfies(s -> assertThat(s.at()).isEqualTo(at + 20 * S));
      } else {
        assertThat(r.all(WrapUpDone.class)).isEmpty();
      }
    }
  }

  @Test
  void breaks_areAskedOnlyWhenReady_andEndWithReady() {
    BreakPlan plan = new BreakPlan(Distribution.fixed(Duration.ofMinutes(30)), Distribution.fixed(Duration.ofMinutes(10)), "break");
    TrafficProfile quiet = new TrafficProfile("quiet", UTC, List.of(),
        List.of(new AgentGroup("sim-a", 1, Map.of("general", 1), Shift.ALWAYS, Distribution.zero(), 0,
            Distribution.zero(), List.of(plan))));
    ScriptedEngine e = engine(quiet, 1, DAY0).start();
    e.clock.runUntil(DAY0 + 3 * HOUR);
    List<String> asks = e.log.stream().filter(l -> l.contains("AgentNotReady") || l.contains("AgentReady")).toList();
    assertThat(asks).hasSize(1 + 2 * 4); // ready after login, then 4 breaks of 30 + 10 minutes
    assertThat(asks.get(1)).startsWith((DAY0 + 30 * MIN) + " AgentNotReady").contains("reason=break");
    assertThat(asks.get(2)).startsWith((DAY0 + 40 * MIN) + " AgentReady");
    assertThat(asks.get(3)).startsWith((DAY0 + 70 * MIN) + " AgentNotReady");

    // Under load, a due break waits for READY: the engine is never asked during a call or wrap-up.
    // It may be asked while RINGING: the engine can offer a call in the batch that made the agent
    // ready, before it reads the request; refused, the break stays due for the next READY.
    ScriptedEngine busy = engine(mixed(), 11, DAY0).start();
    busy.clock.runUntil(DAY0 + 8 * HOUR);
    assertThat(busy.notReadyAskedIn.keySet()).containsAnyOf(AgentState.READY).isSubsetOf(AgentState.READY, AgentState.RINGING);
    assertThat(busy.sim.counts().breaksStarted()).isPositive();
    assertThat(busy.refusals.getOrDefault("AgentNotReady", 0)).isEqualTo(busy.notReadyAskedIn.getOrDefault(AgentState.RINGING, 0));
  }

  @Test
  void shifts_logInAtTheStart_andLogOutAfterTheEnd_onceTheCallIsOver() {
    List<Double> weights = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      weights.add(h == 9 ? 1.0 : 0.0);
    }
    LineTraffic line = new LineTraffic("12345", 20, new IntradayCurve(weights), Distribution.fixed(Duration.ofMinutes(20)),
        Distribution.fixed(Duration.ofMinutes(90)), 0, null);
    AgentGroup g = new AgentGroup("sim-a", 1, Map.of("general", 1), new Shift(LocalTime.of(9, 0), LocalTime.of(10, 0)),
        Distribution.zero(), 0, Distribution.zero(), List.of());
    TrafficProfile p = new TrafficProfile("shift", UTC, List.of(line), List.of(g));
    ScriptedEngine e = new ScriptedEngine(new ManualScheduler(DAY0 + 8 * HOUR), p, 2, SKILLS, 10 * S, 0).start();
    e.clock.runUntil(DAY0 + 48 * HOUR);
    List<Long> logins = times(e.log, "AgentLogin");
    List<Long> logouts = times(e.log, "AgentLogout");
    assertThat(logins).containsExactly(DAY0 + 9 * HOUR, DAY0 + 33 * HOUR);
    assertThat(logouts).hasSize(2);
    List<Long> ends = times(e.log, "CallerHungUp");
    for (int day = 0; day < 2; day++) {
      long logout = logouts.get(day);
      assertThat(logout).isGreaterThan(DAY0 + (24 * day + 10) * HOUR);
      assertThat(ends).as("the logout follows the end of the last call").contains(logout);
    }
    assertThat(e.refusals).isEmpty();
  }

  static List<Long> times(List<String> log, String what) {
    return log.stream().filter(l -> l.contains(" " + what + "[")).map(l -> Long.parseLong(l.substring(0, l.indexOf(' ')))).toList();
  }

  @Test
  void refusedLogout_isRetriedWithAFreshRequestId() {
    AgentGroup g = new AgentGroup("sim-a", 1, Map.of("general", 1), new Shift(LocalTime.of(0, 0), LocalTime.of(1, 0)),
        Distribution.zero(), 0, Distribution.zero(), List.of());
    ManualScheduler clock = new ManualScheduler(DAY0 + 30 * MIN);
    Recorder r = new Recorder(clock);
    SimulatedHotline sim = new SimulatedHotline(new TrafficProfile("r", UTC, List.of(), List.of(g)), clock, 1);
    sim.start(r);
    clock.runUntil(DAY0 + HOUR);
    AgentLogout first = r.all(AgentLogout.class).get(0);
    sim.notify(new RequestRefused(A1, first.requestId(), "illegal-transition", "ringing"));
    clock.advance(MIN);
    List<AgentLogout> logouts = r.all(AgentLogout.class);
    assertThat(logouts).hasSize(2);
    assertThat(logouts.get(1).requestId()).isNotEqualTo(first.requestId());
    assertThat(r.all(AgentLogin.class)).hasSize(1);
    Set<Long> ids = new HashSet<>();
    r.all(AgentRequest.class).forEach(q -> assertThat(ids.add(q.requestId())).isTrue());
  }

  @Test
  void erlangSetup_answersEveryCall_withoutAbandonsRefusalsOrWrapUp() {
    TrafficProfile p = new TrafficProfile("erlang", UTC,
        List.of(LineTraffic.flat("12345", 100, new Distribution.Never(), Distribution.exponential(Duration.ofSeconds(180)))),
        List.of(AgentGroup.erlang("sim-e", 6, Map.of("general", 1))));
    ScriptedEngine e = new ScriptedEngine(new ManualScheduler(DAY0), p, 4, SKILLS, 20 * S, 0).start();
    e.clock.runUntil(DAY0 + 200 * HOUR);
    SimulationCounts n = e.sim.counts();
    assertThat(n.callsAbandoned()).isZero();
    assertThat(n.ringsUnanswered()).isZero();
    assertThat(n.requestsRefused()).isZero();
    assertThat(n.callsConnected()).isGreaterThan(n.callsGenerated() - 20);
    double meanTalk = e.talks.stream().mapToLong(Long::longValue).average().orElseThrow() / S;
    assertThat(meanTalk).isBetween(175.0, 185.0);
    assertThat(e.log).noneMatch(l -> l.contains("AgentNotReady") || l.contains("WrapUpDone") || l.contains("AgentHungUp"));
    assertThat(e.sim.counts().callsEndedByAgent()).isZero();
  }
}
