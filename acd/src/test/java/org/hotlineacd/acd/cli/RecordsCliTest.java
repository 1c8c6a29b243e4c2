package org.hotlineacd.acd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records commands end to end on the shipped configuration: a stored simulation run shows up
 * in report, cases list and callbacks list; bad input is a usage error (exit 2) that says what
 * was wrong.
 */
class RecordsCliTest {
  private static final String CONFIG = Path.of("..", "config", "acd.yaml").toString();
  @TempDir static Path dir;
  private static String db;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void storeASimulatedMorning() {
    db = dir.resolve("acd.db").toString();
    Run sim = run("simulate", "-c", CONFIG, "-p", Path.of("..", "config", "profiles", "city-peak-day.yaml").toString(), "-d", "3h", "--date", "2026-03-02", "--store", "--db", db);
    assertThat(sim.code()).as(sim.err()).isZero();
    assertThat(sim.out()).contains("records: ").contains("call records");
  }

  @Test
  void report_printsTheSeedTable_queues_intervals_thresholdsAndZone() {
    Run r = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-02", "--to", "2026-03-02");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("话务服务", "人工接听话务量", "Per queue", "general", "Per interval",
        "2026-03-02 00:00", "Time zone: Asia/Shanghai", "T 30 s, S 0 s, L 600 s, formula offered", "Transfers in by label: 110");
  }

  @Test
  void report_inCsvAndJson_forOneQueue() {
    Run csv = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-02T00:00", "--to", "2026-03-02T02:00",
        "--queue", "general", "--format", "csv", "--by", "hour");
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.out()).startsWith("section,scope,from,to,figure,value\n").contains("headline,general,");
    Run json = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-02", "--to", "2026-03-03", "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"scope\" : \"(centre)\"", "\"timeZone\" : \"Asia/Shanghai\"");
  }

  @Test
  void report_badInput_isAUsageError_sayingWhatIsWrong() {
    Run backwards = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-03", "--to", "2026-03-02T12:00");
    assertThat(backwards.code()).isEqualTo(Main.USAGE);
    assertThat(backwards.err()).contains("--from (2026-03-03) must be before --to");
    Run queue = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-02", "--to", "2026-03-02", "--queue", "genral");
    assertThat(queue.code()).isEqualTo(Main.USAGE);
    assertThat(queue.err()).contains("unknown queue 'genral'", "general");
    Run date = run("report", "-c", CONFIG, "--db", db, "--from", "2026-13-02", "--to", "2026-03-02");
    assertThat(date.code()).isEqualTo(Main.USAGE);
    assertThat(date.err()).contains("--from '2026-13-02' is not a date or time");
    Run format = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-02", "--to", "2026-03-02", "--format", "pdf");
    assertThat(format.code()).isEqualTo(Main.USAGE);
    Run missing = run("report", "-c", CONFIG, "--db", db, "--from", "2026-03-02");
    assertThat(missing.code()).isEqualTo(Main.USAGE);
  }

  @Test
  void casesList_showsTheLocalCases_andRejectsAnUnknownState() {
    Run list = run("cases", "list", "-c", CONFIG, "--db", db, "--state", "local", "--limit", "5");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("LOCAL=").contains("call_sim-");
    Run dead = run("cases", "list", "-c", CONFIG, "--db", db, "--state", "dead");
    assertThat(dead.code()).isZero();
    assertThat(dead.out()).contains("(none)");
    Run bad = run("cases", "list", "-c", CONFIG, "--db", db, "--state", "lost");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("unknown state 'lost'");
    Run retry = run("cases", "retry", "-c", CONFIG, "--db", db, "no-such-case");
    assertThat(retry.code()).isEqualTo(Main.USAGE);
  }

  @Test
  void callbacksList_forTheDay() {
    Run r = run("callbacks", "list", "-c", CONFIG, "--db", db, "--date", "2026-03-02");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("callbacks for 2026-03-02 (Asia/Shanghai)");
    Run bad = run("callbacks", "list", "-c", CONFIG, "--db", db, "--date", "yesterday");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
  }
}
