package org.hotlineacd.acd.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hotlineacd.acd.figures.FigureFixtures.SHANGHAI;
import static org.hotlineacd.acd.figures.FigureFixtures.abandoned;
import static org.hotlineacd.acd.figures.FigureFixtures.answered;
import static org.hotlineacd.acd.figures.FigureFixtures.at;
import static org.hotlineacd.acd.figures.FigureFixtures.feed;
import static org.hotlineacd.acd.figures.FigureFixtures.key;
import static org.hotlineacd.acd.figures.FigureFixtures.seconds;
import static org.hotlineacd.acd.figures.FigureFixtures.thresholds;

import java.util.Map;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.junit.jupiter.api.Test;

/** The worked example of METRICS.md, driven as segment events. */
class FigureWorkedExampleTest {
  private static final long NINE = at("2024-03-01T09:00:00", SHANGHAI);
  private static final long NINE_FIFTEEN = at("2024-03-01T09:15:00", SHANGHAI);
  private static final long NINE_THIRTY = at("2024-03-01T09:30:00", SHANGHAI);

  private static FigureBook book(ServiceLevelFormula formula) {
    FigureBook book = new FigureBook(Map.of("general", thresholds(30, 0, 600, formula)), SHANGHAI);
    feed(book, answered(key("c1", 0, "general", at("2024-03-01T09:00:00", SHANGHAI)), seconds(12), seconds(190)));
    feed(book, answered(key("c2", 0, "general", at("2024-03-01T09:00:05", SHANGHAI)), seconds(31), seconds(700)));
    feed(book, abandoned(key("c3", 0, "general", at("2024-03-01T09:01:00", SHANGHAI)), seconds(40)));
    feed(book, answered(key("c4", 0, "general", at("2024-03-01T09:14:59", SHANGHAI)), seconds(30), seconds(60)));
    feed(book, answered(key("c5", 0, "general", at("2024-03-01T09:15:00", SHANGHAI)), seconds(5), seconds(100)));
    return book;
  }

  @Test
  void interval0900_givesTheFiguresOfMetricsMd() {
    Figures f = book(ServiceLevelFormula.OFFERED).queue("general", NINE, NINE_FIFTEEN);

    assertThat(f.offered()).isEqualTo(4);
    assertThat(f.answered()).isEqualTo(3);
    assertThat(f.answeredWithinT()).isEqualTo(2);
    assertThat(f.abandoned()).isEqualTo(1);
    assertThat(FigureTables.percent(f.serviceLevel())).isEqualTo("50.00");
    assertThat(FigureTables.percent(f.abandonRate())).isEqualTo("25.00");
    assertThat(FigureTables.number(f.asaSeconds())).isEqualTo("24.33");
    assertThat(FigureTables.number(f.averageTalkSeconds())).isEqualTo("316.67");
    assertThat(FigureTables.percent(f.longCallShare())).isEqualTo("33.33");
    assertThat(f.asaSeconds()).isCloseTo(73.0 / 3, within(1e-9));
  }

  @Test
  void serviceLevel_byEachNamedFormula() {
    assertThat(FigureTables.percent(book(ServiceLevelFormula.OFFERED).queue("general", NINE, NINE_FIFTEEN).serviceLevel()))
        .isEqualTo("50.00");
    assertThat(FigureTables.percent(book(ServiceLevelFormula.ANSWERED).queue("general", NINE, NINE_FIFTEEN).serviceLevel()))
        .isEqualTo("66.67");
    Figures onTime = book(ServiceLevelFormula.ABANDONS_ON_TIME).queue("general", NINE, NINE_FIFTEEN);
    assertThat(onTime.abandonedWithinT()).as("c3 waited 40 s").isZero();
    assertThat(FigureTables.percent(onTime.serviceLevel())).isEqualTo("50.00");
  }

  @Test
  void c5_belongsToTheNextInterval() {
    FigureBook book = book(ServiceLevelFormula.OFFERED);
    Figures next = book.queue("general", NINE_FIFTEEN, NINE_THIRTY);

    assertThat(next.offered()).isEqualTo(1);
    assertThat(next.answeredWithinT()).isEqualTo(1);
    assertThat(book.queueByPeriod("general", Period.INTERVAL, 0, Long.MAX_VALUE))
        .extracting(Figures::fromNanos, Figures::offered)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NINE, 4L),
            org.assertj.core.groups.Tuple.tuple(NINE_FIFTEEN, 1L));
  }

  @Test
  void oneQueueOfSingleSegmentCalls_centreEqualsQueue() {
    FigureBook book = book(ServiceLevelFormula.OFFERED);
    Figures queue = book.queue("general", NINE, NINE_THIRTY);
    Figures centre = book.centre(NINE, NINE_THIRTY);

    assertThat(centre).usingRecursiveComparison().ignoringFields("scope", "centre").isEqualTo(queue);
    assertThat(book.liveCalls()).isZero();
  }
}
