package org.hotlineacd.acd.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds the {@code businessHours} section: named calendars of weekly ranges, holidays and a closed action. */
final class HoursBinder {
  static final List<String> CALENDAR_KEYS = List.of("week", "holidays", "closed");
  static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Problems problems;
  private final QueueBinder queueBinder;
  /** Calendars that are written but could not be built (their problems are reported already). */
  private final java.util.Set<String> broken = new java.util.HashSet<>();

  HoursBinder(Problems problems, QueueBinder queueBinder) {
    this.problems = problems;
    this.queueBinder = queueBinder;
  }

  /** The calendars by name; one that cannot be built is left out (its problems are reported). */
  Map<String, BusinessHours> calendars(YamlNode node) {
    Map<String, BusinessHours> out = new LinkedHashMap<>();
    Values.map(node, "businessHours", problems).ifPresent(m -> {
      for (YamlNode.Entry e : m.entries().values()) {
        String at = "businessHours." + e.key();
        if (!Values.ID.matcher(e.key()).matches()) {
          problems.add(e.keyMark(), at, "invalid calendar name '" + e.key()
              + "': use letters, digits, '.', '_' and '-', starting with a letter or digit");
          continue;
        }
        calendar(e.key(), e.value(), at).ifPresentOrElse(b -> out.put(e.key(), b), () -> broken.add(e.key()));
      }
    });
    return out;
  }

  /** Names of calendars given in the file but left out for their problems. */
  java.util.Set<String> broken() {
    return broken;
  }

  private Optional<BusinessHours> calendar(String name, YamlNode node, String path) {
    return Fields.of(node, path, problems, CALENDAR_KEYS).flatMap(f -> {
      Map<DayOfWeek, List<BusinessHours.Range>> week =
          f.required("week").map(n -> week(n, f.at("week"))).orElse(Map.of());
      TreeSet<LocalDate> holidays = new TreeSet<>();
      f.node("holidays").flatMap(n -> Values.list(n, f.at("holidays"), problems)).ifPresent(l -> {
        for (int i = 0; i < l.items().size(); i++) {
          YamlNode item = l.items().get(i);
          String at = f.at("holidays") + "[" + i + "]";
          date(item, at).ifPresent(d -> {
            if (!holidays.add(d)) {
              problems.add(item, at, "duplicate holiday " + d);
            }
          });
        }
      });
      Optional<Overflow> closed = f.required("closed").flatMap(n -> queueBinder.overflow(n, f.at("closed")));
      return closed.map(c -> new BusinessHours(name, week, holidays, c));
    });
  }

  private Map<DayOfWeek, List<BusinessHours.Range>> week(YamlNode node, String path) {
    Map<DayOfWeek, List<BusinessHours.Range>> week = new EnumMap<>(DayOfWeek.class);
    Fields.of(node, path, problems, DAYS).ifPresent(f -> {
      for (int d = 0; d < DAYS.size(); d++) {
        String day = DAYS.get(d);
        DayOfWeek dow = DayOfWeek.of(d + 1);
        f.node(day).flatMap(n -> Values.string(n, f.at(day), problems).map(text -> ranges(n, f.at(day), text)))
            .ifPresent(r -> week.put(dow, r));
      }
    });
    return week;
  }

  /** {@code closed}, or ranges {@code HH:MM-HH:MM} separated by commas, in order and not overlapping. */
  private List<BusinessHours.Range> ranges(YamlNode node, String path, String text) {
    List<BusinessHours.Range> ranges = new ArrayList<>();
    if (text.trim().equals("closed")) {
      return ranges;
    }
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      Matcher m = RANGE.matcher(p);
      if (!m.matches()) {
        problems.add(node, path, "'" + p + "' is not a range like 08:30-17:30 (HH:MM-HH:MM, several separated by"
            + " commas, or closed)");
        return List.of();
      }
      int sh = Integer.parseInt(m.group(1));
      int sm = Integer.parseInt(m.group(2));
      int eh = Integer.parseInt(m.group(3));
      int em = Integer.parseInt(m.group(4));
      if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh == 24 && em > 0)) {
        problems.add(node, path, "'" + p + "' is not a time of day: hours 00-23 (24:00 only as an end), minutes 00-59");
        return List.of();
      }
      int start = sh * 60 + sm;
      int end = eh * 60 + em;
      if (end <= start) {
        problems.add(node, path, "range '" + p + "' ends before it starts (a range cannot cross midnight:"
            + " split it over two days, e.g. 22:00-24:00 and 00:00-06:00)");
        return List.of();
      }
      if (!ranges.isEmpty() && start < ranges.get(ranges.size() - 1).end()) {
        problems.add(node, path, "range '" + p + "' overlaps or comes before " + ranges.get(ranges.size() - 1)
            + "; list the ranges of a day in order");
        return List.of();
      }
      ranges.add(new BusinessHours.Range(start, end));
    }
    return ranges;
  }

  private Optional<LocalDate> date(YamlNode node, String path) {
    return Values.string(node, path, problems).flatMap(text -> {
      if (DATE.matcher(text).matches()) {
        try {
          return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
          // reported below
        }
      }
      problems.add(node, path, "'" + text + "' is not a date like 2026-10-01 (YYYY-MM-DD)");
      return Optional.empty();
    });
  }
}
