package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the time expressions of a question with the Prompt asset's patterns ({@code rules.time}:
 * atoms in order — an earlier atom's span is not matched again — and connector words), then
 * composes them with {@link TimeComposer}. The patterns are data; what a day, a month or "since"
 * means is here.
 */
public final class TimeExpressions {
    private TimeExpressions() {}

    /** Atoms in text order, with the connector words around them already claimed in {@code spans}. */
    static List<TimeAtom> atoms(Analyzed a, PromptTime time, Map<String, Double> numberWords, List<Span> taken) {
        List<TimeAtom> found = new ArrayList<>();
        List<TimeAtom> tzCityZones = new ArrayList<>();
        List<TimeAtom> afterClock = new ArrayList<>();
        String text = a.text();
        String lowered = Patterns.lower(text);
        for (PromptTime.Atom rule : time.atoms()) {
            Patterns.Caseless c = Patterns.caseless(rule.pattern());
            if (!c.mayMatch(lowered)) {
                continue;
            }
            Pattern p = c.pattern();
            Matcher m = c.matcher(text, lowered);
            int from = 0;
            while (from <= text.length() && m.find(from)) {
                Span s = new Span(m.start(), m.end());
                Integer ago = p.namedGroups().get("ago");
                Integer not = p.namedGroups().get("not");
                if (s.length() == 0 || !wordAligned(text, s) || overlapsAny(s, taken) || after(rule, text, s)
                        || found.stream().anyMatch(f -> f.span().overlaps(s))
                        // a group named "ago" or "not" marks a reading the atom is not ("2주 전": two weeks ago, not
                        // the last two; "22.04.3 LTS": a version)
                        || ago != null && m.start(ago) >= 0 || not != null && m.start(not) >= 0) {
                    from = m.start() + 1; // a shorter alternative may still match inside ("오늘 새벽" → "새벽")
                    continue;
                }
                from = m.end();
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> g : p.namedGroups().entrySet()) {
                    String v = m.group(g.getValue());
                    if (v != null && !v.isEmpty()) {
                        fields.put(g.getKey(), v.toLowerCase(java.util.Locale.ROOT));
                    }
                }
                for (int g = 1; g <= m.groupCount(); g++) { // "$1" style ranges of older assets
                    String v = m.start(g) < 0 ? null : text.substring(m.start(g), m.end(g));
                    fields.putIfAbsent("$" + g, v == null ? "" : v);
                }
                String place = fields.getOrDefault("place", fields.getOrDefault("place2",
                        fields.getOrDefault("place3", fields.get("place4")))); // "LA 시간 기준": a Latin short name
                if (rule.kind().equals("zone") && place != null && ZonePlaces.zoneOf(place, time) == null
                        && ZonePlaces.severalZones(place, time).isEmpty()) {
                    from = m.start() + 1; // "the same day", "run time": no place of rules.time.places, no zone
                    continue;
                }
                if (place != null) {
                    fields.putIfAbsent("place", place); // "Rotterdam date", "로테르담 로컬 데이트", "our day in Rotterdam"
                }
                // "n2" is the same number caught by a second alternative of one pattern
                fields.keySet().stream().filter(k -> k.matches("[a-zA-Z]+2") && !fields.containsKey(
                        k.substring(0, k.length() - 1)) && !k.equals("v2")).toList()
                        .forEach(k -> fields.put(k.substring(0, k.length() - 1), fields.get(k)));
                // "the last three days", "지난 이틀": a count written as a word
                String n = fields.get("n");
                if (n != null && !n.chars().allMatch(Character::isDigit)) {
                    Double v = numberWords.get(n.replaceAll("\\s+", " "));
                    if (v == null) {
                        continue;
                    }
                    fields.put("n", String.valueOf(v.intValue())); // asset numbers may arrive as doubles (protobuf Struct)
                }
                // "팔월 이십오일": a month and a day written as Korean number words
                for (String k : List.of("km", "kd")) {
                    String v = fields.get(k);
                    if (v != null && koreanNumber(v) > 0) {
                        fields.putIfAbsent(k.substring(1), String.valueOf(koreanNumber(v)));
                    }
                }
                // "november ninth", "the twenty-third of april": a day of the month written as an ordinal word
                String od = fields.get("od");
                if (od != null) {
                    int day = ordinal(od, time.ordinalWords(), numberWords);
                    if (day < 1 || day > 31) {
                        from = m.start() + 1;
                        continue;
                    }
                    fields.putIfAbsent("d", String.valueOf(day));
                }
                // "half nine": an hour of the clock written as a number word (1 to 12)
                String hw = fields.get("hw");
                if (hw != null) {
                    Double v = numberWords.get(hw);
                    if (v == null || v < 1 || v > 12 || v != Math.floor(v)) {
                        from = m.start() + 1;
                        continue;
                    }
                    fields.put("H", String.valueOf(v.intValue()));
                }
                // "열한 시 이십 분": an hour in native Korean words, its minutes in Sino-Korean ones
                Integer kh = p.namedGroups().get("kh");
                if (kh != null && m.start(kh) >= 0 && !NativeClock.read(text, m.start(kh), m.end(), fields, numberWords)) {
                    from = m.start() + 1;
                    continue;
                }
                rule.constants().forEach((key, constant) -> {
                    String v = constant;
                    for (Map.Entry<String, String> f : Map.copyOf(fields).entrySet()) {
                        v = v.replace(f.getKey().startsWith("$") ? f.getKey() : "{" + f.getKey() + "}", f.getValue());
                    }
                    fields.putIfAbsent(key, v);
                });
                if (rule.kind().equals("zone") && ElidedWord.after(text, s.start())) {
                    continue; // "c'est quoi": the tail of an elided French word is no zone (EST)
                }
                TimeAtom atom = new TimeAtom(rule.name(), rule.kind(), s, fields);
                if (!fields.getOrDefault("after_clock", "").isEmpty() || !fields.getOrDefault("after_day", "").isEmpty()) {
                    afterClock.add(atom); // "midnight Pacific", "1st Nov (UK)": only right after a time of day or a day
                } else if (rule.kind().equals("zone") && place != null && !ZonePlaces.ownPlace(place, time)) {
                    tzCityZones.add(atom); // a city of the time-zone database yields to every other atom
                } else {
                    found.add(atom);
                }
            }
        }
        // "on Christmas Day" is the holiday, not the day on Christmas Island
        for (TimeAtom z : tzCityZones) {
            if (found.stream().noneMatch(f -> f.span().overlaps(z.span()))) {
                found.add(z);
            }
        }
        for (TimeAtom z : afterClock) {
            if (found.stream().noneMatch(f -> f.span().overlaps(z.span())) && (z.field("after_day").isEmpty()
                    ? ElidedWord.rightAfterClock(text, z, found) : ElidedWord.rightAfterDay(text, z, found))) {
                found.add(z);
            }
        }
        found.sort((x, y) -> x.span().start() - y.span().start());
        return found;
    }

    /**
     * Whether the words right before a match make it no time: ones the atom's {@code not_after} pattern names
     * ("Ubuntu 22.04.3", "버전 23.10.1" hold a version, not a dotted date), or — for an atom with an {@code
     * only_after} pattern — any but the words it names ("since 0700", "at 1730" are clocks; "1700" alone is a
     * number).
     */
    private static boolean after(PromptTime.Atom rule, String text, Span s) {
        String before = text.substring(0, s.start());
        String onlyAfter = rule.constants().get("only_after");
        if (onlyAfter != null && !onlyAfter.isBlank() && !Patterns.caseless("(?:^|[^\\p{L}\\p{N}])(?:" + onlyAfter
                + ")\\s*$").matcher(before, Patterns.lower(before)).find()) {
            return true;
        }
        String notAfter = rule.constants().get("not_after");
        if (notAfter == null || notAfter.isBlank()) {
            return false;
        }
        return Patterns.caseless("(?:" + notAfter + ")\\s*:?\\s*$").matcher(before, Patterns.lower(before)).find();
    }

    private static final String DIGITS = "일이삼사오육칠팔구";

    /** "ninth" 9, "twenty-third" 20 + 3 (tens from the number words), or 0. */
    static int ordinal(String word, Map<String, Integer> ordinals, Map<String, Double> numberWords) {
        String[] parts = word.trim().split("[\\s-]+");
        Integer last = ordinals.get(parts[parts.length - 1]);
        if (last == null || parts.length > 2) {
            return 0;
        }
        Double tens = parts.length == 2 ? numberWords.get(parts[0]) : Double.valueOf(0);
        return tens == null || tens % 10 != 0 || parts.length == 2 && last > 9 ? 0 : tens.intValue() + last;
    }

    /** A Sino-Korean number below 100 ("이십오": 25, "시": 10 as in 시월, "유": 6 as in 유월); 0 if it is none. */
    static int koreanNumber(String word) {
        String w = word.replace("시", "십").replace("유", "육").replace(" ", "");
        int tens = 0;
        int units = 0;
        int ten = w.indexOf('십');
        if (ten >= 0) {
            tens = ten == 0 ? 1 : ten == 1 ? DIGITS.indexOf(w.charAt(0)) + 1 : 0;
            w = w.substring(ten + 1);
            if (tens == 0) {
                return 0;
            }
        }
        if (w.length() > 1) {
            return 0;
        }
        if (w.length() == 1) {
            units = DIGITS.indexOf(w.charAt(0)) + 1;
            if (units == 0) {
                return 0;
            }
        }
        return tens * 10 + units;
    }

    /**
     * A Latin or digit edge of a match may not cut a word: "mon" is not found in "k8s-monitor"; a
     * number glued to a ':' belongs to a clock time: "00-11" is not a date in "08:00-11:00"; and one glued to a
     * '.' and more digits to a dotted number: "41.9.3" is no date inside "10.41.9.3".
     */
    static boolean wordAligned(String text, Span s) {
        boolean leftOk = s.start() == 0 || !latinOrDigit(text.charAt(s.start())) || !latinOrDigit(text.charAt(s.start() - 1));
        boolean rightOk = s.end() >= text.length() || !latinOrDigit(text.charAt(s.end() - 1))
                || !latinOrDigit(text.charAt(s.end()));
        // a ':' between digits is a clock's; one before a space ("during July 2030: the trend") is punctuation
        boolean clockLeft = s.start() > 1 && text.charAt(s.start() - 1) == ':' && Character.isDigit(text.charAt(s.start()))
                && Character.isDigit(text.charAt(s.start() - 2));
        boolean clockRight = s.end() + 1 < text.length() && text.charAt(s.end()) == ':'
                && Character.isDigit(text.charAt(s.end() - 1)) && Character.isDigit(text.charAt(s.end() + 1));
        // digits that go on past a dot belong to a longer dotted number (an address, a version): "10.5.12.3" holds no date
        boolean dottedLeft = s.start() > 1 && text.charAt(s.start() - 1) == '.' && Character.isDigit(text.charAt(s.start()))
                && Character.isDigit(text.charAt(s.start() - 2));
        boolean dottedRight = s.end() + 1 < text.length() && text.charAt(s.end()) == '.'
                && Character.isDigit(text.charAt(s.end() - 1)) && Character.isDigit(text.charAt(s.end() + 1));
        return leftOk && rightOk && !clockLeft && !clockRight && !dottedLeft && !dottedRight;
    }

    static boolean latinOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    static boolean overlapsAny(Span s, List<Span> taken) {
        for (Span t : taken) {
            if (t.overlaps(s)) {
                return true;
            }
        }
        return false;
    }
}
