package dev.opsuite.planner.domain.understand;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.List;

/**
 * "how long was X over 80% cpu today", "80% 넘은 시간이 얼마나 돼?", "몇 시간 동안 70 넘었어?": beside a threshold on a measure
 * the question names, words asking how long (Prompt {@code rules.understanding.duration_words}) ask for the samples
 * over the threshold — counted, with the time they cover — not for a measure of their own ("how long" is also a word
 * of response time) nor for a number of CIs ("몇"). With no threshold, or no other measure named, nothing changes:
 * "how long does X take" is still its response time.
 */
final class DurationOverThreshold {
    private final Reading reading;

    DurationOverThreshold(Reading reading) {
        this.reading = reading;
    }

    void read() {
        List<String> patterns = reading.rules.understanding().durationWords();
        if (patterns.isEmpty() || reading.thresholds.isEmpty()) {
            return;
        }
        String text = reading.a.text();
        for (String p : patterns) {
            Matcher m = Patterns.of(p, Pattern.CASE_INSENSITIVE).matcher(text);
            if (!m.find()) {
                continue;
            }
            int start = m.start();
            while (start < m.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            Span asked = new Span(start, m.end());
            boolean measured = reading.claims.stream().anyMatch(c -> c.kind().equals("metric") && !c.span().overlaps(asked));
            if (!measured) {
                return;
            }
            reading.claims.removeIf(c -> c.span().overlaps(asked) && !c.kind().equals("entity") && !c.kind().equals("time"));
            reading.claims.add(new Claim(asked, text.substring(asked.start(), asked.end()), "agg", "count", 1));
            return;
        }
    }
}
