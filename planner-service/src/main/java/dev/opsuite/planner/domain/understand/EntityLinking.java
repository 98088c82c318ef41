package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passes that link CIs by their names: the Resolver asset's aliases, names spelled out in full,
 * name-shaped words matched whole, and partial names (whole word, prefix, within an edit or two) among
 * the words still unclaimed.
 */
final class EntityLinking {
    private static final int MAX_SPAN_TOKENS = 8;

    private final Reading reading;
    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;
    private final PromptRules rules;
    private final List<Claim> claims;
    private final NameShapes shapes;
    private final EstateValues estate;
    private final List<LinkedEntity> entities;
    private final List<Span> exclusive;
    private final WordNames names;
    private final TypeWordAfter typeAfter;

    EntityLinking(Reading reading, NameShapes shapes, EstateValues estate) {
        this.reading = reading;
        this.a = reading.a;
        this.lexicon = reading.lexicon;
        this.dictionary = reading.dictionary;
        this.rules = reading.rules;
        this.claims = reading.claims;
        this.shapes = shapes;
        this.estate = estate;
        this.entities = reading.entities;
        this.exclusive = reading.exclusive;
        this.names = new WordNames(a, lexicon);
        this.typeAfter = new TypeWordAfter(reading);
    }

    /** The Resolver asset's alias mappings ("서버A" → ci_code:SVR001) name a CI like an exact alias. */
    void assetAliases(Map<String, String> aliases) {
        PhraseTable<String> table = new PhraseTable<>();
        aliases.forEach((source, target) -> table.add(source,
                target.startsWith("ci_code:") ? target.substring("ci_code:".length()) : target));
        for (PhraseTable.Match<String> m : table.find(a)) {
            if (reading.free(m.span())) {
                String code = m.entries().get(0);
                reading.link(m.span(), EntityDictionary.Rank.EXACT_NAME, 0, List.of(dictionary.byCode(code)
                        .orElse(new EntityDictionary.Entity(code, a.span(m.span().start(), m.span().end()), "", false))));
            }
        }
    }

    void exactEntities() {
        // the estate's own names before the demo's where two overlap ("일일 정산" + 서비스, not the demo's "정산 서비스")
        List<PhraseTable.Match<EntityDictionary.Name>> matches = new ArrayList<>(dictionary.exact().find(a));
        matches.sort(java.util.Comparator.comparing(m -> m.entries().stream().allMatch(n -> n.entity().demo())));
        // the longest span wins across names and values: "order-squad"/"order squad" is the owner, not the CI "order"
        List<Span> values = dictionary.values().find(a).stream().map(PhraseTable.Match::span).toList();
        for (PhraseTable.Match<EntityDictionary.Name> m : matches) {
            if (!reading.free(m.span()) || names.wordForName(m) || names.demoNameInsidePhrase(m)
                    || names.demoWordBesideOwn(m, matches) || shapes.countedAfter(m.span().end())
                    || values.stream().anyMatch(v -> v.contains(m.span()) && v.length() > m.span().length())
                    || values.contains(m.span()) && typeAfter.otherTypeAfter(m) || typeAfter.startsNamesOfOtherType(m)) {
                continue;
            }
            boolean code = m.entries().stream().anyMatch(n -> n.kind() == EntityDictionary.NameKind.CODE);
            EntityDictionary.Rank rank = code ? EntityDictionary.Rank.EXACT_CODE : EntityDictionary.Rank.EXACT_NAME;
            Set<EntityDictionary.Entity> found = new LinkedHashSet<>();
            m.entries().stream().filter(n -> !code || n.kind() == EntityDictionary.NameKind.CODE)
                    .forEach(n -> found.add(n.entity()));
            List<EntityDictionary.Entity> own = code ? List.of() : ownBesideDemo(m, found);
            if (!own.isEmpty()) {
                // "settlement" is a demo CI's whole name but a word of the operator's own CIs: theirs, as with
                // any partial name (Signals.ownDataFirst), asked between when several — never the demo unasked
                List<EntityDictionary.Entity> choices = new ArrayList<>(own);
                choices.addAll(found);
                reading.link(m.span(), EntityDictionary.Rank.TOKEN, 0, choices);
                continue;
            }
            reading.link(m.span(), rank, 0, new ArrayList<>(found));
        }
    }

    /**
     * The operator's own CIs that a demo-only exact name is a whole word of ("settlement" of
     * "settlement batch", "daily settlement"); none when the name is not the demo's alone.
     */
    private List<EntityDictionary.Entity> ownBesideDemo(PhraseTable.Match<EntityDictionary.Name> m,
                                                        Set<EntityDictionary.Entity> found) {
        if (found.isEmpty() || !found.stream().allMatch(EntityDictionary.Entity::demo)) {
            return List.of();
        }
        String surface = a.span(m.span().start(), m.span().end());
        return dictionary.partial(EntityDictionary.words(surface), m.compact()).stream()
                .filter(h -> !h.name().entity().demo() && h.rank() == EntityDictionary.Rank.TOKEN)
                .map(h -> h.name().entity()).distinct().toList();
    }

