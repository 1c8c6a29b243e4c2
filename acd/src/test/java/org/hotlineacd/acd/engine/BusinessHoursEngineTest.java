package org.hotlineacd.acd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotlineacd.acd.config.AcdConfig;
import org.hotlineacd.acd.config.BusinessHours;
import org.hotlineacd.acd.config.EngineSettings;
import org.hotlineacd.acd.config.LineConfig;
import org.hotlineacd.acd.config.Overflow;
import org.hotlineacd.acd.config.Strategy;
import org.hotlineacd.acd.config.TransferTarget;
import org.hotlineacd.acd.segment.SegmentQueued;
import org.hotlineacd.cti.output.RouteCall;
import org.junit.jupiter.api.Test;

/**
 * Calls on a line with business hours: open, they queue as ever; closed, they go to the closed
 * action. {@link EngineHarness#T0} is Friday 2026-11-27 09:00 in Asia/Shanghai.
 */
class BusinessHoursEngineTest {
  private static final int H = 3600;

  private static BusinessHours office(Overflow closed, LocalDate... holidays) {
    Map<DayOfWeek, List<BusinessHours.Range>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(d, List.of(new BusinessHours.Range(9 * 60, 12 * 60), new BusinessHours.Range(13 * 60 + 30, 17 * 60 + 30)));
    }
    return new BusinessHours("office", week, Set.of(holidays), closed);
  }

  private static AcdConfig config(ZoneId zone, String hours, BusinessHours calendar) {
    AcdConfig base = EngineHarness.config(List.of(EngineHarness.queue("general", "general", Strategy.LONGEST_IDLE),
        EngineHarness.queue("policy", "policy", Strategy.LONGEST_IDLE)), Map.of("a1", Map.of("general", 1)), 3);
    List<LineConfig> lines = List.of(new LineConfig("12345-enterprise", "enterprise", "general", 50, List.of(), null,
        hours), LineConfig.simple("12345", "general", 10));
    return new AcdConfig(new EngineSettings(zone, 3), base.skills(), base.notReadyReasons(), lines, base.queues(),
        base.agents(), Map.of("110", new TransferTarget("110", "PJSIP/police/110", null)))
        .withBusinessHours(calendar == null ? Map.of() : Map.of(calendar.name(), calendar));
  }

  private static EngineHarness harness(Overflow closed, LocalDate... holidays) {
    return new EngineHarness(config(EngineHarness.ZONE, "office", office(closed, holidays)));
  }

  private static final Overflow VOICEMAIL = new Overflow(Overflow.Kind.VOICEMAIL, "enterprise-mailbox");

  @Test
  void open_atTheStartOfARange_theCallQueues() {
    EngineHarness h = harness(VOICEMAIL);
    h.arrive("c1", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).isEmpty();
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
    assertThat(h.engine.closedArrivals()).isZero();
  }

  @Test
  void closed_atTheEndOfARange_theCallGoesToTheClosedAction_andIsCounted() {
    EngineHarness h = harness(VOICEMAIL);
    h.now = EngineHarness.T0 + EngineHarness.seconds(3 * H) - 1; // 11:59:59.999999999
    h.arrive("c1", "12345-enterprise");
    h.now = EngineHarness.T0 + EngineHarness.seconds(3 * H); // 12:00 sharp
    h.arrive("c2", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).singleElement().satisfies(r -> {
      assertThat(r.call().value()).isEqualTo("c2");
      assertThat(r.kind()).isEqualTo("voicemail");
      assertThat(r.target()).isEqualTo("enterprise-mailbox");
      assertThat(r.dialString()).isEmpty();
    });
    assertThat(h.segments(SegmentQueued.class)).extracting(s -> s.key().call().value()).containsExactly("c1");
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
    assertThat(h.engine.closedArrivals()).isEqualTo(1);
    assertThat(h.engine.ignoredInputs()).isZero();
  }

  @Test
  void secondRangeOfTheDay_opensAgain_andALineWithoutHoursIsAlwaysOpen() {
    EngineHarness h = harness(VOICEMAIL);
    h.now = EngineHarness.T0 + EngineHarness.seconds(4.5 * H) - 1; // 13:29:59.999999999
    h.arrive("c1", "12345-enterprise");
    h.arrive("c2", "12345");
    h.now = EngineHarness.T0 + EngineHarness.seconds(4.5 * H); // 13:30
    h.arrive("c3", "12345-enterprise");
    h.now = EngineHarness.T0 + EngineHarness.seconds(15 * H); // Saturday 00:00
    h.arrive("c4", "12345");
    assertThat(h.outputs(RouteCall.class)).extracting(r -> r.call().value()).containsExactly("c1");
    assertThat(h.queueView("general").waiting()).isEqualTo(3);
  }

  @Test
  void holiday_isClosedAllDay() {
    EngineHarness h = harness(VOICEMAIL, LocalDate.of(2026, 11, 27));
    h.arrive("c1", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).extracting(r -> r.call().value()).containsExactly("c1");
    assertThat(h.engine.closedArrivals()).isEqualTo(1);
  }

  @Test
  void zone_isTheConfiguredOne_utc() {
    // 09:00 in Shanghai is 01:00 UTC: closed when the engine runs on UTC
    EngineHarness h = new EngineHarness(config(ZoneId.of("UTC"), "office", office(VOICEMAIL)));
    h.arrive("c1", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).hasSize(1);
    h.now = EngineHarness.T0 + EngineHarness.seconds(8 * H); // 09:00 UTC
    h.arrive("c2", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).hasSize(1);
    assertThat(h.queueView("general").waiting()).isEqualTo(1);
  }

  @Test
  void closedAction_callback_andExternalWithItsDialString() {
    EngineHarness h = harness(new Overflow(Overflow.Kind.CALLBACK, "callbacks"), LocalDate.of(2026, 11, 27));
    h.arrive("c1", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).singleElement()
        .isEqualTo(new RouteCall(1, org.hotlineacd.cti.model.CallId.of("c1"), "callback", "callbacks", ""));

    EngineHarness e = harness(new Overflow(Overflow.Kind.EXTERNAL, "110"), LocalDate.of(2026, 11, 27));
    e.arrive("c1", "12345-enterprise");
    assertThat(e.outputs(RouteCall.class)).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("external");
      assertThat(r.target()).isEqualTo("110");
      assertThat(r.dialString()).isEqualTo("PJSIP/police/110");
    });
  }

  @Test
  void closedAction_queue_isTheCallsFirstSegment() {
    EngineHarness h = harness(new Overflow(Overflow.Kind.QUEUE, "policy"), LocalDate.of(2026, 11, 27));
    h.arrive("c1", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).isEmpty();
    assertThat(h.segments(SegmentQueued.class)).singleElement().satisfies(s -> {
      assertThat(s.key().index()).isZero();
      assertThat(s.key().queue()).isEqualTo("policy");
      assertThat(s.key().line()).isEqualTo("12345-enterprise");
      assertThat(s.priority()).isEqualTo(50);
    });
    assertThat(h.queueView("policy").waiting()).isEqualTo(1);
    assertThat(h.queueView("general").waiting()).isZero();
    assertThat(h.engine.closedArrivals()).isEqualTo(1);
    h.callerHangsUp("c1");
    assertThat(h.queueView("policy").waiting()).isZero();
  }

  @Test
  void reload_carriesTheCalendars() {
    EngineHarness h = new EngineHarness(config(EngineHarness.ZONE, null, null));
    h.arrive("c1", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).isEmpty();

    h.engine.reconfigure(config(EngineHarness.ZONE, "office", office(VOICEMAIL, LocalDate.of(2026, 11, 27)))
        .requireConsistent(), h.now);
    h.arrive("c2", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).extracting(RouteCall::kind).containsExactly("voicemail");

    h.engine.reconfigure(config(EngineHarness.ZONE, "office",
        office(new Overflow(Overflow.Kind.CALLBACK, "cb"), LocalDate.of(2026, 11, 27))).requireConsistent(), h.now);
    h.arrive("c3", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).extracting(RouteCall::kind).containsExactly("voicemail", "callback");

    h.engine.reconfigure(config(EngineHarness.ZONE, null, null).requireConsistent(), h.now);
    h.arrive("c4", "12345-enterprise");
    assertThat(h.outputs(RouteCall.class)).hasSize(2);
    assertThat(h.queueView("general").waiting()).isEqualTo(2);
    assertThat(h.engine.closedArrivals()).isEqualTo(2);
  }
}
