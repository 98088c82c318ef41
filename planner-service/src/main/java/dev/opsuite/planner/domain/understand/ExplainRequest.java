package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.regex.Pattern;

/**
 * "Could you explain how X is connected to Y?", "explain what runs on X": "explain" right before a question word
 * asks to be told what that question asks — a request like "tell me", not the "could explain" of what changed
 * before an incident (Prompt intent changed_before). The word is read as a word of asking (a stopword), so the
 * question after it is what is planned.
 */
final class ExplainRequest {
    private static final Pattern ASKED = Pattern.compile("^\\s+(?:to\\s+(?:me|us)\\s+)?(?:how|what|which|where|who)\\b",
            Pattern.CASE_INSENSITIVE);
    private final Reading reading;

    ExplainRequest(Reading reading) {
        this.reading = reading;
    }

    void read() {
        String text = reading.a.text();
        for (Claim c : List.copyOf(reading.claims)) {
            if (c.kind().equals("intent") && c.value().equals("changed_before")
                    && c.text().toLowerCase(java.util.Locale.ROOT).matches("explains?")
                    && ASKED.matcher(text.substring(c.span().end())).find()) {
                reading.claims.remove(c);
                reading.claims.add(new Claim(c.span(), c.text(), "stopword", "", c.score()));
            }
        }
    }
}