    /** Runs of unclaimed name-like words: the longest sub-span that partially names a CI wins. */
    void partialEntities() {
        List<Token> run = new ArrayList<>();
        List<Token> tokens = a.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean candidate = nameLike(t) || gluedInside(tokens, i);
            if (candidate && (run.isEmpty() || reading.joined(run.get(run.size() - 1), t))) {
                run.add(t);
                continue;
            }
            partialIn(run);
            run = new ArrayList<>();
            if (candidate) {
                run.add(t);
            }
        }
        partialIn(run);
    }

    private boolean nameLike(Token t) {
        return !reading.claimed(t) && NameShapes.NAMELIKE.contains(t.pos()) && !t.function();
    }

    /** A grammar morpheme the analyser found inside one written word of a name ("하이퍼바이져 2호기"). */
    private boolean gluedInside(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.function() || t.pos().equals("J")) {
            return false;
        }
        Token prev = null;
        Token next = null;
        for (int j = i - 1; j >= 0 && prev == null; j--) {
            if (tokens.get(j).end() <= t.start()) {
                prev = tokens.get(j);
            }
        }
        for (int j = i + 1; j < tokens.size() && next == null; j++) {
            if (tokens.get(j).start() >= t.end()) {
                next = tokens.get(j);
            }
        }
        return prev != null && next != null && prev.end() == t.start() && (next.start() == t.end()
                || a.text().substring(t.end(), next.start()).isBlank()) && nameLike(prev) && nameLike(next);
    }

    /** A name-shaped word ("서버b", "ledgr-db") is matched whole or not at all, never by one of its parts. */
    private boolean splitsCompound(List<Token> part) {
        Span s = new Span(part.get(0).start(), part.get(part.size() - 1).end());
        // "오창dc": when the rest of the word is already read ("dc" the location field), the part may name
        return shapes.compounds().stream().anyMatch(c -> c.overlaps(s) && !s.contains(c) && a.tokensIn(c.start(), c.end())
                .stream().anyMatch(t -> !t.function() && !s.contains(new Span(t.start(), t.end())) && !reading.claimed(t)));
    }

    /** "the 03 box", "07번 서버": digits right before a word for a CI or its type name one. */
    private boolean numberBeforeTypeWord(List<Token> part) {
        Token last = part.get(part.size() - 1);
        if (part.size() != 1 || !last.number() || last.surface().length() < 2
                || claims.stream().anyMatch(c -> c.kind().equals("top"))) {
            return false; // "top 10 servers" counts
        }
        int end = last.end();
        return claims.stream().anyMatch(c -> (c.kind().equals("entity_type") || c.kind().equals("enum")
                && c.value().contains(".ci_type=")) && c.span().start() > end
                && a.text().substring(end, c.span().start()).matches("\\s*(?:번|호기|호)?\\s*")
                && !(c.text().endsWith("s") && !c.text().endsWith("ss")) && !a.text().startsWith("들", c.span().end()));
    }

    private void partialIn(List<Token> run) {
        int linkedBefore = entities.size();
        partialMentions(run);
        mergeNarrowing(linkedBefore);
    }

    /**
     * "the GPU compute node": partial mentions side by side in one run of name words ("gpu" → gpu-node.a100,
     * "node" → HPC Head Node or gpu-node.a100) whose candidates meet are one name described by its words —
     * linked as one span to the CIs both fit, so a word that narrows is never made a question. Only
     * with at most one unread word between them, and only when the meeting narrows one of them.
     */
    private void mergeNarrowing(int from) {
        for (int k = from; k + 1 < entities.size(); k++) {
            LinkedEntity x = entities.get(k);
            LinkedEntity y = entities.get(k + 1);
            List<EntityDictionary.Entity> both = x.candidates().stream().filter(y.candidates()::contains).toList();
            boolean narrows = both.size() < x.candidates().size() || both.size() < y.candidates().size();
            if (both.isEmpty() || !narrows || x.rank().score >= EntityDictionary.Rank.EXACT_NAME.score
                    || y.rank().score >= EntityDictionary.Rank.EXACT_NAME.score || !closeBy(x.span(), y.span())) {
                continue;
            }
            Span merged = new Span(x.span().start(), y.span().end());
            entities.remove(k + 1);
            entities.remove(k);
            claims.removeIf(c -> c.kind().equals("entity") && (c.span().equals(x.span()) || c.span().equals(y.span())));
            exclusive.removeIf(s -> s.equals(x.span()) || s.equals(y.span()));
            EntityDictionary.Rank rank = x.rank().score <= y.rank().score ? x.rank() : y.rank();
            reading.link(merged, rank, Math.max(x.distance(), y.distance()), both);
            entities.add(k, entities.remove(entities.size() - 1));
            k--; // the merged mention may narrow the next one too
        }
    }

    /**
     * "Ledgr Admin" beside the demo: "admin" is a demo CI's whole name and a word of the operator's own "Ledger Admin",
     * read in the exact pass (own and demo choices), and "ledgr" is read after as a typo of every "Ledger …" name. Side
     * by side with nothing between, their own candidates that meet are the one name both words describe, as
     * {@link #mergeNarrowing} joins the words of one run — never a question between every "Ledger …" CI.
     */
    void mergeBesideDemoWords() {
        for (int i = 0; i < entities.size(); i++) {
            LinkedEntity x = entities.get(i);
            if (x.candidates().stream().noneMatch(EntityDictionary.Entity::demo)
                    || x.candidates().stream().allMatch(EntityDictionary.Entity::demo)) {
                continue;
            }
            for (int j = 0; j < entities.size(); j++) {
                LinkedEntity y = entities.get(j);
                List<EntityDictionary.Entity> both = x.candidates().stream()
                        .filter(c -> !c.demo() && y.candidates().contains(c)).toList();
                Span first = x.span().start() < y.span().start() ? x.span() : y.span();
                Span second = first.equals(x.span()) ? y.span() : x.span();
                if (j == i || both.isEmpty() || both.size() >= y.candidates().size()
                        || x.rank().score >= EntityDictionary.Rank.EXACT_NAME.score
                        || y.rank().score >= EntityDictionary.Rank.EXACT_NAME.score
                        || !a.tokensIn(first.end(), second.start()).isEmpty() || !closeBy(first, second)) {
                    continue;
                }
                claims.removeIf(c -> c.kind().equals("entity") && (c.span().equals(x.span()) || c.span().equals(y.span())));
                exclusive.removeIf(sp -> sp.equals(x.span()) || sp.equals(y.span()));
                entities.remove(Math.max(i, j));
                entities.remove(Math.min(i, j));
                EntityDictionary.Rank rank = x.rank().score <= y.rank().score ? x.rank() : y.rank();
                reading.link(new Span(first.start(), second.end()), rank, Math.max(x.distance(), y.distance()), both);
                entities.add(Math.min(i, j), entities.remove(entities.size() - 1));
                i = -1;
                break;
            }
        }
    }

    /**
     * A Korean span that the written word goes on after with another content word nothing has read
     * ("전산실" cut as 전산 + 실): a part of that word, not the word a name was matched on. What was read
     * already ("로비vm": vm the type) or grammar ("결제서버가") does not count.
     */
    private boolean cutsKoreanWord(Span span) {
        if (!Folding.hasHangul(a.span(span.start(), span.end()))) {
            return false;
        }
        return a.tokens().stream().anyMatch(t -> t.start() == span.end() && t.hangul() && !t.function()
                && !reading.claimed(t));
    }

    /**
     * "정보전산원", "목동센터": one written Korean word that starts with the romanized first word of exactly
     * one place of the estate (정보 → jeongbo of jeongbo-center) and goes on with a word for a kind of site is
     * that place, the whole word read — when no CI is named by it. Empty otherwise.
     */
    private Optional<Span> placeHead(Token t) {
        if (!t.hangul()) {
            return Optional.empty();
        }
        Optional<Span> word = shapes.compounds().stream().filter(c -> c.start() == t.start() && c.end() > t.end())
                .findFirst();
        if (word.isEmpty() || !reading.free(word.get())) {
            return Optional.empty();
        }
        List<Word> values = estate.valuesByWord(Analyzed.compactOf(t.surface()));
        boolean place = values.size() == 1 && rules.understanding().placeFields().contains(values.get(0).group());
        String whole = Analyzed.compactOf(a.span(word.get().start(), word.get().end()));
        if (!place || !dictionary.partial(EntityDictionary.words(whole), whole).isEmpty()) {
            return Optional.empty();
        }
        estate.claimValue(word.get(), values.get(0), 0.7);
        return word;
    }

    /** Nothing or one unread, name-like word between two spans (no "and", comma or other claimed word). */
    private boolean closeBy(Span x, Span y) {
        List<Token> between = a.tokensIn(x.end(), y.start());
        return between.size() <= 1 && between.stream().allMatch(this::nameLike)
                && a.text().substring(x.end(), y.start()).matches("[\\s\\p{L}\\p{N}]*")
                && between.stream().noneMatch(t -> lexicon.phrases().get(Analyzed.compactOf(t.surface())).stream()
                        .anyMatch(w -> w.kind() == Word.Kind.STOPWORD));
    }

    private void partialMentions(List<Token> run) {
        int i = 0;
        while (i < run.size()) {
            boolean found = false;
            for (int len = Math.min(MAX_SPAN_TOKENS, run.size() - i); len >= 1 && !found; len--) {
                List<Token> part = run.subList(i, i + len);
                if (!reading.free(new Span(part.get(0).start(), part.get(len - 1).end()))) {
                    continue; // already read, e.g. as the rest of a place ("가산 DR")
                }
                if (len > 1 && part.stream().noneMatch(Token::function)) {
                    List<String> spelled = new ArrayList<>();
                    part.forEach(t -> spelled.add(Analyzed.compactOf(t.surface())));
                    Optional<Word> wholeValue = estate.romanizedValue(spelled).or(() -> estate.spelledValue(spelled));
                    if (wholeValue.isPresent()) {
                        // "가산 DR(센터)" is gasan-dr itself, not a partial match of a name that contains it
                        estate.claimValue(new Span(part.get(0).start(), part.get(len - 1).end()), wholeValue.get(), 0.8);
                        i += len;
                        found = true;
                        continue;
                    }
                }
                Optional<Span> site = len == 1 ? placeHead(part.get(0)) : Optional.empty();
                if (site.isPresent()) {
                    int end = site.get().end();
                    while (i < run.size() && run.get(i).start() < end) {
                        i++;
                    }
                    found = true;
                    continue;
                }
                // "which two servers": a count word alone names no CI, even where a name ends in "two"
                if (part.stream().allMatch(t -> t.number() || rules.numberWords().containsKey(t.surface()))
                        && !numberBeforeTypeWord(part) || part.get(0).function() || part.get(len - 1).function()
                        || len > 1 && shapes.countedAfter(part.get(len - 1).end())
                        || splitsCompound(part) && !numberBeforeTypeWord(part)) { // "07번 서버": the number, not 07번
                    continue;
                }
                List<String> words = new ArrayList<>();
                for (int k = 0; k < part.size(); k++) {
                    if (k == 0 || part.get(k).start() != part.get(k - 1).start()) { // one surface per span
                        words.add(Analyzed.compactOf(part.get(k).surface()));
                    }
                }
                String compact = String.join("", words);
                if (compact.length() < 2) {
                    continue; // one letter names nothing
                }
                Span span = new Span(part.get(0).start(), part.get(len - 1).end());
                if (cutsKoreanWord(span)) {
                    continue; // "전산실": 전산 (a word of the alias "연구 전산") is not the word the question wrote
                }
                List<EntityDictionary.Partial> hits = reading.preferOwnData(dictionary.partial(words, compact));
                Optional<Word> place = hits.isEmpty() ? Optional.empty() : estate.sharedValue(span, hits);
                if (place.isPresent()) {
                    estate.claimValue(span, place.get(), 0.7);
                    i += len;
                    found = true;
                } else if (!hits.isEmpty()) {
                    reading.link(span, hits.get(0).rank(), hits.get(0).distance(),
                            hits.stream().map(h -> h.name().entity()).distinct().toList());
                    i += len;
                    found = true;
                } else if (compact.length() >= 2) {
                    // one word of a value, or two or more in a row ("Edison NJ" of "US Edison NJ")
                    List<Word> values = len == 1 ? estate.valuesByWord(compact) : dictionary.valuesByWords(words);
                    if (values.size() == 1) {
                        estate.claimValue(span, values.get(0), 0.75);
                        i += len;
                        found = true;
                    }
                }
            }
            if (!found) {
                i++;
            }
        }
    }

    /**
     * "k8s-node-a": a Latin name-shaped word that names no CI whole is matched whole as a partial name
     * (a prefix of k8s-node-a1 and k8s-node-a2) before its pieces are read as words ("s", "a").
     */
    void compoundNames() {
        for (Span c : shapes.compounds()) {
            String surface = a.span(c.start(), c.end());
            if (Folding.hasHangul(surface) || !reading.free(c) || claims.stream().anyMatch(x -> x.span().overlaps(c)
                    && !x.kind().equals("stopword") && !x.kind().equals("function"))) {
                continue;
            }
            String compact = Analyzed.compactOf(surface);
            if (dictionary.values().containsCompact(compact)) {
                continue; // "cloud-apne2" is a place, read as a value
            }
            List<EntityDictionary.Partial> hits = reading.preferOwnData(dictionary.partial(EntityDictionary.words(surface), compact));
            if (hits.isEmpty() || hits.get(0).rank().compareTo(EntityDictionary.Rank.PREFIX) > 0) {
                continue; // a misspelt compound is left to the word-by-word reading and EXECUTE's lookup
            }
            claims.removeIf(x -> x.span().overlaps(c));
            reading.link(c, hits.get(0).rank(), hits.get(0).distance(), hits.stream().map(h -> h.name().entity()).distinct().toList());
        }
    }
}
