package org.hotlineacd.acd.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The businessHours section: binding, opening times, and every problem with its position. */
class BusinessHoursConfigTest {
  @TempDir Path dir;

  private static final String QUEUES = "transferTargets: {\"110\": {dialString: PJSIP/t/110}}\n"
      + "queues: [{id: general}, {id: policy}]\n";

  private List<String> problems(String yaml) throws IOException {
    Path file = dir.resolve("acd.yaml");
    Files.writeString(file, yaml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file));
    assertThat(e).as("expected problems").isNotNull();
    return e.problems().stream().map(p -> p.toString().substring(file.toString().length() + 1)).toList();
  }

  private static AcdConfig parse(String yaml) throws ConfigException {
    return ConfigLoader.parse(yaml, "acd.yaml");
  }

  private static final String OFFICE = QUEUES
      + "businessHours:\n"
      + "  office:\n"
      + "    week: {mon: \"08:30-12:00,13:30-17:30\", tue: \"08:30-17:30\", sat: closed, sun: closed}\n"
      + "    holidays: [2026-10-01]\n"
      + "    closed: {kind: voicemail, target: mailbox}\n"
      + "lines:\n"
      + "  - {id: a, queue: general, hours: office}\n"
      + "  - {id: b, queue: general}\n";

  @Test
  void binds_calendarAndLineReference() throws ConfigException {
    AcdConfig c = parse(OFFICE);
    BusinessHours office = c.businessHours().get("office");
    assertThat(office.week().get(DayOfWeek.MONDAY)).containsExactly(
        new BusinessHours.Range(8 * 60 + 30, 12 * 60), new BusinessHours.Range(13 * 60 + 30, 17 * 60 + 30));
    assertThat(office.week().get(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(office.week()).doesNotContainKey(DayOfWeek.WEDNESDAY);
    assertThat(office.holidays()).containsExactly(LocalDate.of(2026, 10, 1));
    assertThat(office.closed()).isEqualTo(new Overflow(Overflow.Kind.VOICEMAIL, "mailbox"));
    assertThat(c.line("a").orElseThrow().hours()).isEqualTo("office");
    assertThat(c.hoursOf(c.line("a").orElseThrow())).contains(office);
    assertThat(c.line("b").orElseThrow().hours()).isNull();
    assertThat(c.hoursOf(c.line("b").orElseThrow())).isEmpty();
  }

  @Test
  void opening_startInclusive_endExclusive_twoRanges_holiday_unlistedDay() throws ConfigException {
    BusinessHours office = parse(OFFICE).businessHours().get("office");
    // 2026-09-28 is a Monday
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 8, 29, 59))).isFalse();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 8, 30))).isTrue();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 11, 59, 59))).isTrue();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 12, 0))).isFalse();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 13, 29))).isFalse();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 13, 30))).isTrue();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 17, 29, 59))).isTrue();
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 28, 17, 30))).isFalse();
    // Tuesday, one range: open over lunch
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 29, 12, 30))).isTrue();
    // Wednesday is not listed: closed
    assertThat(office.isOpen(LocalDateTime.of(2026, 9, 30, 10, 0))).isFalse();
    // 2026-10-05 is a Monday; 2026-10-01 (a Thursday) is a holiday, and so is any Monday listed
    assertThat(office.isOpen(LocalDateTime.of(2026, 10, 5, 10, 0))).isTrue();
    assertThat(parse(OFFICE.replace("[2026-10-01]", "[2026-10-05]")).businessHours().get("office")
        .isOpen(LocalDateTime.of(2026, 10, 5, 10, 0))).isFalse();
    // Saturday closed
    assertThat(office.isOpen(LocalDateTime.of(2026, 10, 3, 10, 0))).isFalse();
  }

  @Test
  void opening_readsEpochNanosInTheZone_shanghaiAndUtc() throws ConfigException {
    BusinessHours office = parse(OFFICE).businessHours().get("office");
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    long mondayNineShanghai = nanos(ZonedDateTime.of(2026, 9, 28, 9, 0, 0, 0, shanghai));
    // 09:00 in Shanghai is 01:00 UTC: open in one zone, closed in the other
    assertThat(office.isOpen(mondayNineShanghai, shanghai)).isTrue();
    assertThat(office.isOpen(mondayNineShanghai, ZoneId.of("UTC"))).isFalse();
    long mondayNineUtc = nanos(ZonedDateTime.of(2026, 9, 28, 9, 0, 0, 0, ZoneId.of("UTC")));
    assertThat(office.isOpen(mondayNineUtc, ZoneId.of("UTC"))).isTrue();
    // 17:00 Shanghai, one nanosecond before and at 17:30
    long close = nanos(ZonedDateTime.of(2026, 9, 28, 17, 30, 0, 0, shanghai));
    assertThat(office.isOpen(close - 1, shanghai)).isTrue();
    assertThat(office.isOpen(close, shanghai)).isFalse();
  }

  @Test
  void endOfDay_2400_isAllowedAsAnEnd() throws ConfigException {
    BusinessHours h = parse(QUEUES + "businessHours:\n  n: {week: {mon: \"22:00-24:00\", tue: \"00:00-06:00\"},"
        + " closed: {kind: callback}}\n").businessHours().get("n");
    assertThat(h.isOpen(LocalDateTime.of(2026, 9, 28, 23, 59, 59))).isTrue();
    assertThat(h.isOpen(LocalDateTime.of(2026, 9, 29, 0, 0))).isTrue();
    assertThat(h.isOpen(LocalDateTime.of(2026, 9, 29, 6, 0))).isFalse();
  }

  @Test
  void closedActions_ofEveryKindBind() throws ConfigException {
    AcdConfig c = parse(QUEUES + "businessHours:\n"
        + "  v: {week: {}, closed: {kind: voicemail, target: box}}\n"
        + "  c: {week: {}, closed: {kind: callback}}\n"
        + "  e: {week: {}, closed: {kind: external, target: \"110\"}}\n"
        + "  q: {week: {}, closed: {kind: queue, target: policy}}\n");
    assertThat(c.businessHours().values()).extracting(BusinessHours::closed).containsExactly(
        new Overflow(Overflow.Kind.VOICEMAIL, "box"), new Overflow(Overflow.Kind.CALLBACK, ""),
        new Overflow(Overflow.Kind.EXTERNAL, "110"), new Overflow(Overflow.Kind.QUEUE, "policy"));
  }

  // ---- problems ------------------------------------------------------------------------

  @Test
  void unknownDay_suggestsTheClosest() throws IOException {
    assertThat(problems(QUEUES + "businessHours:\n  office:\n    week: {mon: closed, thur: closed}\n"
        + "    closed: {kind: callback}\n")).containsExactly(
        "5:25: businessHours.office.week.thur: unknown key 'thur'; did you mean 'thu'?"
            + " (allowed: mon, tue, wed, thu, fri, sat, sun)");
  }

  @Test
  void badRanges_areReportedAtTheirDay() throws IOException {
    assertThat(problems(QUEUES + "businessHours:\n  office:\n    week:\n"
        + "      mon: \"17:30-08:30\"\n"
        + "      tue: \"8:30-17:30\"\n"
        + "      wed: \"08:30-25:00\"\n"
        + "      thu: \"08:30-12:00,11:00-17:30\"\n"
        + "      fri: 42\n"
        + "    closed: {kind: callback}\n")).containsExactly(
        "6:12: businessHours.office.week.mon: range '17:30-08:30' ends before it starts (a range cannot cross"
            + " midnight: split it over two days, e.g. 22:00-24:00 and 00:00-06:00)",
        "7:12: businessHours.office.week.tue: '8:30-17:30' is not a range like 08:30-17:30 (HH:MM-HH:MM, several"
            + " separated by commas, or closed)",
        "8:12: businessHours.office.week.wed: '08:30-25:00' is not a time of day: hours 00-23 (24:00 only as an end),"
            + " minutes 00-59",
        "9:12: businessHours.office.week.thu: range '11:00-17:30' overlaps or comes before 08:30-12:00; list the"
            + " ranges of a day in order",
        "10:12: businessHours.office.week.fri: '42' is not a range like 08:30-17:30 (HH:MM-HH:MM, several"
            + " separated by commas, or closed)");
  }

  @Test
  void badDates_andDuplicateHoliday() throws IOException {
    assertThat(problems(QUEUES + "businessHours:\n  office:\n    week: {}\n"
        + "    holidays: [2026-02-30, 1 Oct, 2026-10-01, 2026-10-01]\n"
        + "    closed: {kind: callback}\n")).containsExactly(
        "6:16: businessHours.office.holidays[0]: '2026-02-30' is not a date like 2026-10-01 (YYYY-MM-DD)",
        "6:28: businessHours.office.holidays[1]: '1 Oct' is not a date like 2026-10-01 (YYYY-MM-DD)",
        "6:47: businessHours.office.holidays[3]: duplicate holiday 2026-10-01");
  }

  @Test
  void unknownCalendar_referencedByALine() throws IOException {
    assertThat(problems(OFFICE.replace("hours: office}", "hours: ofice}"))).containsExactly(
        "9:36: lines[0].hours: unknown business-hours calendar 'ofice' (line a; one of office)");
  }

  @Test
  void aLineNamingABrokenCalendar_isNotAlsoToldItIsUnknown() throws IOException {
    assertThat(problems(QUEUES + "businessHours:\n  office: {week: {}}\nlines:\n  - {id: a, queue: general, hours: office}\n"))
        .containsExactly("4:11: businessHours.office: missing required field 'closed'");
  }

  @Test
  void closedTargets_areCheckedLikeOverflowTargets() throws IOException {
    assertThat(problems(QUEUES + "businessHours:\n"
        + "  a: {week: {}, closed: {kind: queue, target: nowhere}}\n"
        + "  b: {week: {}, closed: {kind: external, target: \"119\"}}\n"
        + "  c: {week: {}, closed: {kind: external}}\n"
        + "  d: {week: {}, closed: {kind: fax}}\n"
        + "  e: {week: {}}\n")).containsExactly(
        "4:47: businessHours.a.closed.target: unknown queue 'nowhere'",
        "5:50: businessHours.b.closed.target: unknown transfer target '119'",
        "6:25: businessHours.c.closed: closed action of kind 'external' needs a target (a transferTargets label)",
        "7:32: businessHours.d.closed.kind: unknown overflow kind 'fax' (one of queue, voicemail, callback, external)",
        "8:6: businessHours.e: missing required field 'closed'");
  }

  @Test
  void duplicateCalendarName_andBadName_andUnknownKey() throws IOException {
    assertThat(problems(QUEUES + "businessHours:\n"
        + "  office: {week: {}, closed: {kind: callback}}\n"
        + "  office: {week: {}, closed: {kind: callback}}\n"
        + "  \"-x\": {week: {}, closed: {kind: callback}}\n"
        + "  y: {week: {}, closed: {kind: callback}, holiday: []}\n")).containsExactly(
        "5:3: businessHours.office: duplicate key 'office' (first given at line 4)",
        "6:3: businessHours.-x: invalid calendar name '-x': use letters, digits, '.', '_' and '-', starting with a"
            + " letter or digit",
        "7:43: businessHours.y.holiday: unknown key 'holiday'; did you mean 'holidays'? (allowed: week, holidays,"
            + " closed)");
  }

  @Test
  void shippedSample_putsEnterpriseAndTalentOnOfficeHours() throws ConfigException {
    AcdConfig c = ConfigLoader.load(Path.of("..", "config", "acd.yaml"));
    assertThat(c.line("12345").orElseThrow().hours()).isNull();
    assertThat(c.hoursOf(c.line("12345-enterprise").orElseThrow()).orElseThrow().closed().kind())
        .isEqualTo(Overflow.Kind.VOICEMAIL);
    assertThat(c.hoursOf(c.line("12345-talent").orElseThrow()).orElseThrow().closed().kind())
        .isEqualTo(Overflow.Kind.CALLBACK);
    assertThat(c.businessHours()).containsOnlyKeys("office", "talent-office");
    assertThat(Map.copyOf(c.businessHours())).isNotEmpty();
  }

  private static long nanos(ZonedDateTime t) {
    return t.toInstant().getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
