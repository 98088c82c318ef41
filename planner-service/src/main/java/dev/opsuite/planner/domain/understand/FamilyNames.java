package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "How is the production host doing", "MES VM 메모리": words that are the whole of several names but
 * their last, short distinguishing word ("production host a" / "… b", "MES VM 1" / "… 2") name that
 * family of CIs — read as a name before the vocabulary can take them for a filter ("production" as
 * the environment, "host" as the server type). The family is two CIs or more, asked between like any
 * partial name.
 */
final class FamilyNames {
    private static final int MAX_WORDS = 4;

    private final Reading reading;
    private final Analyzed a;

    FamilyNames(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
    }

    void link() {
        List<Token> tokens = a.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (int len = Math.min(MAX_WORDS, tokens.size() - i); len >= 2; len--) {
                List<Token> part = tokens.subList(i, i + len);
                Span span = new Span(part.get(0).start(), part.get(len - 1).end());
                if (!wordsOnly(part) || !reading.free(span)) {
                    continue;
                }
                List<String> words = part.stream().map(t -> Analyzed.compactOf(t.surface())).toList();
                List<EntityDictionary.Entity> family = family(words);
                if (family.size() >= 2) {
                    reading.link(span, EntityDictionary.Rank.TOKEN, 0, family);
                    i += len - 1;
                    break;
                }
            }
        }
    }

    private boolean wordsOnly(List<Token> part) {
        for (int k = 0; k < part.size(); k++) {
            Token t = part.get(k);
            if (t.function() || t.number()
                    || k > 0 && !a.text().substring(part.get(k - 1).end(), t.start()).matches(" +")) {
                return false; // written words side by side, not the pieces of one word ("OB-SRV-02")
            }
        }
        return true;
    }

    /** The CIs one of whose names is exactly these words and one short distinguishing word after them. */
    private List<EntityDictionary.Entity> family(List<String> words) {
        String compact = String.join("", words);
        Set<EntityDictionary.Entity> out = new LinkedHashSet<>();
        for (EntityDictionary.Partial p : reading.dictionary.wholeWords(words, compact)) {
            if (p.name().kind() == EntityDictionary.NameKind.CODE) {
                continue;
            }
            List<String> name = EntityDictionary.words(p.name().surface());
            if (name.size() == words.size() + 1 && name.subList(0, words.size()).equals(words)
                    && distinguishing(name.get(words.size()))) {
                out.add(p.name().entity());
            }
        }
        return new ArrayList<>(out);
    }

    /** "a", "2", "b2", "one" — never a word ("emr db vm": vm is the type; "계정 DB 메인": 메인 is a word). */
    private boolean distinguishing(String word) {
        return word.matches("[a-z]|[0-9]+|[a-z][0-9]|[0-9][a-z]") || reading.rules.numberWords().containsKey(word);
    }
}
