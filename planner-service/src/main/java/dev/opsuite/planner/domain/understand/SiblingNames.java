package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "Seat Inventory DB and its standby": "its" and a word or two after a CI named before it, when exactly one CI is
 * named so — that CI's name with those words ("Seat Inventory DB (Standby)"). "송출서버 A랑 B", "web-01 and 02":
 * a short last part after a name ending in one is the name with that part instead.
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

    /** After a name: a joining word ("and", "or", "vs", ",", "/", "&", 랑, 이랑, 과, 와, 하고) and a short part. */
    private static final java.util.regex.Pattern OTHER_PART = java.util.regex.Pattern.compile(
            "^\\s*(?:,|/|&|and|or|vs\\.?|versus|이랑|랑|과|와|하고|및)\\s*([\\p{L}\\p{N}]{1,3})(?![\\p{L}\\p{N}])");
    /** The short last part of a name: a letter, a number or a Roman numeral after a space or a hyphen ("Playout A"). */
    private static final java.util.regex.Pattern LAST_PART = java.util.regex.Pattern.compile("^(.*[\\s-])([\\p{L}\\p{N}]{1,3})$");

    /**
     * "송출서버 A랑 B", "Playout A vs B", "web-01 and 02": a CI named exactly whose name ends in a short part (a letter,
     * a number), then a joining word and another short part — the one CI whose name is the first with that part
     * instead is linked as named; nothing when no CI or several are so named.
     */
    void otherParts() {
        for (LinkedEntity named : List.copyOf(reading.entities)) {
            if (!named.resolved() || named.rank().score < EntityDictionary.Rank.EXACT_NAME.score) {
                continue;
            }
            java.util.regex.Matcher last = LAST_PART.matcher(a.span(named.span().start(), named.span().end()));
            java.util.regex.Matcher other = OTHER_PART.matcher(a.text().substring(named.span().end()));
            if (!last.matches() || !other.find() || Analyzed.compactOf(other.group(1)).equals(Analyzed.compactOf(last.group(2)))) {
                continue;
            }
            String compact = Analyzed.compactOf(last.group(1) + other.group(1));
            List<EntityDictionary.Entity> hits = dictionary.exact().get(compact).stream().map(EntityDictionary.Name::entity)
                    .distinct().toList();
            Span span = new Span(named.span().end() + other.start(1), named.span().end() + other.end(1));
            if (hits.size() == 1 && !hits.get(0).equals(named.candidates().get(0)) && reading.free(span)) {
                reading.link(span, EntityDictionary.Rank.EXACT_NAME, 0, hits);
            }
        }
    }
}
