package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What the passes of {@link Understander} share while they read one question: the analysed question,
 * the assets and the estate's dictionary, the claims made so far and the spans claimed exclusively,
 * the CIs linked, the thresholds and the depth; and the helpers each pass uses to ask whether words
 * are still free and to claim them.
 */
final class Reading {
    final Analyzed a;
    final Lexicon lexicon;
    final EntityDictionary dictionary;
    /** The Prompt asset's rules. */
    final PromptRules rules;
    final List<Claim> claims = new ArrayList<>();
    final List<Span> exclusive = new ArrayList<>();
    final List<LinkedEntity> entities = new ArrayList<>();
    final List<Understanding.Threshold> thresholds = new ArrayList<>();
    /** Times named but not asked (see {@link TimeReading#context()}), as written. */
    final List<String> contextTimes = new ArrayList<>();
    /** Words the question takes back and what replaced them ("memory → disk usage"; {@link Corrections}). */
    final List<String> corrections = new ArrayList<>();
    /** Spans of state words read as negated by the question's shape rather than a negation word ({@link AllWell}). */
    final java.util.Set<Span> negated = new java.util.HashSet<>();
    Integer depth;

    Reading(Analyzed a, Lexicon lexicon, EntityDictionary dictionary, PromptRules rules) {
        this.a = a;
        this.lexicon = lexicon;
        this.dictionary = dictionary;
        this.rules = rules;
    }

    void link(Span span, EntityDictionary.Rank rank, int distance, List<EntityDictionary.Entity> candidates) {
        LinkedEntity e = new LinkedEntity(span, a.span(span.start(), span.end()), rank, distance, candidates,
                particleAfter(span));
        entities.add(e);
        claimExclusive(span, "entity", candidates.size() == 1 ? candidates.get(0).ciCode()
                : String.join("|", candidates.stream().map(EntityDictionary.Entity::ciCode).toList()), e.score());
    }

    boolean negatedClaim(Claim c) {
        String text = a.text();
        String before = " " + text.substring(Math.max(0, c.span().start() - 20), c.span().start());
        String after = text.substring(c.span().end(), Math.min(text.length(), c.span().end() + 8));
        PromptRules.Negations negations = rules.negations();
        for (String n : negations.before()) {
            if (before.contains(" " + n + " ")) {
                return true;
            }
        }
        for (String n : negations.after()) {
            if (after.contains(n)) {
                return true;
            }
        }
        for (String p : negations.prefix()) {
            int at = c.span().start() - p.length();
            if (!p.isEmpty() && at >= 0 && text.startsWith(p, at) && (at == 0 || text.charAt(at - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private String particleAfter(Span span) {
        StringBuilder p = new StringBuilder();
        for (Token t : a.tokens()) {
            if (t.start() >= span.end() && t.start() <= span.end() + 1) {
                // a particle, or what the analyser took for an ending ("메인을": 메이 + ㄴ, then 을)
                if (t.function() && (t.pos().equals("J") || lexicon.particles().contains(t.surface()))) {
                    p.append(t.surface());
                } else {
                    break;
                }
            }
        }
        return p.toString();
    }

    /** Only spaces or name punctuation (- . _ /) between two tokens. */
    boolean joined(Token left, Token right) {
        String between = a.text().substring(Math.min(left.end(), right.start()), right.start());
        return between.chars().allMatch(c -> c == ' ' || c == '-' || c == '.' || c == '_' || c == '/');
    }

    /**
     * Whether the character at {@code at} is inside an exclusive claim or a claim of meaning (with
     * {@code anyClaim}, a stopword or grammar claim counts too).
     */
    boolean readAt(int at, boolean anyClaim) {
        return exclusive.stream().anyMatch(x -> x.start() <= at && at < x.end())
                || claims.stream().anyMatch(c -> (anyClaim || !c.kind().equals("function") && !c.kind().equals("stopword"))
                && c.span().start() <= at && at < c.span().end());
    }

    /** Every non-blank character of the span is inside a name, value or vocabulary claim already made. */
    boolean covered(Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            int at = i;
            if (!Character.isWhitespace(a.text().charAt(i)) && !readAt(at, false)) {
                return false;
            }
        }
        return s.length() > 0;
    }

    /**
     * A partial match never sets the operator's own CIs against demo ones: the demo only when nothing
     * else — and not at all in a question that already speaks of the operator's own estate (one of its
     * CIs spelt out, or one of its values: "registered to the owner dba-sora"), where a word that only
     * partly fits demo names ("audit" of audit-logger) is not a CI the operator asked for.
     */
    List<EntityDictionary.Partial> preferOwnData(List<EntityDictionary.Partial> hits) {
        List<EntityDictionary.Partial> own = hits.stream().filter(h -> !h.name().entity().demo()).toList();
        if (!own.isEmpty()) {
            return own;
        }
        return speaksOfOwnData() ? List.of() : hits;
    }

    private boolean speaksOfOwnData() {
        return claims.stream().anyMatch(c -> c.kind().equals("value") && dictionary.ownValue(c.value()))
                || entities.stream().anyMatch(e -> e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score
                && e.candidates().stream().anyMatch(x -> !x.demo()));
    }

    boolean claimed(Token t) {
        Span s = new Span(t.start(), t.end());
        return claims.stream().anyMatch(c -> c.span().overlaps(s));
    }

    boolean free(Span s) {
        return exclusive.stream().noneMatch(x -> x.overlaps(s));
    }

    void claimExclusive(Span s, String kind, String value, double score) {
        exclusive.add(s);
        claims.add(new Claim(s, a.span(s.start(), s.end()), kind, value, score));
    }
}
