package dev.opsuite.planner.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Candidate CI mentions of a question: n-grams (1..3 tokens) that are not made only of known
 * vocabulary or stopwords, in alias_norm form (folded, no whitespace). The executor resolves them
 * against codes, names and aliases of the estate; only real names match.
 */
public final class MentionExtractor {
    private static final int MAX_NGRAM = 3;
    private static final int MAX_MENTIONS = 64;

    private final ResolverRules resolver;
    private final Vocabulary vocabulary;

    public MentionExtractor(ResolverRules resolver, Vocabulary vocabulary) {
        this.resolver = resolver;
        this.vocabulary = vocabulary;
    }

    public List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("[\\s,;:()\\[\\]{}\"'`<>/\\\\|=+*&^%$#@!?~]+")) {
            String t = raw.replaceAll("^[.\\-]+|[.\\-]+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public List<String> mentions(String text) {
        List<String> tokens = tokens(text);
        Set<String> out = new LinkedHashSet<>();
        for (int n = MAX_NGRAM; n >= 1; n--) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                List<String> gram = tokens.subList(i, i + n);
                String last = resolver.stripParticle(gram.get(n - 1));
                List<String> stripped = new ArrayList<>(gram.subList(0, n - 1));
                stripped.add(last);
                if (stripped.stream().allMatch(this::isFiller)) {
                    continue;
                }
                if (n > 1 && (isFiller(stripped.get(0)) || isFiller(last) && isFiller(gram.get(n - 1)))) {
                    // an n-gram must start with a content word; trailing filler adds nothing
                    continue;
                }
                out.add(norm(String.join("", stripped)));
                out.add(norm(String.join("", gram)));
            }
        }
        out.removeIf(String::isEmpty);
        return out.stream().limit(MAX_MENTIONS).toList();
    }

    private boolean isFiller(String token) {
        return resolver.isStopword(token) || vocabulary.isKnownWord(token);
    }

    /** alias_norm form: folded, without whitespace. */
    public static String norm(String s) {
        return Phrases.fold(s).replaceAll("\\s+", "");
    }
}
