package org.hotlineacd.acd.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotlineacd.acd.figures.FigureFixtures.SHANGHAI;
import static org.hotlineacd.acd.figures.FigureFixtures.abandoned;
import static org.hotlineacd.acd.figures.FigureFixtures.answered;
import static org.hotlineacd.acd.figures.FigureFixtures.at;
import static org.hotlineacd.acd.figures.FigureFixtures.feed;
import static org.hotlineacd.acd.figures.FigureFixtures.key;
import static org.hotlineacd.acd.figures.FigureFixtures.seconds;
import static org.hotlineacd.acd.figures.FigureFixtures.thresholds;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotlineacd.acd.config.ServiceLevelFormula;
import org.hotlineacd.acd.config.Thresholds;
import org.junit.jupiter.api.Test;

/** The printed tables. */
class FigureTablesTest {
  private static final long DAY = at("2024-03-01T00:00:00", SHANGHAI);
  private static final long NEXT_DAY = at("2024-03-02T00:00:00", SHANGHAI);

  private static FigureBook book() {
    Map<String, Thresholds> queues = new LinkedHashMap<>();
    queues.put("general", Thresholds.DEFAULT);
    queues.put("enterprise", Thresholds.DEFAULT);
    queues.put("english", Thresholds.DEFAULT);
    FigureBook book = new FigureBook(queues, SHANGHAI);
    feed(book, answered(key("c1", 0, "general", at("2024-03-01T09:00:00", SHANGHAI)), seconds(12), seconds(190)));
    feed(book, answered(key("c2", 0, "general", at("2024-03-01T09:00:05", SHANGHAI)), seconds(31), seconds(700)));
    feed(book, abandoned(key("c3", 0, "enterprise", at("2024-03-01T09:01:00", SHANGHAI)), seconds(40)));
    return book;
  }

  @Test
  void annualTable_hasTheSeedsColumns_andTwoDecimals() {
    String table = FigureTables.annualTable(book().centre(DAY, NEXT_DAY));

    assertThat(table.lines().toList()).hasSize(3);
    assertThat(table.lines().findFirst().orElseThrow()).contains(
        "人工接听话务量 (通)", "30 秒人工接通率 (%)", "平均等待时长 (秒)", "平均通话时长 (秒)", "话务通话时长超 10 分钟占比 (%)");
    assertThat(table.lines().skip(2).findFirst().orElseThrow().split("\\|"))
        .extracting(String::strip)
        .containsExactly("", "2", "33.33", "21.50", "445.00", "50.00");
  }

  @Test
  void annualTable_namesTheConfiguredThresholds() {
    FigureBook book = new FigureBook(Map.of("q", thresholds(20, 0, 300, ServiceLevelFormula.OFFERED)), SHANGHAI);

    assertThat(FigureTables.annualTable(book.centreTotal())).contains("20 秒人工接通率", "超 5 分钟占比");
  }

  @Test
  void report_statesThresholdsFormulaAndZone_andPrintsDashForNoData() {
    String report = FigureTables.report(book(), DAY, NEXT_DAY);

    assertThat(report)
        .contains("2024-03-01 00:00 to 2024-03-02 00:00 (Asia/Shanghai)")
        .contains("general: T 30 s, S 0 s, L 600 s, formula offered")
        .contains("offered = answered within T / (offered - short abandons)")
        .contains("Time zone: Asia/Shanghai");
    String english = report.lines().filter(l -> l.startsWith("| english")).findFirst().orElseThrow();
    assertThat(english.split("\\|")).extracting(String::strip)
        .containsExactly("", "english", "0", "0", "0", "-", "-", "-", "-", "-");
    String centre = report.lines().filter(l -> l.startsWith("| (centre)")).findFirst().orElseThrow();
    assertThat(centre.split("\\|")).extracting(String::strip)
        .containsExactly("", "(centre)", "3", "2", "1", "33.33", "21.50", "445.00", "50.00", "445.00");
  }

  @Test
  void columnsAlign_countingChineseCharactersAsTwoColumns() {
    String table = FigureTables.annualTable(book().centreTotal());

    assertThat(table.lines().map(FigureTables::width).distinct()).hasSize(1);
  }
}
