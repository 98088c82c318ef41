package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact names right before a word for CIs of another type: a value describing those CIs ("research computing
 * machines"), or the first words of names of that type ("TOS DB") — not the CI the name alone would be.
 */
final class TypeWordAfter {
    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;

    TypeWordAfter(Reading reading) {
        this.a = reading.a;
        this.lexicon = reading.lexicon;
        this.dictionary = reading.dictionary;
    }

    /**
     * "Which research computing machines …": words that are both a CI's whole name (the service
     * Research Computing) and a field value (the team research-computing), right before a word for
     * CIs of other types than that CI's, describe those CIs — the value, not the CI.
     */
    boolean otherTypeAfter(PhraseTable.Match<EntityDictionary.Name> m) {
        Token next = wordRightAfter(m.span());
        if (next == null) {
            return false;
        }
        List<Word> words = lexicon.phrases().get(Analyzed.compactOf(next.surface()));
        List<String> types = ciTypes(words);
        boolean anyCi = words.stream().anyMatch(w -> w.kind() == Word.Kind.ENTITY_TYPE);
        return (!types.isEmpty() || anyCi)
                && m.entries().stream().noneMatch(n -> types.contains(n.entity().ciType()));
    }

    /**
     * "the memory of the TOS DB": an exact name ("TOS", an app's alias) right before a word for another type
     * ("DB"), the two together being the first words of names of that type ("TOS DB (Primary)", "TOS DB
     * (Standby)"), is those names begun — left to the partial names, not the app.
     */
    boolean startsNamesOfOtherType(PhraseTable.Match<EntityDictionary.Name> m) {
        Token next = wordRightAfter(m.span());
        if (next == null) {
            return false;
        }
        List<String> types = ciTypes(lexicon.phrases().get(Analyzed.compactOf(next.surface())));
        if (types.isEmpty() || m.entries().stream().anyMatch(n -> types.contains(n.entity().ciType()))) {
            return false;
        }
        String longer = a.span(m.span().start(), next.end());
        if (dictionary.wholeWords(EntityDictionary.words(longer), Analyzed.compactOf(longer)).stream()
                .anyMatch(h -> types.contains(h.name().entity().ciType()))) {
            return true;
        }
        // "the CTC server" for "CTC 서버": the name's type word written in the other language
        List<String> named = EntityDictionary.words(a.span(m.span().start(), m.span().end()));
        return dictionary.wholeWords(named, Analyzed.compactOf(a.span(m.span().start(), m.span().end()))).stream()
                .anyMatch(h -> types.contains(h.name().entity().ciType()) && typeWordsBeside(h.name(), named, types));
    }

    /** The name's words are these words and words for its type only ("CTC 서버": ctc, and 서버 for server). */
    private boolean typeWordsBeside(EntityDictionary.Name name, List<String> words, List<String> types) {
        List<String> rest = new ArrayList<>(EntityDictionary.words(name.surface()));
        if (!rest.removeAll(words) || rest.isEmpty()) {
            return false;
        }
        return rest.stream().allMatch(w -> ciTypes(lexicon.phrases().get(Analyzed.compactOf(w))).stream()
                .anyMatch(types::contains));
    }

    /** The next content word when only spaces stand between it and the span, else null. */
    private Token wordRightAfter(Span span) {
        Token next = a.tokens().stream().filter(t -> t.start() >= span.end() && !t.function()).findFirst().orElse(null);
        return next != null && a.text().substring(span.end(), next.start()).isBlank() ? next : null;
    }

    /** The CI types these words name ("db": database). */
    private static List<String> ciTypes(List<Word> words) {
        return words.stream().filter(w -> w.kind() == Word.Kind.ENUM && w.group().endsWith(".ci_type"))
                .map(Word::value).toList();
    }
}
