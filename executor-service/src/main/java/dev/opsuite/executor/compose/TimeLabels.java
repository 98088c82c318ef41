package dev.opsuite.executor.compose;

import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.asset.Text;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a plan's time range for people, in the question's language: relative ranges by the
 * Mapping asset's time_range_labels ("last_{n}h" → "지난 {n}시간"), the ranges a question named by
 * their dates (time_range_formats: day, month, since, range), in the zone they were read in.
 */
final class TimeLabels {
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private TimeLabels() {}

    static String label(MappingAsset mapping, String name, String from, String to, String lang) {
        if (name.isEmpty()) {
            return "";
        }
        Map<String, Text> labels = mapping.timeRangeLabels();
        int colon = name.indexOf(':');
        if (colon > 0) {
            String kind = name.substring(0, colon);
            String value = name.substring(colon + 1);
            String format = mapping.timeRangeFormats().getOrDefault(kind, Text.EMPTY).in(lang);
            if (format.isEmpty()) {
                format = "{value}";
            }
            return switch (kind) {
                case "day" -> format.replace("{date}", value).replace("{value}", value);
                case "month" -> format.replace("{month}", value).replace("{value}", value);
                case "since" -> format.replace("{from}", value).replace("{value}", value);
                case "range" -> format.replace("{range}", span(from, to)).replace("{value}", span(from, to));
                default -> value;
            };
        }
        Text l = labels.get(name);
        if (l != null) {
            return l.in(lang);
        }
        Matcher m = NUMBER.matcher(name);
        if (m.find()) {
            Text generic = labels.get(m.replaceFirst("{n}"));
            if (generic != null) {
                return generic.in(lang).replace("{n}", m.group());
            }
        }
        if (name.startsWith("since_")) {
            Text generic = labels.get("since_{day}");
            if (generic != null) {
                return generic.in(lang).replace("{day}", name.substring("since_".length()));
            }
        }
        return span(from, to).isEmpty() ? name : span(from, to);
    }

    /** "2026-11-26 10:00–12:00", "2014-04-18–2014-04-19" (whole days), or both date-times. */
    static String span(String from, String to) {
        try {
            OffsetDateTime f = OffsetDateTime.parse(from);
            OffsetDateTime t = OffsetDateTime.parse(to);
            boolean wholeDays = f.toLocalTime().equals(LocalTime.MIDNIGHT) && t.toLocalTime().equals(LocalTime.MIDNIGHT);
            if (wholeDays) {
                String last = t.minusDays(1).toLocalDate().toString();
                return f.toLocalDate().toString().equals(last) ? last : f.toLocalDate() + "–" + last;
            }
            String start = f.toLocalDate() + " " + f.toLocalTime().withSecond(0).withNano(0);
            String end = f.toLocalDate().equals(t.toLocalDate()) ? t.toLocalTime().withSecond(0).withNano(0).toString()
                    : t.toLocalDate() + " " + t.toLocalTime().withSecond(0).withNano(0);
            return start + "–" + end;
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }
}
