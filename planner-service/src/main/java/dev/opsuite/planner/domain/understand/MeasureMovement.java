package dev.opsuite.planner.domain.understand;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.List;

/**
 * "X cpu 20 밑으로 내려간 적 있어?", "X cpu 내려갔어?", "has X memory gone down since this morning": words of a measure moving
 * (Prompt {@code rules.understanding.measure_movement}) right after the measure they move — no CI named between, in the
 * same clause — are the measure going down, not an outage of the CI ("내려가다", "go down" are also words of what a
 * failure impacts, and "down" a state). Beside a threshold the threshold says what is asked; alone, the measure's
 * course over time shows whether it went down. "X 내려가면 …", "what is hit if X goes down" name no measure before the
 * words and stay an outage.
 */
final class MeasureMovement {
    private static final java.util.regex.Pattern IF = java.util.regex.Pattern.compile("\\bif\\b");
    private final Reading reading;

    MeasureMovement(Reading reading) {
        this.reading = reading;
    }

    void read() {
        String text = reading.a.text();
        for (String p : reading.rules.understanding().measureMovement()) {
            Matcher m = Patterns.of(p, Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                Span moved = new Span(m.start(), m.end());
                if (measuredBefore(text, moved) && !conditional(text, moved)) {
                    reading.claims.removeIf(c -> c.span().overlaps(moved) && (c.kind().equals("intent")
                            || c.kind().equals("enum") && c.value().contains(".status=")));
                    String kind = reading.thresholds.isEmpty() ? "trend" : "stopword";
                    reading.claims.add(new Claim(moved, m.group(), kind, kind.equals("trend") ? "trend" : "", 1));
                    return;
                }
            }
        }
    }

    /** A measure claimed before the words, in their clause, with no CI named between. */
    private boolean measuredBefore(String text, Span moved) {
        int clause = Clauses.of(text, moved.start());
        return reading.claims.stream().anyMatch(c -> c.kind().equals("metric") && c.span().end() <= moved.start()
                && Clauses.of(text, c.span().start()) == clause
                && reading.claims.stream().noneMatch(e -> e.kind().equals("entity") && e.span().start() >= c.span().end()
                && e.span().end() <= moved.start()));
    }

    /** "내려가면", "if … goes down": a condition put, not a movement asked about. */
    private static boolean conditional(String text, Span moved) {
        String after = text.substring(moved.end()).stripLeading();
        String before = text.substring(0, moved.start()).toLowerCase(java.util.Locale.ROOT);
        return after.startsWith("면") || after.startsWith("으면") || IF.matcher(before).find();
    }
}
