package dev.opsuite.planner.domain.understand;

import com.google.re2j.Matcher;
import dev.opsuite.planner.domain.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a writer takes back in the question itself: "Penthouse memory… no wait, disk usage", "에러율 최대, 아 최대
 * 말고 평균", "by memory, no, by disk usage", "in Vietnam time, hmm, no, on the Seoul calendar day". After a marker of
 * rules.understanding.corrections, the first word of a measure, an aggregate, a type, a value, a CI or a time stands
 * for the last one of its kind before the marker: that one is taken back, claimed as corrected and said in the
 * reading ("memory → disk usage"), never read beside the one meant.
 */
final class Corrections {
    /** Claim kinds one word of which another replaces. */
    private static final Set<String> KINDS = Set.of("metric", "agg", "enum", "value", "entity");
    /** "A뿐만 아니라 B": not only A but B — both are asked. */
    private static final java.util.regex.Pattern INCLUSIVE = java.util.regex.Pattern.compile("뿐(?:만)?\\s*$");
    /** "Oracle 말고 다른 DB", "not X, any other": an exclusion, not a correction ("X 말고도": besides X, as well). */
    private static final java.util.regex.Pattern OTHER = java.util.regex.Pattern.compile(
            "^[\\s,.…]*(?:다른|딴|other|another|else|any\\s+other)");

