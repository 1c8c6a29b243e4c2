package org.hotlineacd.acd.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotlineacd.acd.figures.FigureFixtures.SECOND;
import static org.hotlineacd.acd.figures.FigureFixtures.SHANGHAI;
import static org.hotlineacd.acd.figures.FigureFixtures.abandoned;
import static org.hotlineacd.acd.figures.FigureFixtures.answered;
import static org.hotlineacd.acd.figures.FigureFixtures.at;
import static org.hotlineacd.acd.figures.FigureFixtures.feed;
import static org.hotlineacd.acd.figures.FigureFixtures.key;
import static org.hotlineacd.acd.figures.FigureFixtures.overflowed;
import static org.hotlineacd.acd.figures.FigureFixtures.seconds;
import static org.hotlineacd.acd.figures.FigureFixtures.thresholds;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Thresholds;
import org.hotlineacd.acd.segment.SegmentEvent;
import org.hotlineacd.acd.segment.SegmentKey;
import org.junit.jupiter.api.Test;

/** Interval boundaries, time zones and the whole-centre rules. */
class FigureBoundaryTest {
  private static FigureBook shanghaiBook() {
    return new FigureBook(Map.of("general", Thresholds.DEFAULT), SHANGHAI);
  }

  @Test
  void queuedAt091459_answeredAt091520_belongsTo0900() {
    FigureBook book = shanghaiBook();
    feed(book, answered(key("c", 0, "general", at("2024-03-01T09:14:59", SHANGHAI)), seconds(21), seconds(60)));

    Figures nine = book.queue("general", at("2024-03-01T09:00:00", SHANGHAI), at("2024-03-01T09:15:00", SHANGHAI));
    assertThat(nine.offered()).isEqualTo(1);
    assertThat(nine.answered()).isEqualTo(1);
    assertThat(nine.talks()).isEqualTo(1);
    assertThat(book.intervalCount()).isEqualTo(1);
  }

  @Test
  void waitOfExactlyT_isWithinT_andOneNanoMoreIsNot() {
    FigureBook book = shanghaiBook();
    long nine = at("2024-03-01T09:00:00", SHANGHAI);
    feed(book, answered(key("c1", 0, "general", nine), 30 * SECOND, seconds(10)));
    feed(book, answered(key("c2", 0, "general", nine), 30 * SECOND + 1, seconds(10)));
    feed(book, abandoned(key("c3", 0, "general", nine), 30 * SECOND));

    Figures f = book.queueTotal("general");
    assertThat(f.answeredWithinT()).isEqualTo(1);
    assertThat(f.abandonedWithinT()).isEqualTo(1);
  }

  @Test
  void talkOfExactlyL_isNotLong() {
    FigureBook book = shanghaiBook();
    feed(book, answered(key("c1", 0, "general", 0), SECOND, 600 * SECOND));
    feed(book, answered(key("c2", 0, "general", 0), SECOND, 600 * SECOND + 1));

    assertThat(book.queueTotal("general").longCalls()).isEqualTo(1);
  }

