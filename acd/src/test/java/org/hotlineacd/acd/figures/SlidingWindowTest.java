package org.hotlineacd.acd.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotlineacd.acd.figures.FigureFixtures.SECOND;
import static org.hotlineacd.acd.figures.FigureFixtures.SHANGHAI;
import static org.hotlineacd.acd.figures.FigureFixtures.abandoned;
import static org.hotlineacd.acd.figures.FigureFixtures.answered;
import static org.hotlineacd.acd.figures.FigureFixtures.at;
import static org.hotlineacd.acd.figures.FigureFixtures.feed;
import static org.hotlineacd.acd.figures.FigureFixtures.key;
import static org.hotlineacd.acd.figures.FigureFixtures.queued;
import static org.hotlineacd.acd.figures.FigureFixtures.seconds;
import static org.hotlineacd.acd.figures.FigureFixtures.thresholds;

import java.time.Duration;
import java.util.Map;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.segment.SegmentAnswered;
import org.hotlineacd.acd.segment.SegmentKey;
import org.junit.jupiter.api.Test;

/** The sliding "last N minutes" windows, the running totals and the live service-level rule. */
class SlidingWindowTest {
  private static final Duration FIFTEEN = Duration.ofMinutes(15);
  private static final long NINE = at("2024-03-01T09:00:00", SHANGHAI);
  private static final long NINE_FIFTEEN = at("2024-03-01T09:15:00", SHANGHAI);

  private static FigureBook workedExample() {
    FigureBook book = new FigureBook(Map.of("general", thresholds(30, 0, 600, ServiceLevelFormula.OFFERED)), SHANGHAI);
    feed(book, answered(key("c1", 0, "general", at("2024-03-01T09:00:00", SHANGHAI)), seconds(12), seconds(190)));
    feed(book, answered(key("c2", 0, "general", at("2024-03-01T09:00:05", SHANGHAI)), seconds(31), seconds(700)));
    feed(book, abandoned(key("c3", 0, "general", at("2024-03-01T09:01:00", SHANGHAI)), seconds(40)));
    feed(book, answered(key("c4", 0, "general", at("2024-03-01T09:14:59", SHANGHAI)), seconds(30), seconds(60)));
    feed(book, answered(key("c5", 0, "general", at("2024-03-01T09:15:00", SHANGHAI)), seconds(5), seconds(100)));
    return book;
  }

  @Test
  void last15MinutesAt0915_isTheWorkedExampleInterval_andEqualsTheReport() {
    FigureBook book = workedExample();

    Figures window = book.queueRecent("general", FIFTEEN, NINE_FIFTEEN);

    assertThat(window.fromNanos()).isEqualTo(NINE);
    assertThat(window.offered()).isEqualTo(4);
    assertThat(window.answeredWithinT()).isEqualTo(2);
    assertThat(FigureTables.percent(window.serviceLevel())).isEqualTo("50.00");
    assertThat(FigureTables.number(window.asaSeconds())).isEqualTo("24.33");
    assertThat(FigureTables.number(window.averageTalkSeconds())).isEqualTo("316.67");
    assertThat(FigureTables.percent(window.longCallShare())).isEqualTo("33.33");
    assertThat(window).isEqualTo(book.queue("general", NINE, NINE_FIFTEEN));
    assertThat(book.centreRecent(FIFTEEN, NINE_FIFTEEN)).isEqualTo(book.centre(NINE, NINE_FIFTEEN));
  }

  @Test
  void aWindowBetweenBoundaries_slidesBySecond_andEndsAtNowRoundedUp() {
    FigureBook book = workedExample();

    // 09:16:00.5 -> the window is [09:01:01, 09:16:01): c1, c2 and c3 have slid out.
    Figures f = book.queueRecent("general", FIFTEEN, NINE_FIFTEEN + 60 * SECOND + SECOND / 2);

    assertThat(f.offered()).isEqualTo(2);
    assertThat(f.answered()).isEqualTo(2);
    assertThat(f.fromNanos()).isEqualTo(NINE + 61 * SECOND);
    assertThat(book.queueRecent("general", Duration.ofSeconds(1), at("2024-03-01T09:14:59", SHANGHAI) + 1).offered())
        .as("a segment queued within the current second counts").isEqualTo(1);
  }

  @Test
  void segmentsQueuedMoreThanAnHourBeforeTheNewest_leaveTheRing_butNotTheIntervals() {
    FigureBook book = workedExample();
    feed(book, answered(key("late", 0, "general", NINE + 2 * 3600 * SECOND), seconds(3), seconds(10)));
    feed(book, answered(key("old", 0, "general", NINE + 5 * SECOND), seconds(3), seconds(10)));

    assertThat(book.queue("general", NINE, NINE_FIFTEEN).offered()).isEqualTo(5);
    assertThat(book.queueSinceStart("general").offered()).isEqualTo(7);
    assertThat(book.queueRecent("general", Duration.ofHours(1), NINE + 2 * 3600 * SECOND + SECOND).offered()).isEqualTo(1);
    assertThatThrownBy(() -> book.queueRecent("general", Duration.ofMinutes(61), NINE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 h");
  }

  @Test
  void liveServiceLevel_leavesOutCallsWaitingUnderT_andCountsThoseOverTAsMisses() {
    FigureBook book = new FigureBook(Map.of("general", thresholds(30, 0, 600, ServiceLevelFormula.OFFERED)), SHANGHAI);
    feed(book, answered(key("hit", 0, "general", NINE), seconds(10), seconds(60)));
    SegmentKey young = key("young", 0, "general", NINE + 100 * SECOND);
    SegmentKey old = key("old", 0, "general", NINE + 60 * SECOND);
    book.on(queued(young, null));
    book.on(queued(old, null));
    long now = NINE + 110 * SECOND; // young has waited 10 s, old 50 s

    Figures f = book.queueRecent("general", FIFTEEN, now);
    long undecided = book.undecided("general", f.fromNanos(), f.toNanos(), now);

    assertThat(undecided).isEqualTo(1);
    assertThat(f.serviceLevel()).as("the report's rule: both waiting calls pull it down").isEqualTo(1.0 / 3);
    assertThat(f.liveServiceLevel(undecided)).as("live: young left out, old a miss").isEqualTo(0.5);
    assertThat(book.centreUndecided(f.fromNanos(), f.toNanos(), now)).isEqualTo(1);

    book.on(new SegmentAnswered(young, FigureFixtures.AGENT, now + SECOND, 1));
    long later = now + 2 * SECOND;
    Figures g = book.queueRecent("general", FIFTEEN, later);
    assertThat(book.undecided("general", g.fromNanos(), g.toNanos(), later)).isZero();
    assertThat(g.liveServiceLevel(0)).isEqualTo(g.serviceLevel()).isEqualTo(2.0 / 3);
  }

  @Test
  void liveServiceLevel_byTheOtherFormulas() {
    for (ServiceLevelFormula formula : ServiceLevelFormula.values()) {
      FigureBook book = new FigureBook(Map.of("q", thresholds(30, 0, 600, formula)), SHANGHAI);
      feed(book, answered(key("hit", 0, "q", NINE), seconds(10), seconds(60)));
      book.on(queued(key("young", 0, "q", NINE + 100 * SECOND), null));
      long now = NINE + 105 * SECOND;
      Figures f = book.queueRecent("q", FIFTEEN, now);
      long undecided = book.undecided("q", f.fromNanos(), f.toNanos(), now);
      assertThat(f.liveServiceLevel(undecided)).as(formula.configName()).isEqualTo(1.0);
    }
  }
}