    private static final java.util.regex.Pattern NOT_BEFORE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:not|rather than|instead of)\\s+(?:on\\s+)?(?:the\\s+)?$");

    private static final java.util.regex.Pattern INSTEAD_AFTER = java.util.regex.Pattern.compile(
            "^\\s*(?:으로|로)\\s*(?:요|해\\s*(?:줘|주세요|주십시오)|바꿔|부탁|할게|정정)");

    private final Reading reading;
    private final Analyzed a;
    private final List<Span> markers = new ArrayList<>();
    private final List<String> said;

    Corrections(Reading reading, List<String> patterns) {
        this.reading = reading;
        this.a = reading.a;
        this.said = reading.corrections;
        String lowered = Patterns.lower(a.text());
        for (String p : patterns) {
            Patterns.Caseless c = Patterns.caseless(p);
            if (!c.mayMatch(lowered)) {
                continue;
            }
            Matcher m = c.matcher(a.text(), lowered);
            while (m.find()) {
                if (m.end() > m.start() && !OTHER.matcher(a.text().substring(m.end())).find()
                        && !INCLUSIVE.matcher(a.text().substring(0, m.start())).find()
                        && !a.text().startsWith("도", m.end())) {
                    markers.add(new Span(m.start(), m.end()));
                }
            }
        }
        markers.sort((x, y) -> x.start() - y.start());
        for (int i = markers.size() - 1; i > 0; i--) { // "아 아니" and "아니" are one marker
            if (markers.get(i).overlaps(markers.get(i - 1))) {
                markers.remove(markers.get(i).length() > markers.get(i - 1).length() ? i - 1 : i);
            }
        }
        // "EDIT: I mean Q4": an English marker's words say what is taken back, they are no words of the
        // question ("mean" is no average); a Korean one's ("아니", "말고") are left to the vocabulary's negations
        for (Span m : markers) {
            if (!Folding.hasHangul(a.span(m.start(), m.end())) && reading.free(m)) {
                reading.claimExclusive(m, "stopword", "correction", 1);
            }
        }
    }

    /**
     * Time atoms: a zone after a marker takes back the zone before it, a time of day the time of day, a date or a
     * range the date or range ("3월 24일… 아니 25일").
     */
    List<TimeAtom> atoms(List<TimeAtom> atoms) {
        List<Claim> claims = reading.claims;
        List<TimeAtom> out = new ArrayList<>(atoms);
        // "on Saturday 4 April, Sydney time, not the Sunday": a time said not to be meant, beside one that is
        for (TimeAtom t : atoms) {
            java.util.Optional<TimeAtom> meant = atoms.stream().filter(o -> o != t && family(o).equals(family(t))).findFirst();
            if (meant.isPresent() && NOT_BEFORE.matcher(a.text().substring(0, t.span().start())).find()) {
                out.remove(t);
                reading.claimExclusive(t.span(), "corrected", "time", 1);
                said.add("not " + a.span(t.span().start(), t.span().end()) + " → "
                        + a.span(meant.get().span().start(), meant.get().span().end()));
            }
        }
        // "3월 24일 에러율 최대… 아 장애가 자정 넘어서였으니까 25일로요": a time followed by "(으)로요" is the one put in place
        for (TimeAtom t : atoms) {
            if (out.contains(t) && INSTEAD_AFTER.matcher(a.text().substring(t.span().end())).find()) {
                out.stream().filter(o -> o.span().end() <= t.span().start() && family(o).equals(family(t)))
                        .reduce((x, y) -> y).ifPresent(before -> replace(out, before, t, null));
            }
        }
        for (Span m : markers) {
            TimeAtom after = out.stream().filter(t -> t.span().start() >= m.end() && nothingBetween(m.end(), t.span().start(), claims))
                    .findFirst().orElse(null);
            if (after == null) {
                continue;
            }
            TimeAtom before = null;
            for (TimeAtom t : out) {
                if (t.span().end() <= m.start() && family(t).equals(family(after))) {
                    before = t;
                }
            }
            if (before != null) {
                replace(out, before, after, m);
            }
        }
        return out;
    }

    /** Takes {@code before} back for {@code after}: a bare day put in its place keeps the month and year taken back. */
    private void replace(List<TimeAtom> out, TimeAtom before, TimeAtom after, Span marker) {
        if (!after.field("d").isEmpty() && after.field("m").isEmpty() && after.field("mon").isEmpty()) {
            // "3월 24일… 아니 25일로요": the day put in its place is of the month and year taken back
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(after.fields());
            for (String k : List.of("m", "mon", "y", "lastyear")) {
                if (!before.field(k).isEmpty()) {
                    fields.putIfAbsent(k, before.field(k));
                }
            }
            out.set(out.indexOf(after), new TimeAtom(after.name(), after.kind(), after.span(), fields));
        }
        out.remove(before);
        reading.claimExclusive(before.span(), "corrected", "time", 1);
        if (marker != null) {
            marker(marker);
        }
        said.add(a.span(before.span().start(), before.span().end()) + " → "
                + a.span(after.span().start(), after.span().end()));
    }

    /** Claims and CIs: the last of the kind that the first after a marker has, before the marker, is taken back. */
    void claims() {
        List<Claim> claims = reading.claims;
        for (Span m : markers) {
            Claim after = claims.stream().filter(c -> KINDS.contains(c.kind()) && c.span().start() >= m.end())
                    .min((x, y) -> x.span().start() - y.span().start()).orElse(null);
            if (after == null) {
                continue;
            }
            Claim before = claims.stream().filter(c -> c.kind().equals(after.kind()) && c.span().end() <= m.start()
                            && sameKind(c, after))
                    .max((x, y) -> x.span().start() - y.span().start()).orElse(null);
            if (before == null || before.value().equals(after.value())) {
                continue; // "How high … during last week? I mean the maximum": said again, nothing taken back
            }
            // the word taken back wherever it stands before the marker ("에러율 최대, 아 최대 말고 평균": both)
            List<Claim> back = claims.stream().filter(c -> c.kind().equals(before.kind()) && c.value().equals(before.value())
                    && c.span().end() <= m.start()).toList();
            claims.removeAll(back);
            back.forEach(c -> {
                reading.entities.removeIf(e -> e.span().equals(c.span()));
                claims.add(new Claim(c.span(), c.text(), "corrected", c.kind(), 1));
            });
            marker(m);
            said.add(before.text() + " → " + after.text());
        }
    }

    /** The marker's words are read: they say what is taken back. */
    private void marker(Span m) {
        reading.claims.add(new Claim(m, a.span(m.start(), m.end()), "stopword", "correction", 1));
    }

    /** A value replaces a value of the same field only ("운영 말고 개발", not an owner by a place). */
    private static boolean sameKind(Claim before, Claim after) {
        if (!before.kind().equals("value") && !before.kind().equals("enum")) {
            return true;
        }
        int b = before.value().indexOf('=');
        int f = after.value().indexOf('=');
        return b > 0 && f > 0 && before.value().substring(0, b).equals(after.value().substring(0, f));
    }

    /** No other word of meaning between the marker and the time: "no wait, disk usage yesterday" corrects no time. */
    private static boolean nothingBetween(int from, int to, List<Claim> claims) {
        return claims.stream().noneMatch(c -> KINDS.contains(c.kind()) && c.span().start() >= from && c.span().end() <= to);
    }

    private static String family(TimeAtom t) {
        return switch (t.kind()) {
            case "zone" -> "zone";
            case "tod", "clock_range", "part" -> "clock";
            default -> "date";
        };
    }
}
