package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Named relative time ranges (the Prompt asset's time patterns give the names): this class turns a
 * name into bounds relative to "now": last_Nm, last_Nh, last_Nd, last_Nw, today, yesterday,
 * this_week, last_week, this_month, last_month, since_<weekday>.
 */
public final class TimeRanges {
    public record Range(String name, OffsetDateTime from, OffsetDateTime to) {}

    private TimeRanges() {}

    public static Range resolve(String name, OffsetDateTime now) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        OffsetDateTime startOfDay = now.truncatedTo(ChronoUnit.DAYS);
        Matcher last = Patterns.of("last_(\\d{1,4})([mhdw])").matcher(n);
        if (last.matches()) {
            long k = Long.parseLong(last.group(1));
            if (k <= 0) {
                return null;
            }
            Duration d = switch (last.group(2)) {
                case "m" -> Duration.ofMinutes(k);
                case "h" -> Duration.ofHours(k);
                case "d" -> Duration.ofDays(k);
                default -> Duration.ofDays(7 * k);
            };
            if (d.compareTo(Duration.ofDays(400)) > 0) {
                return null;
            }
            return new Range(n, now.minus(d), now);
        }
        return switch (n) {
            case "today" -> new Range(n, startOfDay, now);
            case "yesterday" -> new Range(n, startOfDay.minusDays(1), startOfDay);
            case "this_week" -> new Range(n, startOfDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), now);
            case "this_month" -> new Range(n, startOfDay.withDayOfMonth(1), now);
            case "last_month" -> new Range(n, startOfDay.withDayOfMonth(1).minusMonths(1), startOfDay.withDayOfMonth(1));
            case "last_week" -> {
                OffsetDateTime monday = startOfDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Range(n, monday.minusWeeks(1), monday);
            }
            case "week_before_last" -> { // "지지난주": the calendar week before last week
                OffsetDateTime monday = startOfDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Range(n, monday.minusWeeks(2), monday.minusWeeks(1));
            }
            default -> {
                if (n.startsWith("since_")) {
                    try {
                        DayOfWeek day = DayOfWeek.valueOf(n.substring("since_".length()).toUpperCase(Locale.ROOT));
                        yield new Range(n, startOfDay.with(TemporalAdjusters.previousOrSame(day)), now);
                    } catch (IllegalArgumentException e) {
                        yield null;
                    }
                }
                yield null;
            }
        };
    }

    /** The next wider range for the empty_result fallback, or null at the widest. */
    public static String widen(String name) {
        Matcher m = Patterns.of("last_(\\d{1,4})([mhdw])").matcher(name);
        if (m.matches()) {
            long minutes = Long.parseLong(m.group(1)) * switch (m.group(2)) {
                case "m" -> 1L;
                case "h" -> 60L;
                case "d" -> 1440L;
                default -> 10080L;
            };
            return minutes < 1440 ? "last_24h" : minutes < 10080 ? "last_7d" : minutes < 43200 ? "last_30d" : null;
        }
        // a calendar period the question named ("yesterday", "this week", "since Monday") is a date range
        // like any other: "none yesterday" is the answer, never a month's figure in its place
        return null;
    }
}
