package dev.opsuite.planner.domain.understand;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a question so that every word is accounted for, in this order: CI names spelled out in
 * full (longest span first; an exact name is never made ambiguous by a partial one), time
 * expressions, thresholds and depths, field values of the estate, the assets' vocabulary, then
 * partial CI names (whole word, prefix, within an edit or two) among the words still unclaimed,
 * then grammar and stopwords. What is left is {@link Understanding#unexplained()}.
 */
public final class Understander {
    /** Parts of speech that can be (part of) a name when nothing else claimed them. */
    private static final Set<String> NAMELIKE = Set.of("NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XR", "UNKNOWN");
    private static final int MAX_SPAN_TOKENS = 8;

    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;
    private final JsonNode rules;
    private final List<Claim> claims = new ArrayList<>();
    private final List<Span> exclusive = new ArrayList<>();
    private final List<LinkedEntity> entities = new ArrayList<>();
    private final List<Understanding.Threshold> thresholds = new ArrayList<>();
    private Integer depth;

    private Understander(Analyzed a, Lexicon lexicon, EntityDictionary dictionary, JsonNode rules) {
        this.a = a;
        this.lexicon = lexicon;
        this.dictionary = dictionary;
        this.rules = rules;
    }

    /**
     * @param dictionary the estate's names, or null when none is available (names are then left
     *                   to EXECUTE's resolver and count as unexplained here)
     * @param rules      the Prompt asset's rules
     */
    /**
     * @param assetAliases the Resolver asset's alias mappings that fired (source phrase → "ci_code:X")
     */
    public static Understanding understand(String question, Lexicon lexicon, EntityDictionary dictionary,
                                           JsonNode rules, OffsetDateTime now, ZoneId zone,
                                           Map<String, String> assetAliases) {
        EntityDictionary dict = dictionary == null ? EntityDictionary.EMPTY : dictionary;
        Analyzed a = QuestionAnalyzer.analyze(question, w -> lexicon.knowsLatin(w) || dict.knows(w), lexicon.particles());
        Understander u = new Understander(a, lexicon, dict, rules);
        return u.run(question, now, zone, dictionary != null, assetAliases);
    }

    private Understanding run(String question, OffsetDateTime now, ZoneId zone, boolean dictionaryUsed,
                              Map<String, String> assetAliases) {
        assetAliases(assetAliases);
        exactEntities();
        List<TimeAtom> atoms = TimeExpressions.atoms(a, rules.path("time"), rules.path("number_words"), exclusive);
        TimeReading time = TimeComposer.compose(a, atoms, rules.path("time"), now, zone);
        time.spans().forEach(s -> claimExclusive(s, "time", time.name(), 1));
        thresholds();
        depth();
        vocabulary();
        countOfAUnit();
        fuzzyVocabulary(2); // "eror rate": a misspelt word beside one spelt right
        estateValuesOfLabels();
        typesOnTheWay();
        glosses();
        compoundNames();
        partialEntities();
        valueTails();
        vocabularyAsNames();
        definiteType();
        fuzzyVocabulary(1); // "latecny": a word alone, only when it names no CI either
        Integer topN = topN();
        impliedMetric();
        grammar();
        entities.sort((x, y) -> x.span().start() - y.span().start());
        String language = Folding.hasHangul(question) ? "ko" : "en";
        return new Understanding(a, language, claims, entities, time, thresholds, topN, depth, unexplained(),
                nameShaped(compounds()), dictionary.revision(), dictionaryUsed, negatedSpans());
    }

    /** The Resolver asset's alias mappings ("서버A" → ci_code:SVR001) name a CI like an exact alias. */
    private void assetAliases(Map<String, String> aliases) {
        PhraseTable<String> table = new PhraseTable<>();
        aliases.forEach((source, target) -> table.add(source,
                target.startsWith("ci_code:") ? target.substring("ci_code:".length()) : target));
        for (PhraseTable.Match<String> m : table.find(a)) {
            if (free(m.span())) {
                String code = m.entries().get(0);
                link(m.span(), EntityDictionary.Rank.EXACT_NAME, 0, List.of(dictionary.byCode(code)
                        .orElse(new EntityDictionary.Entity(code, a.span(m.span().start(), m.span().end()), "", false))));
            }
        }
    }

    private void exactEntities() {
        // the estate's own names before the demo's where two overlap ("일일 정산" + 서비스, not the demo's "정산 서비스")
        List<PhraseTable.Match<EntityDictionary.Name>> matches = new ArrayList<>(dictionary.exact().find(a));
        matches.sort(java.util.Comparator.comparing(m -> m.entries().stream().allMatch(n -> n.entity().demo())));
        for (PhraseTable.Match<EntityDictionary.Name> m : matches) {
            if (!free(m.span()) || wordForName(m)) {
                continue;
            }
            boolean code = m.entries().stream().anyMatch(n -> n.kind() == EntityDictionary.NameKind.CODE);
            EntityDictionary.Rank rank = code ? EntityDictionary.Rank.EXACT_CODE : EntityDictionary.Rank.EXACT_NAME;
            Set<EntityDictionary.Entity> found = new LinkedHashSet<>();
            m.entries().stream().filter(n -> !code || n.kind() == EntityDictionary.NameKind.CODE)
                    .forEach(n -> found.add(n.entity()));
            link(m.span(), rank, 0, new ArrayList<>(found));
        }
    }

    /**
     * "servers" is the word, not the alias "server-s" glued: a single written word that the assets
     * know does not name a CI whose name is several words.
     */
    private boolean wordForName(PhraseTable.Match<EntityDictionary.Name> m) {
        List<Token> tokens = a.tokensIn(m.span().start(), m.span().end()).stream().filter(t -> !t.function()).toList();
        List<Word> words = lexicon.phrases().get(m.compact());
        if (tokens.size() != 1 || words.isEmpty()) {
            return false;
        }
        if (m.entries().stream().allMatch(n -> EntityDictionary.words(n.surface()).size() > 1)) {
            return true;
        }
        // a CI named like a command word ("search") opening the question is the command: "search for r12"
        boolean command = words.stream().anyMatch(w -> w.kind() == Word.Kind.INTENT || w.kind() == Word.Kind.STOPWORD);
        // the first content word, politeness aside ("Please report …")
        boolean first = a.tokens().stream().filter(t -> !t.function() && !lexicon.phrases().get(Analyzed.compactOf(t.surface()))
                .stream().allMatch(w -> w.kind() == Word.Kind.STOPWORD) || t.start() == m.span().start())
                .findFirst().map(t -> t.start() == m.span().start()).orElse(false);
        return command && first;
    }

    private void link(Span span, EntityDictionary.Rank rank, int distance, List<EntityDictionary.Entity> candidates) {
        LinkedEntity e = new LinkedEntity(span, a.span(span.start(), span.end()), rank, distance, candidates,
                particleAfter(span));
        entities.add(e);
        claimExclusive(span, "entity", candidates.size() == 1 ? candidates.get(0).ciCode()
                : String.join("|", candidates.stream().map(EntityDictionary.Entity::ciCode).toList()), e.score());
    }

    /**
     * "What does the load balancer route traffic to?", "how is the storage doing?", "mem on the ochang
     * vm", "the stopped system": no CI named, one type word (or a word for any CI) said in the singular
     * and definite, and a question about one CI — not a list, count, ranking or threshold. The CIs of
     * that type, narrowed by the values the question names (ochang-dc, stopped), are who is meant: the
     * only one, or several to choose from (never a guess).
     */
    private void definiteType() {
        if (!entities.isEmpty() || claims.stream().anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold")
                || c.kind().equals("intent") && List.of("list", "count", "search", "compare").contains(c.value())
                && !questionWord(c))) {
            return;
        }
        List<Claim> types = claims.stream().filter(c -> c.kind().equals("enum") && c.value().contains(".ci_type=")
                || c.kind().equals("entity_type")).filter(distinctBy(c -> c.value() + "@" + c.span())).toList();
        if (types.size() != 1) {
            return;
        }
        Claim t = types.get(0);
        // "storage devices", "database servers": the noun after the type word counts too
        String next = a.text().substring(t.span().end()).stripLeading().split("[ ,.?!]", 2)[0];
        boolean plural = t.text().endsWith("s") && !t.text().endsWith("ss") || a.text().startsWith("들", t.span().end())
                || next.length() > 3 && next.endsWith("s") && !next.endsWith("ss") && next.chars().allMatch(Character::isLetter);
        String type = t.kind().equals("enum") ? t.value().substring(t.value().indexOf('=') + 1) : "";
        List<Claim> values = claims.stream().filter(c -> (c.kind().equals("value") || c.kind().equals("enum"))
                && !c.value().contains(".ci_type=") && c.value().contains("=")).toList();
        // Korean has no article: "오창쪽 스토리지" is definite by the place that narrows it
        java.util.Set<String> narrowed = new java.util.HashSet<>();
        values.forEach(v -> narrowed.add(v.value().substring(0, v.value().indexOf('='))));
        boolean aboutOne = claims.stream().anyMatch(c -> c.kind().equals("metric")
                || c.kind().equals("field") && !narrowed.contains(c.value())
                || c.kind().equals("intent") && java.util.stream.StreamSupport.stream(rules.path("understanding")
                .path("relation_intents").spliterator(), false).anyMatch(r -> r.asText().equals(c.value())));
        boolean definite = definiteBefore(t) || Folding.hasHangul(a.text()) && !values.isEmpty() && aboutOne;
        if (plural || !definite) {
            return;
        }
        if (type.isEmpty() && values.isEmpty()) {
            return; // "the system" alone names nothing
        }
        int max = rules.path("understanding").path("definite_max_candidates").asInt(8);
        List<EntityDictionary.Entity> fit = new ArrayList<>();
        for (EntityDictionary.Entity e : dictionary.ofType(type, Integer.MAX_VALUE - 1)) {
            boolean ok = true;
            for (Claim v : values) {
                String field = v.value().substring(0, v.value().indexOf('=')); // "ci.location"
                ok &= v.value().substring(v.value().indexOf('=') + 1).equals(e.fields().get(field)) != negatedClaim(v);
            }
            if (ok) {
                fit.add(e);
            }
        }
        if (fit.isEmpty() || fit.size() > max) {
            return;
        }
        claims.removeIf(c -> c.span().equals(t.span()) && (c.kind().equals("enum") || c.kind().equals("entity_type")));
        // the narrowing words describe the CI now: they stay read, not as filters
        List<Claim> described = new ArrayList<>();
        for (Claim v : values) {
            claims.removeIf(c -> c == v);
            described.add(new Claim(v.span(), v.text(), "descriptor", v.value(), v.score()));
        }
        claims.addAll(described);
        link(t.span(), EntityDictionary.Rank.TOKEN, 0, fit);
    }

    /**
     * "지금 몇 %예요?", "몇 ms", "마지막 값 몇이었어": a bare count word (Prompt
     * understanding.bare_count_words — "몇", not "몇 대") right before a unit (value_units) or right
     * after a word for a value (value_words) asks for a value, not for a number of CIs — it stays read
     * as part of the question, not as a count.
     */
    private void countOfAUnit() {
        java.util.Set<String> bare = new java.util.HashSet<>();
        rules.path("understanding").path("bare_count_words").forEach(w -> bare.add(w.asText().toLowerCase(java.util.Locale.ROOT)));
        List<Claim> counts = claims.stream().filter(c -> c.kind().equals("intent") && c.value().equals("count")
                && bare.contains(c.text().toLowerCase(java.util.Locale.ROOT))).toList(); // "몇 대" stays a count
        for (Claim c : counts) {
            String before = a.text().substring(0, c.span().start()).stripTrailing().toLowerCase(java.util.Locale.ROOT);
            String after = a.text().substring(c.span().end()).stripLeading().toLowerCase(java.util.Locale.ROOT);
            boolean value = false;
            for (JsonNode w : rules.path("understanding").path("value_words")) {
                String v = w.asText().toLowerCase(java.util.Locale.ROOT);
                // a Latin word must end where the text before does at a word boundary; Korean attaches
                value |= !v.isEmpty() && before.endsWith(v) && (Folding.hasHangul(v) || before.length() == v.length()
                        || !Character.isLetterOrDigit(before.charAt(before.length() - v.length() - 1)));
            }
            for (JsonNode unit : rules.path("understanding").path("value_units")) {
                String u = unit.asText().toLowerCase(java.util.Locale.ROOT);
                boolean latin = !u.isEmpty() && Character.isLetter(u.charAt(0)) && u.charAt(0) < 128;
                value |= !u.isEmpty() && after.startsWith(u) && (!latin || after.length() == u.length()
                        || !Character.isLetter(after.charAt(u.length())));
            }
            if (value) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "stopword", "value_of_unit", c.score()));
            }
        }
    }

    /** Intents that read events: an event word in a question with one of these is the event filter. */
    private static final Set<String> EVENT_INTENTS = Set.of("history", "why", "failure", "happened", "before",
            "changed_before");

    /**
     * "DB VM 메모리 지금 얼마에요?", "알림 쪽 CPU": words the vocabulary knows that are written whole
     * inside CI names or aliases ("창고 DB VM", "주문 DB VM", "알림 VM") name those CIs — the only one, or
     * several to choose from, never a filter nothing applies. Two kinds: type words side by side (the
     * last is the CI, the first says which), and an event word in a question about a metric with no
     * event intent (there the event meaning applies to nothing). Only when no CI is named and the
     * question is about one CI (as {@link #definiteType}).
     */
    private void vocabularyAsNames() {
        if (!entities.isEmpty() || claims.stream().anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold")
                || c.kind().equals("intent") && List.of("list", "count", "search", "compare").contains(c.value())
                && !questionWord(c))) {
            return;
        }
        boolean metricOnly = claims.stream().anyMatch(c -> c.kind().equals("metric"))
                && claims.stream().noneMatch(c -> c.kind().equals("intent") && EVENT_INTENTS.contains(c.value()));
        List<Token> content = a.tokens().stream().filter(t -> !t.function()).toList();
        List<Token> run = new ArrayList<>();
        for (int i = 0; i <= content.size(); i++) {
            Token t = i < content.size() ? content.get(i) : null;
            Claim typed = t == null ? null : vocabularyClaimOf(t);
            boolean joins = typed != null && typed.value().contains(".ci_type=") && (run.isEmpty()
                    || a.text().substring(run.get(run.size() - 1).end(), t.start()).isBlank());
            if (joins) {
                run.add(t);
                continue;
            }
            if (run.size() >= 2 && !pluralAfter(run.get(run.size() - 1))) {
                nameFromVocabulary(new Span(run.get(0).start(), run.get(run.size() - 1).end()));
            }
            run.clear();
            if (typed != null && typed.value().contains(".ci_type=")) {
                run.add(t);
            } else if (typed != null && metricOnly && typed.value().startsWith("ci_event.")) {
                nameFromVocabulary(typed.span());
            }
        }
    }

    /** The enum or type claim covering this token alone (no wider than it, a character of slack), if any. */
    private Claim vocabularyClaimOf(Token t) {
        for (Claim c : claims) {
            if ((c.kind().equals("enum") || c.kind().equals("entity_type")) && c.span().start() <= t.start()
                    && c.span().end() >= t.end() && c.span().end() - c.span().start() <= t.end() - t.start() + 1) {
                return c.kind().equals("entity_type") ? new Claim(c.span(), c.text(), c.kind(), "ci.ci_type=", c.score()) : c;
            }
        }
        return null;
    }

    private boolean pluralAfter(Token last) {
        String w = last.surface().toLowerCase(java.util.Locale.ROOT);
        return last.latin() && w.length() >= 3 && w.endsWith("s") && !w.endsWith("ss") // "DB VMs"
                || a.text().startsWith("들", last.end());
    }

    private void nameFromVocabulary(Span span) {
        if (!entities.isEmpty()) {
            return;
        }
        String text = a.span(span.start(), span.end());
        Set<EntityDictionary.Entity> found = new LinkedHashSet<>();
        preferOwnData(dictionary.partial(EntityDictionary.words(text), Analyzed.compactOf(text))).stream()
                .filter(p -> p.rank() == EntityDictionary.Rank.TOKEN).forEach(p -> found.add(p.name().entity()));
        int max = rules.path("understanding").path("definite_max_candidates").asInt(8);
        if (found.isEmpty() || found.size() > max) {
            return;
        }
        claims.removeIf(c -> (c.kind().equals("enum") || c.kind().equals("entity_type")) && span.overlaps(c.span()));
        link(span, EntityDictionary.Rank.TOKEN, 0, new ArrayList<>(found));
    }

    /** "which", "어떤": a question word the list group also holds, not a request for a list. */
    private boolean questionWord(Claim c) {
        for (JsonNode w : rules.path("understanding").path("question_words")) {
            if (c.text().equals(w.asText())) {
                return true;
            }
        }
        return false;
    }

    /** "the", "그", "this" … right before the type word, with only value words ("the ochang vm") between. */
    private boolean definiteBefore(Claim t) {
        String before = a.text().substring(0, t.span().start());
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (Claim c : claims) {
                if ((c.kind().equals("value") || c.kind().equals("enum")) && c.span().end() <= before.length()
                        && c.span().start() < before.length() && before.substring(c.span().end()).isBlank()) {
                    before = before.substring(0, c.span().start());
                    stripped = true;
                }
            }
        }
        before = before.stripTrailing();
        for (JsonNode d : rules.path("understanding").path("definite_words")) {
            if (before.endsWith(" " + d.asText()) || before.equals(d.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spans of meaning words next to a negation of rules.negations (before: "not", "except"; after:
     * "빼고"; prefix, glued to the word: "비운영", "non-prod").
     */
    private Set<Span> negatedSpans() {
        Set<Span> out = new java.util.HashSet<>();
        for (Claim c : claims) {
            if (List.of("enum", "value", "intent", "entity_type").contains(c.kind()) && negatedClaim(c)) {
                out.add(c.span());
            }
        }
        return out;
    }

    private boolean negatedClaim(Claim c) {
        String text = a.text();
        String before = " " + text.substring(Math.max(0, c.span().start() - 20), c.span().start());
        String after = text.substring(c.span().end(), Math.min(text.length(), c.span().end() + 8));
        for (JsonNode n : rules.path("negations").path("before")) {
            if (before.contains(" " + n.asText() + " ")) {
                return true;
            }
        }
        for (JsonNode n : rules.path("negations").path("after")) {
            if (after.contains(n.asText())) {
                return true;
            }
        }
        for (JsonNode n : rules.path("negations").path("prefix")) {
            String p = n.asText();
            int at = c.span().start() - p.length();
            if (!p.isEmpty() && at >= 0 && text.startsWith(p, at) && (at == 0 || text.charAt(at - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return x -> seen.add(key.apply(x));
    }

    private String particleAfter(Span span) {
        StringBuilder p = new StringBuilder();
        for (Token t : a.tokens()) {
            if (t.start() >= span.end() && t.start() <= span.end() + 1) {
                if (t.function() && t.pos().equals("J")) {
                    p.append(t.surface());
                } else {
                    break;
                }
            }
        }
        return p.toString();
    }

    private void thresholds() {
        Map<String, String> ops = new java.util.HashMap<>();
        rules.path("threshold_ops").properties().forEach(e -> ops.put(Folding.fold(e.getKey()), e.getValue().asText()));
        for (JsonNode rule : rules.path("thresholds")) {
            Pattern p = Patterns.of(rule.path("pattern").asText(), Pattern.CASE_INSENSITIVE);
            Matcher m = p.matcher(a.text());
            while (m.find()) {
                Span s = new Span(m.start(), m.end());
                if (!free(s) || !TimeExpressions.wordAligned(a.text(), s)) {
                    continue;
                }
                String opWord = group(p, m, "op");
                String op = rule.path("op").asText(ops.getOrDefault(opWord.trim(), ""));
                if (op.isEmpty()) {
                    continue;
                }
                try {
                    double v = number(group(p, m, "v"));
                    String v2 = group(p, m, "v2");
                    double upper = v2.isEmpty() ? 0 : number(v2);
                    // "0.3초", "a quarter of a second": seconds, where the metrics count milliseconds
                    JsonNode scale = rules.path("threshold_units").path(group(p, m, "unit").replaceAll("\\s+", " ").trim());
                    if (scale.isNumber()) {
                        v *= scale.asDouble();
                        upper *= scale.asDouble();
                    }
                    thresholds.add(new Understanding.Threshold(op, v, upper, s));
                    claimExclusive(s, "threshold", op + " " + v + (v2.isEmpty() ? "" : " " + upper), 1);
                    thresholdNoun(s.end());
                } catch (NumberFormatException e) {
                    // not a number after all: leave the words to the other rules
                }
            }
        }
    }

    /** "80", "0.3", or a number word of rules.number_words ("ninety", "a quarter of a"). */
    private double number(String text) {
        JsonNode w = rules.path("number_words").path(text.replaceAll("\\s+", " ").trim());
        return w.isNumber() ? w.asDouble() : Double.parseDouble(text);
    }

    /** "more than 70% full", "80% 이상 찬": the word after a threshold that names its metric. */
    private void thresholdNoun(int from) {
        String rest = a.text().substring(from);
        int lead = rest.length() - rest.stripLeading().length();
        rules.path("threshold_metric_words").properties().forEach(e -> {
            String w = Folding.fold(e.getKey());
            Span s = new Span(from + lead, from + lead + w.length());
            if (rest.stripLeading().startsWith(w) && TimeExpressions.wordAligned(a.text(), s) && free(s)) {
                claimExclusive(s, "metric", e.getValue().asText(), 1);
            }
        });
    }

    private void depth() {
        for (JsonNode p : rules.path("depth_patterns")) {
            Matcher m = Patterns.of(p.asText(), Pattern.CASE_INSENSITIVE).matcher(a.text());
            if (m.find() && free(new Span(m.start(), m.end()))) {
                depth = Integer.parseInt(m.group(1));
                claimExclusive(new Span(m.start(), m.end()), "number", "depth " + depth, 1);
                return;
            }
        }
    }

    private static String group(Pattern p, Matcher m, String name) {
        Integer g = p.namedGroups().get(name);
        String v = g == null ? null : m.group(g);
        return v == null ? "" : v.toLowerCase(java.util.Locale.ROOT);
    }

    /** Vocabulary: longest phrase first; a phrase inside a longer accepted one is not read again. */
    private void vocabulary() {
        List<Span> accepted = new ArrayList<>();
        // the assets' words and the estate's field values compete on length alike
        List<PhraseTable.Match<Word>> matches = new ArrayList<>(lexicon.phrases().find(a));
        matches.addAll(dictionary.values().find(a));
        matches.sort((x, y) -> x.compact().length() != y.compact().length() ? y.compact().length() - x.compact().length()
                : x.span().start() - y.span().start());
        List<Span> compounds = compounds();
        for (PhraseTable.Match<Word> m : matches) {
            if (!free(m.span()) || insideCompound(m, compounds)) {
                continue;
            }
            boolean inside = accepted.stream().anyMatch(s -> s.overlaps(m.span()) && !s.equals(m.span()));
            if (inside) {
                continue;
            }
            accepted.add(m.span());
            m.entries().forEach(w -> claims.add(wordClaim(m.span(), w)));
        }
        for (Map.Entry<Pattern, Word> e : lexicon.patterns()) {
            Matcher m = e.getKey().matcher(a.text());
            if (m.find()) {
                // a pattern with a group claims only the group ("if … (fails)"), not the words between
                Span s = m.groupCount() >= 1 && m.group(1) != null ? new Span(m.start(1), m.end(1)) : new Span(m.start(), m.end());
                if (free(s)) {
                    claims.add(wordClaim(s, e.getValue()));
                }
            }
        }
        for (Token t : a.tokens()) {
            // a Korean word by its stem: "바꿨어" is 바꾸 (the assets list stems of verbs, "바꾸", "배포하")
            if (t.hangul() && !t.function() && !claimed(t) && !t.morpheme().equals(t.surface())) {
                for (Word w : lexicon.phrases().get(Analyzed.compactOf(t.morpheme()))) {
                    if (w.kind() != Word.Kind.STOPWORD) {
                        claims.add(wordClaim(new Span(t.start(), t.end()), w));
                    }
                }
            }
        }
        for (Token t : a.tokens()) {
            if (t.latin() && !claimed(t)) {
                // enum labels list their own forms: "run" is not the status "running"
                for (Word w : lexicon.byStem(t.stem()).stream().filter(x -> x.kind() != Word.Kind.ENUM).toList()) {
                    claims.add(wordClaim(new Span(t.start(), t.end()), w));
                }
            }
        }
    }

    /**
     * Written words that are names by their shape: parts joined by - . _ / ("payment-db",
     * "srv-seoul-03") or Hangul glued to Latin or digits ("서버B"), less a trailing particle or "'s".
     */
    private List<Span> compounds() {
        List<Span> out = new ArrayList<>();
        String text = a.text();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && wordBreak(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !wordBreak(text.charAt(i))) {
                i++;
            }
            int end = start;
            Token lastName = null;
            for (Token t : a.tokensIn(start, i)) {
                // a verb or an adverb is never part of a name: "infra-sora꺼" is infra-sora's (spoken 것);
                // nor is what follows grammar glued to a Latin word: "stopped인거" is stopped + 인 거
                if ((t.function() || t.hangul() && lexicon.particles().contains(t.surface())) && lastName != null
                        && lastName.latin()) {
                    break; // "sb-live쪽": a particle or direction word glued to a Latin name
                }
                if (!t.function() && NAMELIKE.contains(t.pos())) {
                    end = Math.max(end, t.end());
                    lastName = t;
                }
            }
            String core = text.substring(start, end).replaceAll("['’]s$", "");
            end = start + core.length();
            boolean joined = core.matches(".*[\\p{L}\\p{N}][-._/][\\p{L}\\p{N}].*");
            boolean mixed = Folding.hasHangul(core) && core.chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                    || core.chars().anyMatch(c -> c < 128 && Character.isLetter(c))
                    && core.chars().anyMatch(Character::isDigit) && core.chars().allMatch(c -> c < 128); // "r12", "db01"
            if ((joined || mixed || gluedUnknown(start, end)) && !vocabularyList(core)) {
                out.add(new Span(start, end));
            }
        }
        return out;
    }

    /**
     * One written Korean word made of a word the assets do not know glued to one they do
     * ("쌍둥이서버", "결제서비스"): a name, not a type filter with a stray noun.
     */
    private boolean gluedUnknown(int start, int end) {
        List<Token> parts = a.tokensIn(start, end).stream().filter(t -> !t.function()).toList();
        if (parts.size() < 2 || parts.stream().anyMatch(t -> !t.hangul())) {
            return false;
        }
        boolean known = false;
        boolean unknown = false;
        for (Token t : parts) {
            List<Word> words = lexicon.phrases().get(Analyzed.compactOf(t.surface()));
            if (words.isEmpty()) {
                unknown |= t.pos().startsWith("NN");
            } else {
                known |= words.stream().anyMatch(w -> w.kind() == Word.Kind.ENUM || w.kind() == Word.Kind.ENTITY_TYPE);
            }
        }
        return known && unknown;
    }

    /** The name-shaped written words nothing claimed: names the estate dictionary does not know (yet). */
    private List<String> nameShaped(List<Span> compounds) {
        List<String> out = new ArrayList<>();
        for (Span c : compounds) {
            boolean open = a.tokensIn(c.start(), c.end()).stream().anyMatch(t -> !t.function() && !claimed(t));
            String text = a.span(c.start(), c.end());
            if (open && !out.contains(text) && !ordinaryWords(text)) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * "customer-facing", "i.e.", "powered-off": Latin letters only, and either an abbreviation of single
     * letters or words none of which is a word of any CI's name or a word the assets know. Such a word
     * is left unexplained (and shown so), not sent to EXECUTE as a CI name that then "does not exist".
     */
    private boolean ordinaryWords(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("[-._/]+");
        if (parts.length < 2 || !text.chars().allMatch(ch -> ch < 128 && (Character.isLetter(ch) || "-._/".indexOf(ch) >= 0))) {
            return false;
        }
        if (java.util.Arrays.stream(parts).allMatch(p -> p.length() <= 1)) {
            return true; // i.e, e.g, a.m
        }
        if (parts.length == 2 && parts[0].equals("non") && !lexicon.phrases().get(parts[1]).isEmpty()) {
            return true; // "non-prod": a negated word the assets know, not a name
        }
        // a descriptor of a set the question already filters ("the customer-facing services of fleet-tech");
        // without such a filter it stays a name EXECUTE looks up and reports ("cpu of zz-one": no such CI)
        boolean filtered = claims.stream().anyMatch(c -> c.kind().equals("value") || c.kind().equals("enum")
                && c.value().contains(".ci_type="));
        if (!filtered) {
            return false;
        }
        for (String p : parts) {
            if (p.length() < 3 || !lexicon.phrases().get(p).isEmpty()) {
                return false;
            }
            List<EntityDictionary.Partial> hits = dictionary.partial(List.of(p), p);
            if (!hits.isEmpty() && hits.get(0).rank() == EntityDictionary.Rank.TOKEN) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordBreak(char c) {
        return c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == ';' || c == ':'
                || c == '"' || c == '?' || c == '!' || c == '=';
    }

    /** "hosts/vms", "cpu/mem": words the assets know joined by a slash are a list of them, not a name. */
    private boolean vocabularyList(String core) {
        String[] parts = core.split("/");
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank() || lexicon.phrases().get(Analyzed.compactOf(p)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A filter or metric word inside a name-shaped word ("db" of "payment-db") is part of the name. */
    private static boolean insideCompound(PhraseTable.Match<Word> m, List<Span> compounds) {
        boolean meaning = m.entries().stream().anyMatch(w -> switch (w.kind()) {
            case ENUM, VALUE, FIELD, ENTITY_TYPE, METRIC -> true;
            default -> false;
        });
        return meaning && compounds.stream().anyMatch(c -> c.overlaps(m.span()) && !m.span().contains(c));
    }

    private Claim wordClaim(Span s, Word w) {
        String kind = w.kind().name().toLowerCase(java.util.Locale.ROOT);
        String value = switch (w.kind()) {
            case ENUM, VALUE -> w.group() + "=" + w.value();
            case FIELD -> w.group() + "." + w.value();
            default -> w.value();
        };
        return new Claim(s, a.span(s.start(), s.end()), kind, value, 1);
    }

    /** Runs of unclaimed name-like words: the longest sub-span that partially names a CI wins. */
    private void partialEntities() {
        List<Token> run = new ArrayList<>();
        List<Token> tokens = a.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean candidate = nameLike(t) || gluedInside(tokens, i);
            if (candidate && (run.isEmpty() || joined(run.get(run.size() - 1), t))) {
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
        return !claimed(t) && NAMELIKE.contains(t.pos()) && !t.function();
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
        return compounds().stream().anyMatch(c -> c.overlaps(s) && !s.contains(c) && a.tokensIn(c.start(), c.end())
                .stream().anyMatch(t -> !t.function() && !s.contains(new Span(t.start(), t.end())) && !claimed(t)));
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

    /** Only spaces or name punctuation (- . _ /) between two tokens. */
    private boolean joined(Token left, Token right) {
        String between = a.text().substring(Math.min(left.end(), right.start()), right.start());
        return between.chars().allMatch(c -> c == ' ' || c == '-' || c == '.' || c == '_' || c == '/');
    }

    private void partialIn(List<Token> run) {
        int i = 0;
        while (i < run.size()) {
            boolean found = false;
            for (int len = Math.min(MAX_SPAN_TOKENS, run.size() - i); len >= 1 && !found; len--) {
                List<Token> part = run.subList(i, i + len);
                if (!free(new Span(part.get(0).start(), part.get(len - 1).end()))) {
                    continue; // already read, e.g. as the rest of a place ("가산 DR")
                }
                if (len > 1 && part.stream().noneMatch(Token::function)) {
                    List<String> spelled = new ArrayList<>();
                    part.forEach(t -> spelled.add(Analyzed.compactOf(t.surface())));
                    Optional<Word> wholeValue = romanizedValue(spelled);
                    if (wholeValue.isPresent()) {
                        // "가산 DR(센터)" is gasan-dr itself, not a partial match of a name that contains it
                        claimValue(new Span(part.get(0).start(), part.get(len - 1).end()), wholeValue.get(), 0.8);
                        i += len;
                        found = true;
                        continue;
                    }
                }
                // "which two servers": a count word alone names no CI, even where a name ends in "two"
                if (part.stream().allMatch(t -> t.number() || rules.path("number_words").has(t.surface()))
                        && !numberBeforeTypeWord(part) || part.get(0).function() || part.get(len - 1).function()
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
                List<EntityDictionary.Partial> hits = preferOwnData(dictionary.partial(words, compact));
                Optional<Word> place = hits.isEmpty() ? Optional.empty() : sharedValue(span, hits);
                if (place.isPresent()) {
                    claimValue(span, place.get(), 0.7);
                    i += len;
                    found = true;
                } else if (!hits.isEmpty()) {
                    link(span, hits.get(0).rank(), hits.get(0).distance(),
                            hits.stream().map(h -> h.name().entity()).distinct().toList());
                    i += len;
                    found = true;
                } else if (len == 1 && compact.length() >= 2) {
                    List<Word> values = valuesByWord(compact);
                    if (values.size() == 1) {
                        claimValue(span, values.get(0), 0.75);
                        i += 1;
                        found = true;
                    }
                }
            }
            if (!found) {
                i++;
            }
        }
    }

    /** The words, Korean ones romanized, spell one value of the estate whole ("가산 dr" → gasan-dr). */
    private Optional<Word> romanizedValue(List<String> words) {
        StringBuilder latin = new StringBuilder();
        for (String w : words) {
            String r = Romanized.of(w);
            latin.append(r.isEmpty() ? w : r);
        }
        List<Word> found = dictionary.values().get(latin.toString());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * "오창 DC": a word several CIs share in their names, next to a field word (DC, 센터, team…), is
     * the value of that field those CIs have in common — a place or a team, not one of them.
     */
    private Optional<Word> sharedValue(Span span, List<EntityDictionary.Partial> hits) {
        List<EntityDictionary.Entity> cis = hits.stream().map(h -> h.name().entity()).distinct().toList();
        // "in Gwacheon": a word of one field value every matching CI shares is the value, not a name
        String word = Analyzed.compactOf(a.span(span.start(), span.end()));
        List<Word> values = valuesByWord(word);
        boolean place = java.util.stream.StreamSupport.stream(rules.path("understanding").path("place_fields").spliterator(),
                false).anyMatch(f -> values.size() == 1 && f.asText().equals(values.get(0).group()));
        if (cis.size() >= 2 && place
                && cis.stream().allMatch(e -> values.get(0).value().equals(e.fields().get(values.get(0).group())))) {
            return Optional.of(values.get(0));
        }
        for (Claim c : claims) {
            // "오창 DC": a field word names the field; "과천 VM": a type none of the CIs has means a place
            boolean fieldWord = c.kind().equals("field") && c.span().start() >= span.end()
                    && a.text().substring(span.end(), c.span().start()).isBlank();
            boolean otherType = c.kind().equals("enum") && c.value().contains(".ci_type=") && adjacentAfter(span, c.span())
                    && cis.stream().noneMatch(e -> c.value().endsWith("=" + e.ciType()));
            if (!fieldWord && !otherType) {
                continue;
            }
            String field = fieldWord ? c.value() : c.value().substring(0, c.value().indexOf('.')) + ".location";
            java.util.Set<String> seen = new java.util.HashSet<>();
            cis.forEach(e -> seen.add(e.fields().getOrDefault(field, "")));
            if (seen.size() == 1 && !seen.contains("")) {
                return Optional.of(new Word(Word.Kind.VALUE, field, seen.iterator().next(), a.span(span.start(), span.end())));
            }
        }
        return Optional.empty();
    }

    /**
     * Field values one whole word of which is this word: "incheon" of "incheon-dc", and a Korean word
     * by its romanized form ("이천" → "icheon" of "icheon-hub"; within one letter for 5+ letters, as
     * sound changes are not romanized: "종로" → "jonglo" for "jongno").
     */
    private List<Word> valuesByWord(String compact) {
        if (compact.length() >= 3) {
            List<Word> direct = dictionary.valuesByWord(compact);
            if (!direct.isEmpty()) {
                return direct;
            }
        }
        String latin = Romanized.of(compact);
        if (latin.length() < 3) {
            return List.of();
        }
        List<Word> exact = dictionary.valuesByWord(latin);
        return exact.isEmpty() && latin.length() >= 5 ? dictionary.valuesByWordWithin(latin, 1) : exact;
    }

    /**
     * "창고팀(wms-crew)", "wms-crew(창고팀)", "결제 DB(SB-DB-PAY)": a word written right before or inside
     * brackets around a name or value already read is its gloss — accounted for, not a second reference.
     */
    private void glosses() {
        // up to three words before the bracket: "the cloud region (cloud-apne2)", "창고팀(wms-crew)"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("((?:[^\\s()]+\\s+){0,2}[^\\s()]+)\\s*\\(([^()]+)\\)")
                .matcher(a.text());
        while (m.find()) {
            Span outer = glossStart(new Span(m.start(1), m.end(1)));
            Span inner = new Span(m.start(2), m.end(2));
            int lastWord = m.group(1).lastIndexOf(' ') + 1;
            Span last = new Span(m.start(1) + lastWord, m.end(1));
            if (covered(inner) && outer.length() > 0 && free(outer)) {
                claimExclusive(outer, "stopword", "gloss", 1);
            } else if (covered(last)) {
                // "Last Friday (Black Friday)": what the bracket adds to a reading already made is its gloss
                for (Token t : a.tokensIn(inner.start(), inner.end())) {
                    Span ts = new Span(t.start(), t.end());
                    if (!t.function() && free(ts) && !claimed(t)) {
                        claimExclusive(ts, "stopword", "gloss", 1);
                    }
                }
            }
        }
    }

    /**
     * "운영 환경" is the schema's label for environment "prod"; an imported estate calls it "hx-prod".
     * A label's value also reads as every value of the estate's same field one whole word of which it
     * is, so the filter keeps both.
     */
    private void estateValuesOfLabels() {
        for (Claim c : List.copyOf(claims)) {
            int eq = c.value().indexOf('=');
            if (!c.kind().equals("enum") || eq < 0) {
                continue;
            }
            String field = c.value().substring(0, eq);
            String value = c.value().substring(eq + 1);
            for (Word w : dictionary.valuesByWord(Analyzed.compactOf(value))) {
                if (w.group().equals(field) && !w.value().equals(value)
                        && claims.stream().noneMatch(x -> x.value().equals(field + "=" + w.value()))) {
                    claims.add(new Claim(c.span(), c.text(), "value", field + "=" + w.value(), c.score()));
                }
            }
        }
    }

    /** The words of the span from the last one any claim (a stopword too) covers, or the last word alone. */
    private Span glossStart(Span words) {
        int start = words.end();
        for (int i = words.end() - 1; i >= words.start(); i--) {
            int at = i;
            if (readAt(at, true)) {
                break;
            }
            start = i;
        }
        while (start < words.end() && Character.isWhitespace(a.text().charAt(start))) {
            start++;
        }
        return new Span(start, words.end());
    }

    /**
     * "what runs on H, including what's inside its VMs", "그 VM 안에서 도는 것까지": a type word the answer
     * passes through (inside / 안에서) is the way down the hosting chain, not a filter on the answer.
     */
    private void typesOnTheWay() {
        String text = a.text();
        for (Claim c : List.copyOf(claims)) {
            if (!c.kind().equals("enum") || !c.value().contains(".ci_type=")) {
                continue;
            }
            String after = text.substring(c.span().end()).stripLeading();
            String before = text.substring(0, c.span().start()).stripTrailing().toLowerCase(java.util.Locale.ROOT);
            boolean inside = after.startsWith("안") || after.startsWith("내부") || after.startsWith("속")
                    || before.endsWith("inside") || before.endsWith("inside its") || before.endsWith("inside their")
                    || before.endsWith("inside the") || before.endsWith("within its") || before.endsWith("within");
            if (inside) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "stopword", "route", c.score()));
            }
        }
    }

    /**
     * "가산 DR센터", "Icheon hub", "gwacheon DC": the words right after a place read from the estate that
     * are more of the same value ("dr" of gasan-dr) or a word for its field (센터, DC) belong to it.
     */
    private void valueTails() {
        for (Claim c : List.copyOf(claims)) {
            if (c.kind().equals("value") && c.value().indexOf('=') > 0) {
                valueTail(c);
            }
        }
    }

    /** A value read from the estate, with the words after it that belong to it. */
    private void claimValue(Span span, Word value, double score) {
        claimExclusive(span, "value", value.group() + "=" + value.value(), score);
        valueTail(claims.get(claims.size() - 1));
    }

    private void valueTail(Claim c) {
        int eq = c.value().indexOf('=');
        String field = c.value().substring(0, eq);
        java.util.Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(
                c.value().substring(eq + 1).toLowerCase(java.util.Locale.ROOT).split("[-_./]+")));
        int end = c.span().end();
        for (Token t : a.tokens()) {
            if (t.start() < end || t.function()) {
                continue;
            }
            if (!a.text().substring(end, t.start()).isBlank()) {
                break;
            }
            String w = Analyzed.compactOf(t.surface());
            boolean same = words.contains(w);
            boolean fieldWord = lexicon.phrases().get(w).stream().anyMatch(x -> x.kind() == Word.Kind.FIELD
                    && field.endsWith("." + x.value()));
            Span ts = new Span(t.start(), t.end());
            if ((!same && !fieldWord) || !free(ts) || claimed(t)) {
                break;
            }
            claimExclusive(ts, "stopword", "of " + c.value(), 1);
            end = t.end();
        }
    }

    /**
     * Whether the character at {@code at} is inside an exclusive claim or a claim of meaning (with
     * {@code anyClaim}, a stopword or grammar claim counts too).
     */
    private boolean readAt(int at, boolean anyClaim) {
        return exclusive.stream().anyMatch(x -> x.start() <= at && at < x.end())
                || claims.stream().anyMatch(c -> (anyClaim || !c.kind().equals("function") && !c.kind().equals("stopword"))
                && c.span().start() <= at && at < c.span().end());
    }

    /** Every non-blank character of the span is inside a name, value or vocabulary claim already made. */
    private boolean covered(Span s) {
        for (int i = s.start(); i < s.end(); i++) {
            int at = i;
            if (!Character.isWhitespace(a.text().charAt(i)) && !readAt(at, false)) {
                return false;
            }
        }
        return s.length() > 0;
    }

    /**
     * "k8s-node-a": a Latin name-shaped word that names no CI whole is matched whole as a partial name
     * (a prefix of k8s-node-a1 and k8s-node-a2) before its pieces are read as words ("s", "a").
     */
    private void compoundNames() {
        for (Span c : compounds()) {
            String surface = a.span(c.start(), c.end());
            if (Folding.hasHangul(surface) || !free(c) || claims.stream().anyMatch(x -> x.span().overlaps(c)
                    && !x.kind().equals("stopword") && !x.kind().equals("function"))) {
                continue;
            }
            String compact = Analyzed.compactOf(surface);
            if (dictionary.values().containsCompact(compact)) {
                continue; // "cloud-apne2" is a place, read as a value
            }
            List<EntityDictionary.Partial> hits = preferOwnData(dictionary.partial(EntityDictionary.words(surface), compact));
            if (hits.isEmpty() || hits.get(0).rank().compareTo(EntityDictionary.Rank.PREFIX) > 0) {
                continue; // a misspelt compound is left to the word-by-word reading and EXECUTE's lookup
            }
            claims.removeIf(x -> x.span().overlaps(c));
            link(c, hits.get(0).rank(), hits.get(0).distance(), hits.stream().map(h -> h.name().entity()).distinct().toList());
        }
    }

    /** Nothing but grammar or stopwords ("오창쪽 스토리지", "과천에 있는 VM") between the two. */
    private boolean adjacentAfter(Span word, Span next) {
        if (next.start() < word.end()) {
            return false;
        }
        for (Token t : a.tokensIn(word.end(), next.start())) {
            if (!t.function() && !lexicon.phrases().get(Analyzed.compactOf(t.surface())).stream()
                    .allMatch(w -> w.kind() == Word.Kind.STOPWORD) || lexicon.phrases().get(Analyzed.compactOf(t.surface())).isEmpty()
                    && !t.function()) {
                return false;
            }
        }
        return true;
    }

    /** A partial match never sets the operator's own CIs against demo ones: the demo only when nothing else. */
    private static List<EntityDictionary.Partial> preferOwnData(List<EntityDictionary.Partial> hits) {
        List<EntityDictionary.Partial> own = hits.stream().filter(h -> !h.name().entity().demo()).toList();
        return own.isEmpty() ? hits : own;
    }

    /**
     * A misspelt vocabulary word ("eror rate", "latecny"): free Latin words ({@code len} of them)
     * within one edit of a phrase of the assets.
     */
    private void fuzzyVocabulary(int len) {
        List<Token> tokens = a.tokens();
        for (int i = 0; i + len <= tokens.size(); i++) {
            List<Token> part = tokens.subList(i, i + len);
            if (!part.stream().allMatch(t -> t.latin() && !claimed(t))) {
                continue;
            }
            String compact = String.join("", part.stream().map(t -> Analyzed.compactOf(t.surface())).toList());
            if (compact.length() < (len == 1 ? 5 : 6)) {
                continue;
            }
            // a typo is read only as a word of the data's vocabulary (metric, type, status, field), never
            // as an intent: "callers" one letter from "callees" must not turn a question into another
            // and a typo keeps the first letter: "costs" is not a misspelt "hosts", "latecny" is "latency"
            List<Word> hits = lexicon.nearest(compact).stream().filter(w -> switch (w.kind()) {
                case METRIC, ENUM, FIELD, ENTITY_TYPE, VALUE -> true;
                default -> false;
            }).filter(w -> Analyzed.compactOf(w.phrase()).startsWith(compact.substring(0, 1))).toList();
            if (len == 2) { // one of the two words must be spelt as the phrase has it
                hits = hits.stream().filter(w -> part.stream().anyMatch(t -> (" " + Folding.fold(w.phrase()) + " ")
                        .contains(" " + t.surface() + " "))).toList();
            }
            if (!hits.isEmpty()) {
                Span s = new Span(part.get(0).start(), part.get(len - 1).end());
                hits.forEach(w -> claims.add(new Claim(s, a.span(s.start(), s.end()), wordClaim(s, w).kind(),
                        wordClaim(s, w).value(), 0.8)));
                i += len - 1;
            }
        }
    }

    /**
     * "the slowest apps", "busiest hosts": a superlative that names its measure when no metric word does
     * (Prompt asset rules.superlative_metrics).
     */
    private void impliedMetric() {
        if (claims.stream().anyMatch(c -> c.kind().equals("metric"))) {
            return;
        }
        JsonNode implied = rules.path("superlative_metrics");
        for (Claim c : List.copyOf(claims)) {
            String metric = implied.path(Folding.fold(c.text()).replaceAll("\\s+", " ").trim()).asText("");
            if (c.kind().equals("top") && !metric.isEmpty()) {
                claims.add(new Claim(c.span(), c.text(), "metric", metric, c.score()));
                return;
            }
        }
    }

    /** The N of "top 5", "상위 3개": the first free number when a top/bottom word is present. */
    private Integer topN() {
        if (claims.stream().noneMatch(c -> c.kind().equals("top"))) {
            return null;
        }
        for (Token t : a.tokens()) {
            JsonNode word = rules.path("number_words").path(t.surface());
            if (!claimed(t) && word.isNumber()) { // "두 개", "which three apps"
                claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + word.asInt(), 1));
                return word.asInt();
            }
            if (t.number() && !claimed(t)) {
                try {
                    int n = Integer.parseInt(t.surface());
                    if (n >= 1 && n <= 100) {
                        claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + n, 1));
                        return n;
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Particles, endings, suffixes and stopwords (by surface or by morpheme: 알리 of 알려줘). */
    private void grammar() {
        for (Token t : a.tokens()) {
            if (claimed(t)) {
                continue;
            }
            if (t.function()) {
                claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "function", t.pos(), 1));
            } else if (lexicon.phrases().get(Analyzed.compactOf(t.morpheme())).stream()
                    .anyMatch(w -> w.kind() == Word.Kind.STOPWORD)) {
                claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "stopword", t.morpheme(), 1));
            }
        }
    }

    /** Unclaimed content words, neighbours merged into one phrase ("foo bar"). */
    private List<String> unexplained() {
        List<String> out = new ArrayList<>();
        Token first = null;
        Token last = null;
        for (Token t : a.tokens()) {
            if (t.function() || claimed(t)) {
                if (t.function() && first != null && t.pos().equals("J")) {
                    continue; // a particle inside an unexplained phrase does not split it
                }
                if (first != null) {
                    addPhrase(out, first, last);
                    first = null;
                }
                continue;
            }
            if (first != null && !joined(last, t)) {
                addPhrase(out, first, last);
                first = null;
            }
            if (first == null) {
                first = t;
            }
            last = t;
        }
        if (first != null) {
            addPhrase(out, first, last);
        }
        return out;
    }

    private void addPhrase(List<String> out, Token first, Token last) {
        String phrase = a.span(first.start(), last.end());
        if (!out.contains(phrase)) {
            out.add(phrase);
        }
    }

    private boolean claimed(Token t) {
        Span s = new Span(t.start(), t.end());
        return claims.stream().anyMatch(c -> c.span().overlaps(s));
    }

    private boolean free(Span s) {
        return exclusive.stream().noneMatch(x -> x.overlaps(s));
    }

    private void claimExclusive(Span s, String kind, String value, double score) {
        exclusive.add(s);
        claims.add(new Claim(s, a.span(s.start(), s.end()), kind, value, score));
    }
}
