package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * Names that are words of the assets too — a CI called "Search", "Now" or "Current": whether the
 * question uses the word or names the CI. A written word the assets know is the word unless the
 * question marks it as the name: the name's own capitals where no sentence starts ("what does Now
 * depend on"), a word for the CI's type beside it ("Now 앱", {@code "app":"Now"}), quotes, or a
 * measure of it right after ("Search latency rn") — except for a word that aggregates or orders ("Peak"),
 * which a measure follows as the word.
 */
final class WordNames {
    private final Analyzed a;
    private final Lexicon lexicon;
    /** The assets' phrases found in the question, looked for once and only when a demo name needs them. */
    private List<Span> phraseSpans;

    WordNames(Analyzed a, Lexicon lexicon) {
        this.a = a;
        this.lexicon = lexicon;
    }

    /**
     * Whether the exact name match is a word of the assets here, not the CI: "servers" is the word,
     * not the alias "server-s" glued; a command word opening the question is the command ("search
     * for r12"); a filler word ("now", "current") is the filler wherever it stands.
     */
    boolean wordForName(PhraseTable.Match<EntityDictionary.Name> m) {
        List<Token> tokens = a.tokensIn(m.span().start(), m.span().end()).stream().filter(t -> !t.function()).toList();
        List<Word> words = lexicon.phrases().get(m.compact());
        if (tokens.size() != 1 || words.isEmpty()) {
            return false;
        }
        if (m.entries().stream().allMatch(n -> EntityDictionary.words(n.surface()).size() > 1)) {
            return true;
        }
        // "the peak error rate", "by peak CPU": a word that aggregates or orders is that word before the measure it
        // applies to, unless marked ("8월 14일 Peak 이벤트")
        if (words.stream().anyMatch(w -> w.kind() == Word.Kind.AGG || w.kind() == Word.Kind.TOP)) {
            return !markedAsName(m);
        }
        boolean filler = words.stream().allMatch(w -> w.kind() == Word.Kind.STOPWORD);
        boolean command = words.stream().anyMatch(w -> w.kind() == Word.Kind.INTENT || w.kind() == Word.Kind.STOPWORD);
        if (!command || markedAsName(m) || measured(m)) {
            return false;
        }
        // the first content word, politeness aside ("Please report …")
        boolean first = a.tokens().stream().filter(t -> !t.function() && !lexicon.phrases().get(Analyzed.compactOf(t.surface()))
                .stream().allMatch(w -> w.kind() == Word.Kind.STOPWORD) || t.start() == m.span().start())
                .findFirst().map(t -> t.start() == m.span().start()).orElse(false);
        return first || filler;
    }

    /** "Search latency rn": a measure right after the word asks it of the CI. */
    private boolean measured(PhraseTable.Match<EntityDictionary.Name> m) {
        Token next = next(m.span());
        return next != null && a.text().substring(m.span().end(), next.start()).isBlank()
                && lexicon.phrases().get(Analyzed.compactOf(next.surface())).stream()
                .anyMatch(w -> w.kind() == Word.Kind.METRIC || w.kind() == Word.Kind.FIELD);
    }

    private boolean markedAsName(PhraseTable.Match<EntityDictionary.Name> m) {
        String written = a.text().substring(m.span().start(), m.span().end());
        boolean capitals = a.capitalizedMidSentence(written) && m.entries().stream().anyMatch(n ->
                n.surface().equalsIgnoreCase(written) && !n.surface().equals(n.surface().toLowerCase(java.util.Locale.ROOT)));
        if (capitals) {
            return true;
        }
        char before = m.span().start() > 0 ? a.text().charAt(m.span().start() - 1) : ' ';
        char after = m.span().end() < a.text().length() ? a.text().charAt(m.span().end()) : ' ';
        if (QUOTES.indexOf(before) >= 0 && QUOTES.indexOf(after) >= 0) {
            return true;
        }
        return typeBeside(m, previous(m.span()), true) || typeBeside(m, next(m.span()), false);
    }

    private static final String QUOTES = "\"'“”‘’`";

    /** A word for the CI's own type beside it: nothing between but spaces, quotes, a colon or a Korean particle. */
    private boolean typeBeside(PhraseTable.Match<EntityDictionary.Name> m, Token t, boolean left) {
        if (t == null) {
            return false;
        }
        String between = left ? a.text().substring(t.end(), m.span().start()) : a.text().substring(m.span().end(), t.start());
        if (!Signals.joining(between)) {
            return false;
        }
        List<Word> words = lexicon.phrases().get(Analyzed.compactOf(t.surface()));
        return m.entries().stream().anyMatch(n -> words.stream().anyMatch(w -> w.kind() == Word.Kind.ENUM
                && w.group().endsWith(".ci_type") && w.value().equals(n.entity().ciType())));
    }

    private Token next(Span s) {
        return a.tokens().stream().filter(t -> t.start() >= s.end() && !t.function()).findFirst().orElse(null);
    }

    private Token previous(Span s) {
        Token found = null;
        for (Token t : a.tokens()) {
            if (t.end() <= s.start() && !t.function()) {
                found = t;
            }
        }
        return found;
    }

    /**
     * "in order to", "to review": a name only demo CIs hold ("order", "review") inside a longer phrase of the assets'
     * words is a word of that phrase — the demo is never the reading of words the operator wrote as something else.
     */
    boolean demoNameInsidePhrase(PhraseTable.Match<EntityDictionary.Name> m) {
        if (m.entries().isEmpty() || !m.entries().stream().allMatch(n -> n.entity().demo())) {
            return false;
        }
        if (phraseSpans == null) {
            phraseSpans = lexicon.phrases().find(a).stream().map(PhraseTable.Match::span).toList();
        }
        return phraseSpans.stream().anyMatch(p -> p.contains(m.span()) && p.length() > m.span().length());
    }

    /**
     * "Weekly review WR-35 | Daon Rail App (v5)", "for the checkout risk note": in a question that names one of the
     * operator's own CIs exactly, a demo CI's name that is one plain word ("review", "checkout") is the word, not a
     * second CI — unless marked as a name (capitals mid-sentence, quotes, its type beside it). A demo CI named by its
     * code or a name of more than a plain word ("payment-api", "order-db") is still read.
     */
    boolean demoWordBesideOwn(PhraseTable.Match<EntityDictionary.Name> m, List<PhraseTable.Match<EntityDictionary.Name>> all) {
        if (m.entries().isEmpty() || !m.entries().stream().allMatch(n -> n.entity().demo() && n.kind() != EntityDictionary.NameKind.CODE)
                || !a.text().substring(m.span().start(), m.span().end()).matches("\\p{L}+") || markedAsName(m)) {
            return false;
        }
        return all.stream().anyMatch(o -> !o.span().overlaps(m.span()) && o.entries().stream().anyMatch(n -> !n.entity().demo()));
    }
}
