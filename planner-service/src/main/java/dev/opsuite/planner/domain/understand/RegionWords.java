package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "the korean zone server" among zone-server-kr and zone-server-jp, "일본 존서버", "the JP chat box": a word right
 * before or after a name several CIs share that Prompt {@code rules.understanding.name_word_equivalents} gives other
 * spellings of ("korean" → kr, korea, 한국) names the CIs whose name or code has one of those spellings as a whole
 * word. The word becomes part of the name's span (read, not left unexplained); it narrows only when some but not all
 * candidates have it, and never picks among CIs none of which has it.
 */
final class RegionWords {
    private final Reading reading;
    private final Analyzed a;
    private final Map<String, List<String>> equivalents;

    RegionWords(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.equivalents = reading.rules.understanding().nameWordEquivalents();
    }

    void narrow() {
        if (equivalents.isEmpty()) {
            return;
        }
        for (int i = 0; i < reading.entities.size(); i++) {
            LinkedEntity e = reading.entities.get(i);
            if (e.resolved()) {
                continue;
            }
            for (Optional<Token> side : List.of(before(e.span()), after(e.span()))) {
                if (side.isEmpty()) {
                    continue;
                }
                Token t = side.get();
                List<String> spellings = equivalents.getOrDefault(Analyzed.compactOf(t.surface()), List.of());
                List<EntityDictionary.Entity> kept = e.candidates().stream().filter(c -> hasAny(c, spellings)).toList();
                if (kept.isEmpty() || kept.size() == e.candidates().size()) {
                    continue;
                }
                Span merged = new Span(Math.min(t.start(), e.span().start()), Math.max(t.end(), e.span().end()));
                reading.claims.removeIf(c -> c.kind().equals("entity") && c.span().equals(e.span()));
                reading.exclusive.removeIf(s -> s.equals(e.span()));
                reading.entities.remove(i);
                reading.link(merged, e.rank(), e.distance(), kept);
                reading.entities.add(i, reading.entities.remove(reading.entities.size() - 1));
                break;
            }
        }
    }

    private static boolean hasAny(EntityDictionary.Entity c, List<String> spellings) {
        List<String> words = new ArrayList<>(EntityDictionary.words(c.ciName()));
        words.addAll(EntityDictionary.words(c.ciCode().replaceAll("[^\\p{L}\\p{N}]+", " ")));
        words.addAll(EntityDictionary.words(c.ciName().replaceAll("[^\\p{L}\\p{N}]+", " ")));
        return spellings.stream().map(Analyzed::compactOf).anyMatch(words::contains);
    }

    /** The word right before the span, with only spaces between, that nothing has read. */
    private Optional<Token> before(Span s) {
        return a.tokens().stream().filter(t -> t.end() <= s.start() && a.text().substring(t.end(), s.start()).isBlank())
                .filter(this::unread).reduce((x, y) -> y);
    }

    /** The word right after the span, with only spaces or an opening bracket between ("(Japan)"), that nothing has read. */
    private Optional<Token> after(Span s) {
        return a.tokens().stream().filter(t -> t.start() >= s.end() && a.text().substring(s.end(), t.start()).matches("[\\s(]*"))
                .filter(this::unread).findFirst();
    }

    private boolean unread(Token t) {
        return !t.function() && !reading.claimed(t) && reading.free(new Span(t.start(), t.end()));
    }
}