  @Test
  void dayBoundaryInShanghai_isLocalMidnight_notUtcMidnight() {
    FigureBook book = shanghaiBook();
    // 23:59:59 local on 31 Dec is 15:59:59 UTC; 00:00:00 local on 1 Jan is 16:00 UTC on 31 Dec.
    feed(book, answered(key("late", 0, "general", at("2024-12-31T23:59:59", SHANGHAI)), seconds(5), seconds(30)));
    feed(book, answered(key("early", 0, "general", at("2025-01-01T00:00:00", SHANGHAI)), seconds(5), seconds(30)));
    feed(book, abandoned(key("noon", 0, "general", at("2025-01-01T12:00:00", SHANGHAI)), seconds(5)));

    List<Figures> days = book.centreByPeriod(Period.DAY, 0, Long.MAX_VALUE);
    assertThat(days).extracting(Figures::fromNanos, Figures::toNanos, Figures::offered)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(at("2024-12-31T00:00:00", SHANGHAI), at("2025-01-01T00:00:00", SHANGHAI), 1L),
            org.assertj.core.groups.Tuple.tuple(at("2025-01-01T00:00:00", SHANGHAI), at("2025-01-02T00:00:00", SHANGHAI), 2L));
    assertThat(book.centreByPeriod(Period.YEAR, 0, Long.MAX_VALUE)).extracting(Figures::offered)
        .containsExactly(1L, 2L);
    assertThat(book.centre(at("2025-01-01T00:00:00", SHANGHAI), at("2025-01-02T00:00:00", SHANGHAI)).answered())
        .isEqualTo(1);
  }

  @Test
  void zoneWithAQuarterHourOffset_alignsIntervalsOnLocalTime() {
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu"); // +05:45
    FigureBook book = new FigureBook(Map.of("general", Thresholds.DEFAULT), kathmandu);
    long queued = at("2024-03-01T09:07:00", kathmandu);

    assertThat(book.intervalStart(queued)).isEqualTo(at("2024-03-01T09:00:00", kathmandu));
    assertThat(book.periodStart(Period.HOUR, at("2024-03-01T09:59:59", kathmandu)))
        .isEqualTo(at("2024-03-01T09:00:00", kathmandu));
    ZoneId chatham = ZoneId.of("Pacific/Chatham"); // +12:45 / +13:45
    FigureBook nz = new FigureBook(Map.of(), chatham);
    assertThat(nz.intervalStart(at("2024-07-01T10:44:59", chatham))).isEqualTo(at("2024-07-01T10:30:00", chatham));
  }

  @Test
  void dstFallBack_repeatedHourHasItsOwnIntervals_andTheDayHas25Hours() {
    ZoneId berlin = ZoneId.of("Europe/Berlin"); // 2024-10-27 03:00 CEST -> 02:00 CET
    FigureBook book = new FigureBook(Map.of("general", Thresholds.DEFAULT), berlin);
    long firstTwoAm = at("2024-10-27T02:00:00", berlin); // earlier offset, +02:00
    long secondTwoAm = firstTwoAm + 3600 * SECOND; // 02:00 again, +01:00
    feed(book, abandoned(key("first", 0, "general", firstTwoAm + 60 * SECOND), SECOND));
    feed(book, abandoned(key("second", 0, "general", secondTwoAm + 60 * SECOND), SECOND));
    for (int h = 0; h < 25; h++) {
      long t = at("2024-10-27T00:00:00", berlin) + h * 3600 * SECOND + 20 * 60 * SECOND;
      feed(book, abandoned(key("h" + h, 0, "general", t), SECOND));
    }

    assertThat(book.intervalStart(firstTwoAm + 60 * SECOND)).isEqualTo(firstTwoAm);
    assertThat(book.intervalStart(secondTwoAm + 60 * SECOND)).isEqualTo(secondTwoAm);
    assertThat(book.periodEnd(Period.INTERVAL, firstTwoAm + 45 * 60 * SECOND)).isEqualTo(secondTwoAm);
    List<Figures> hours = book.queueByPeriod("general", Period.HOUR, 0, Long.MAX_VALUE);
    assertThat(hours).hasSize(25);
    assertThat(hours).allSatisfy(h -> assertThat(h.toNanos() - h.fromNanos()).isEqualTo(3600 * SECOND));
    List<Figures> days = book.queueByPeriod("general", Period.DAY, 0, Long.MAX_VALUE);
    assertThat(days).singleElement().satisfies(d -> {
      assertThat(d.offered()).isEqualTo(27);
      assertThat(d.toNanos() - d.fromNanos()).isEqualTo(25 * 3600 * SECOND);
    });
  }

  @Test
  void dstSpringForward_intervalsStayFifteenMinutes() {
    ZoneId berlin = ZoneId.of("Europe/Berlin"); // 2024-03-31 02:00 CET -> 03:00 CEST
    FigureBook book = new FigureBook(Map.of(), berlin);
    long quarterToTwo = at("2024-03-31T01:45:00", berlin);

    assertThat(book.periodEnd(Period.INTERVAL, quarterToTwo)).isEqualTo(at("2024-03-31T03:00:00", berlin));
    assertThat(book.periodEnd(Period.INTERVAL, quarterToTwo) - quarterToTwo).isEqualTo(15 * 60 * SECOND);
    assertThat(book.periodEnd(Period.DAY, book.periodStart(Period.DAY, quarterToTwo))
        - book.periodStart(Period.DAY, quarterToTwo)).isEqualTo(23 * 3600 * SECOND);
  }

  @Test
  void shortAbandons_withSAboveZero_leaveTheOfferedDenominator() {
    FigureBook book = new FigureBook(
        Map.of("general", thresholds(30, 5, 600, ServiceLevelFormula.OFFERED)), SHANGHAI);
    feed(book, answered(key("c1", 0, "general", 0), seconds(10), seconds(60)));
    feed(book, answered(key("c2", 0, "general", 0), seconds(40), seconds(60)));
    feed(book, abandoned(key("quick", 0, "general", 0), seconds(5))); // = S: short
    feed(book, abandoned(key("slow", 0, "general", 0), seconds(6)));

    Figures f = book.queueTotal("general");
    assertThat(f.shortAbandons()).isEqualTo(1);
    assertThat(f.abandoned()).isEqualTo(2);
    assertThat(FigureTables.percent(f.serviceLevel())).isEqualTo("33.33"); // 1 / (4 - 1)
    assertThat(FigureTables.percent(f.abandonRate())).isEqualTo("50.00"); // abandoned / offered, all counted
  }

  @Test
  void sOfZero_excludesNothing_evenAZeroWait() {
    FigureBook book = shanghaiBook();
    feed(book, abandoned(key("instant", 0, "general", 0), 0));
    feed(book, answered(key("c", 0, "general", 0), seconds(1), seconds(1)));

    Figures f = book.queueTotal("general");
    assertThat(f.shortAbandons()).isZero();
    assertThat(f.serviceLevel()).isEqualTo(0.5);
  }

  @Test
  void transferToAnotherQueue_countsInBothQueues_andOnceInTheCentre() {
    Map<String, Thresholds> queues = new LinkedHashMap<>();
    queues.put("general", Thresholds.DEFAULT);
    queues.put("enterprise", thresholds(20, 0, 300, ServiceLevelFormula.ANSWERED));
    FigureBook book = new FigureBook(queues, SHANGHAI);
    long t0 = at("2024-03-01T09:10:00", SHANGHAI);
    SegmentKey first = key("c", 0, "general", t0);
    List<SegmentEvent> seg0 = answered(first, seconds(10), seconds(400), seconds(20), seconds(30), "queue:enterprise");
    long transferredAt = t0 + seconds(410); // 09:16:50, the next interval
    SegmentKey second = key("c", 1, "enterprise", transferredAt);
    List<SegmentEvent> seg1 = answered(second, seconds(25), seconds(300), 0, seconds(15), null);
    // As the engine emits them: the first agent's wrap-up ends after the second segment starts.
    feed(book, seg0.subList(0, 3));
    feed(book, seg1.subList(0, 2));
    assertThat(book.liveCalls()).isEqualTo(1);
    feed(book, seg0.subList(3, 4));
    feed(book, seg1.subList(2, 4));

    Figures general = book.queueTotal("general");
    Figures enterprise = book.queueTotal("enterprise");
    Figures centre = book.centreTotal();
    assertThat(general.offered()).isEqualTo(1);
    assertThat(general.transfersOut()).containsExactly(Map.entry("queue:enterprise", 1L));
    assertThat(enterprise.offered()).isEqualTo(1);
    assertThat(enterprise.answeredWithinT()).as("25 s > enterprise T of 20 s").isZero();
    assertThat(centre.offered()).isEqualTo(1);
    assertThat(centre.answered()).isEqualTo(1);
    assertThat(centre.answeredWaitNanos()).as("first answer - first queued").isEqualTo(seconds(10));
    assertThat(centre.talks()).isEqualTo(1);
    assertThat(centre.talkNanos()).as("talk summed over segments").isEqualTo(seconds(700));
    assertThat(centre.longCalls()).as("700 s > general's L of 600 s").isEqualTo(1);
    assertThat(centre.wrapUpNanos()).isEqualTo(seconds(45));
    assertThat(centre.transfersOut()).as("a transfer to a queue stays in the ACD").isEmpty();
    assertThat(book.centre(t0 - 600 * SECOND, at("2024-03-01T09:15:00", SHANGHAI)).offered()).isEqualTo(1);
    assertThat(book.centre(at("2024-03-01T09:15:00", SHANGHAI), Long.MAX_VALUE).offered()).isZero();
    assertThat(book.liveCalls()).isZero();
  }

  @Test
  void overflowToVoicemail_isACentreOverflow_butOverflowToAQueueIsNot() {
    Map<String, Thresholds> queues = new LinkedHashMap<>();
    queues.put("general", Thresholds.DEFAULT);
    queues.put("backup", Thresholds.DEFAULT);
    FigureBook book = new FigureBook(queues, SHANGHAI);
    feed(book, overflowed(key("c", 0, "general", 0), seconds(120), "queue", "backup"));
    feed(book, overflowed(key("c", 1, "backup", seconds(120)), seconds(60), "voicemail", ""));
    feed(book, overflowed(key("d", 0, "general", 0), seconds(120), "queue", "backup"));
    feed(book, abandoned(key("d", 1, "backup", seconds(120)), seconds(10)));

    Figures centre = book.centreTotal();
    assertThat(book.queueTotal("general").overflowed()).isEqualTo(2);
    assertThat(book.queueTotal("backup").overflowed()).isEqualTo(1);
    assertThat(centre.overflowed()).isEqualTo(1);
    assertThat(centre.overflowedByCause()).containsExactly(Map.entry("max-wait", 1L));
    assertThat(centre.abandoned()).isEqualTo(1);
    assertThat(centre.abandonedWithinT()).as("d waited 130 s in all").isZero();
    assertThat(centre.queueTimeNanos()).isEqualTo(seconds(180 + 130));
    assertThat(centre.averageQueueTimeSeconds()).isEqualTo(155.0);
    assertThat(book.liveCalls()).isZero();
  }

  @Test
  void externalTransfersAndTransfersIn_areCountedByLabel() {
    FigureBook book = shanghaiBook();
    SegmentKey k = key("c", 0, "general", 0);
    List<SegmentEvent> events = new java.util.ArrayList<>(answered(k, seconds(3), seconds(50), 0, 0, "110"));
    events.set(0, FigureFixtures.queued(k, "12315"));
    feed(book, events);

    for (Figures f : List.of(book.queueTotal("general"), book.centreTotal())) {
      assertThat(f.transfersOut()).containsExactly(Map.entry("110", 1L));
      assertThat(f.transfersIn()).containsExactly(Map.entry("12315", 1L));
    }
  }

  @Test
  void noData_isNaN_andPrintsAsDash() {
    Figures empty = shanghaiBook().queueTotal("general");

    assertThat(empty.serviceLevel()).isNaN();
    assertThat(empty.asaSeconds()).isNaN();
    assertThat(empty.ahtSeconds()).isNaN();
    assertThat(FigureTables.percent(empty.abandonRate())).isEqualTo("-");
  }

  @Test
  void unknownQueue_isAddedWithDefaultThresholds() {
    FigureBook book = shanghaiBook();
    feed(book, answered(key("c", 0, "pop-up", 0), seconds(3), seconds(50)));

    assertThat(book.queueIds()).containsExactly("general", "pop-up");
    assertThat(book.queueTotal("pop-up").answered()).isEqualTo(1);
  }
}
