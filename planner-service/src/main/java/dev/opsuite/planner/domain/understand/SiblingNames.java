package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "Seat Inventory DB and its standby": "its" and a word or two after a CI named before it, when exactly one CI is
 * named so — that CI's name with those words ("Seat Inventory DB (Standby)").
 */
final class SiblingNames {
    private final Reading reading;
    private final Analyzed a;
    private final EntityDictionary dictionary;

    SiblingNames(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.dictionary = reading.dictionary;
    }

    private static final java.util.regex.Pattern ITS = java.util.regex.Pattern.compile(
            "(?i)\\bits\\s+([\\p{L}\\p{N}]+(?:\\s+[\\p{L}\\p{N}]+)?)");

    /**
     * "Seat Inventory DB and its standby": "its" and a word or two after a CI named before it in the question, the
     * one CI whose name is that CI's name with those words (in brackets or not: "Seat Inventory DB (Standby)") —
     * linked as a name; nothing when no name or several names are so made.
     */
    void link() {
        java.util.regex.Matcher m = ITS.matcher(a.text());
        while (m.find()) {
            int at = m.start();
            LinkedEntity named = reading.entities.stream().filter(e -> e.resolved() && e.span().end() <= at)
                    .reduce((x, y) -> y).orElse(null);
            if (named == null) {
                continue;
            }
            EntityDictionary.Entity of = named.candidates().get(0);
            String base = Analyzed.compactOf(of.ciName());
            for (int words = 2; words >= 1; words--) {
                String[] parts = m.group(1).split("\\s+");
                if (parts.length < words) {
                    continue;
                }
                String tail = Analyzed.compactOf(String.join(" ", java.util.Arrays.copyOf(parts, words)));
                List<EntityDictionary.Entity> hits = dictionary.entities().stream()
                        .filter(e -> !e.equals(of) && Analyzed.compactOf(e.ciName()).equals(base + tail)).toList();
                Span span = new Span(m.start(), m.start(1) + String.join(" ", java.util.Arrays.copyOf(parts, words)).length());
                if (hits.size() == 1 && reading.free(span)) {
                    reading.link(span, EntityDictionary.Rank.EXACT_NAME, 0, hits);
                    break;
                }
            }
        }
    }
}
