package dev.opsuite.planner.domain.understand;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.List;

/**
 * "less than 10% free disk", "디스크 여유 10% 미만", "memory available below 20 percent": a free, available or
 * remaining share (Prompt {@code rules.understanding.free_share}) of a measure kept as a share used (unit %) is the rest
 * of it — under 10 % free is over 90 % used — not the used share at the same level. Only beside a threshold given in
 * percent, in the clause of the measure, with the words next to the measure or the threshold; a free amount in other
 * units ("free memory below 2 GB") is not a share and its words stay unread, as the answer then says.
 */
final class FreeShare {
    /** How far (characters) the words may stand from the measure or the threshold they qualify. */
    private static final int NEAR = 12;
    private static final java.util.regex.Pattern PERCENT =
            java.util.regex.Pattern.compile("%|퍼센트|프로|percent|per\\s+cent|pct", java.util.regex.Pattern.CASE_INSENSITIVE);
    private final Reading reading;

    FreeShare(Reading reading) {
        this.reading = reading;
    }

    void read() {
        if (reading.thresholds.size() != 1) {
            return;
        }
        Understanding.Threshold t = reading.thresholds.get(0);
        String text = reading.a.text();
        if (!PERCENT.matcher(text.substring(t.span().start(), t.span().end())).find()) {
            return;
        }
        int clause = Clauses.of(text, t.span().start());
        List<Claim> shares = reading.claims.stream().filter(c -> c.kind().equals("metric")
                && reading.lexicon.share(c.value()) && Clauses.of(text, c.span().start()) == clause).toList();
        if (shares.stream().map(Claim::value).distinct().count() != 1) {
            return;
        }
        for (String p : reading.rules.understanding().freeShare()) {
            Matcher m = Patterns.of(p, Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                Span free = new Span(m.start(), m.end());
                if (reading.free(free) && Clauses.of(text, free.start()) == clause
                        && (near(free, t.span()) || shares.stream().anyMatch(c -> near(free, c.span())))) {
                    flip(t);
                    reading.claimExclusive(free, "stopword", "free_share", 1);
                    return;
                }
            }
        }
    }

    /** The used share on the other side of the level: under 10 % free is over 90 % used. */
    private void flip(Understanding.Threshold t) {
        String op = switch (t.op()) {
            case "gt" -> "lt";
            case "ge" -> "le";
            case "lt" -> "gt";
            case "le" -> "ge";
            default -> t.op();
        };
        boolean between = t.op().equals("between");
        Understanding.Threshold used = new Understanding.Threshold(op, between ? 100 - t.upper() : 100 - t.value(),
                between ? 100 - t.value() : 0, t.span());
        reading.thresholds.set(0, used);
        reading.claims.replaceAll(c -> c.kind().equals("threshold") && c.span().equals(t.span())
                ? new Claim(c.span(), c.text(), "threshold", used.op() + " " + used.value()
                + (between ? " " + used.upper() : ""), c.score()) : c);
    }

    private static boolean near(Span x, Span y) {
        return x.end() <= y.start() ? y.start() - x.end() <= NEAR : x.start() - y.end() <= NEAR;
    }
}
