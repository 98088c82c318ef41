package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The passes that read the assets' vocabulary: phrases and patterns, stems, misspelt words, a count
 * word before a unit, type words on the way down the hosting chain, and the metric a superlative implies.
 */
final class Vocabulary {
    private final Reading reading;
    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;
    private final PromptRules rules;
    private final List<Claim> claims;
    private final NameShapes shapes;

    Vocabulary(Reading reading, NameShapes shapes) {
        this.reading = reading;
        this.a = reading.a;
        this.lexicon = reading.lexicon;
        this.dictionary = reading.dictionary;
        this.rules = reading.rules;
        this.claims = reading.claims;
        this.shapes = shapes;
    }

    /**
     * "지금 몇 %예요?", "몇 ms", "마지막 값 몇이었어": a bare count word (Prompt
     * understanding.bare_count_words — "몇", not "몇 대") right before a unit (value_units) or right
     * after a word for a value (value_words) asks for a value, not for a number of CIs — it stays read
     * as part of the question, not as a count.
     */
    void countOfAUnit() {
        java.util.Set<String> bare = new java.util.HashSet<>();
        rules.understanding().bareCountWords().forEach(w -> bare.add(w.toLowerCase(java.util.Locale.ROOT)));
        List<Claim> counts = claims.stream().filter(c -> c.kind().equals("intent") && c.value().equals("count")
                && bare.contains(c.text().toLowerCase(java.util.Locale.ROOT))).toList(); // "몇 대" stays a count
        for (Claim c : counts) {
            String before = a.text().substring(0, c.span().start()).stripTrailing().toLowerCase(java.util.Locale.ROOT);
            String after = a.text().substring(c.span().end()).stripLeading().toLowerCase(java.util.Locale.ROOT);
            boolean value = false;
            for (String w : rules.understanding().valueWords()) {
                String v = w.toLowerCase(java.util.Locale.ROOT);
                // a Latin word must end where the text before does at a word boundary; Korean attaches
                value |= !v.isEmpty() && before.endsWith(v) && (Folding.hasHangul(v) || before.length() == v.length()
                        || !Character.isLetterOrDigit(before.charAt(before.length() - v.length() - 1)));
            }
            for (String unit : rules.understanding().valueUnits()) {
                String u = unit.toLowerCase(java.util.Locale.ROOT);
                boolean latin = !u.isEmpty() && Character.isLetter(u.charAt(0)) && u.charAt(0) < 128;
                value |= !u.isEmpty() && after.startsWith(u) && (!latin || after.length() == u.length()
                        || !Character.isLetter(after.charAt(u.length())));
            }
            // "검색쪽cpu지금몇": ending the question right after a measure (only time or filler words between), it asks
            // the measure's value
            value |= after.chars().allMatch(ch -> "?？!.~ ".indexOf(ch) >= 0) && measureRightBefore(c);
            if (value) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "stopword", "value_of_unit", c.score()));
            }
        }
    }

    /** The nearest claim of meaning before {@code c} (past stopwords, grammar and times) is a measure. */
    private boolean measureRightBefore(Claim c) {
        Claim last = null;
        for (Claim x : claims) {
            if (x.span().end() <= c.span().start() && !List.of("stopword", "function", "time").contains(x.kind())
                    && (last == null || x.span().end() > last.span().end())) {
                last = x;
            }
        }
        return last != null && last.kind().equals("metric");
    }

    /**
     * "목동 IDC에 있는 장비 수", "서버 수 알려줘": 수 (a number) right after a word for a type of CI — not the 수
     * of "볼 수 있는", which follows a verb — asks how many there are.
     */
    void numberOfATypeWord() {
        for (Claim c : List.copyOf(claims)) {
            if (!c.kind().equals("stopword") || !c.text().equals("수")) {
                continue;
            }
            // (a verb's "볼 수 있는" has no type word before it; 수 after a noun is the noun, however Nori tags it)
            boolean noun = a.tokens().stream().anyMatch(t -> t.start() == c.span().start() && t.surface().equals("수"));
            boolean afterType = claims.stream().anyMatch(t -> (t.kind().equals("entity_type")
                    || t.kind().equals("enum") && t.value().contains(".ci_type=")) && t.span().end() <= c.span().start()
                    && a.text().substring(t.span().end(), c.span().start()).isBlank());
            if (noun && afterType) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "intent", "count", c.score()));
            }
        }
    }

    /** Vocabulary: longest phrase first; a phrase inside a longer accepted one is not read again. */
    void vocabulary() {
        List<Span> accepted = new ArrayList<>();
        // the assets' words and the estate's field values compete on length alike
        List<PhraseTable.Match<Word>> matches = new ArrayList<>(lexicon.phrases().find(a));
        matches.addAll(dictionary.values().find(a));
        matches.sort((x, y) -> x.compact().length() != y.compact().length() ? y.compact().length() - x.compact().length()
                : x.span().start() - y.span().start());
        List<Span> compounds = shapes.compounds();
        for (PhraseTable.Match<Word> m : matches) {
            Span negation = negationBefore(m.span());
            boolean negated = negation != null && a.text().charAt(negation.end() - 1) == '-'; // "non-prod"
            if (!reading.free(m.span()) || !negated && insideCompound(m, compounds) || syllableInsideWord(m.span())
                    || fromContractionTail(m.span())
                    || !negated && NameShapes.insideHyphenated(a.text(), m.span())
                    && m.entries().stream().noneMatch(w -> w.kind() == Word.Kind.STOPWORD)) {
                continue;
            }
            boolean inside = accepted.stream().anyMatch(s -> s.overlaps(m.span()) && !s.equals(m.span()));
            if (inside) {
                continue;
            }
            accepted.add(m.span());
            OwnValuesFirst.of(m.entries(), a.span(m.span().start(), m.span().end()), dictionary)
                    .forEach(w -> claims.add(wordClaim(m.span(), w)));
            if (negation != null && reading.free(negation)) { // "non-", "non": read as the negation it is
                claims.add(new Claim(negation, a.span(negation.start(), negation.end()), "stopword", "negation", 1));
            }
        }
        for (Map.Entry<Pattern, Word> e : lexicon.patterns()) {
            Matcher m = e.getKey().matcher(a.text());
            if (m.find()) {
                // a pattern with a group claims only the group ("if … (fails)"), not the words between
                Span s = m.groupCount() >= 1 && m.group(1) != null ? new Span(m.start(1), m.end(1)) : new Span(m.start(), m.end());
                if (reading.free(s)) {
                    claims.add(wordClaim(s, e.getValue()));
                }
            }
        }
        for (Token t : a.tokens()) {
            // a Korean word by its stem: "바꿨어" is 바꾸 (the assets list stems of verbs, "바꾸", "배포하")
            if (t.hangul() && !t.function() && !reading.claimed(t) && !t.morpheme().equals(t.surface())) {
                for (Word w : lexicon.phrases().get(Analyzed.compactOf(t.morpheme()))) {
                    if (w.kind() != Word.Kind.STOPWORD) {
                        claims.add(wordClaim(new Span(t.start(), t.end()), w));
                    }
                }
            }
        }
        for (Token t : a.tokens()) {
            if (t.latin() && !reading.claimed(t) && !NameShapes.insideHyphenated(a.text(), new Span(t.start(), t.end()))) {
                // enum labels list their own forms: "run" is not the status "running"; stopwords theirs: "MES" is no
                // plural of "me"
                for (Word w : lexicon.byStem(t.stem()).stream()
                        .filter(x -> x.kind() != Word.Kind.ENUM && x.kind() != Word.Kind.STOPWORD)
                        .filter(x -> !madeVerb(x.phrase(), t.surface())).toList()) {
                    claims.add(wordClaim(new Span(t.start(), t.end()), w));
                }
            }
        }
    }

    private static final Pattern MADE_VERB = Pattern.compile("(?:is|iz)(?:e|es|ed|ing)$");

    /**
     * "Item 8.1 — …": a noun is not the verb made from it with -ise/-ize ("item" / "itemize"), though Porter gives
     * both one stem; the word written with that ending still matches ("itemised", "itemizing").
     */
    private static boolean madeVerb(String phrase, String surface) {
        return MADE_VERB.matcher(Folding.fold(phrase).trim()).find()
                && !MADE_VERB.matcher(Folding.fold(surface).trim()).find();
    }

    /** A filter or metric word inside a name-shaped word ("db" of "payment-db") is part of the name. */
    /**
     * One Hangul syllable the analyser cut out of a longer written word with more of the word after it
     * ("정보전산원": 정보 + 전 + 산원) is a piece of that word, not the vocabulary word it spells ("전",
     * before); "배포전에" (a particle after it) keeps it.
     */
    /**
     * "I'm in Houston", "what's lowest": the tail of a contraction or possessive ('m, 's, 't, 're, 'll, 've, 'd)
     * glued to the next word is no word ("m in" is not "min", "s lowest" not "slowest").
     */
    private boolean fromContractionTail(Span s) {
        if (s.start() == 0 || "'’".indexOf(a.text().charAt(s.start() - 1)) < 0) {
            return false;
        }
        String matched = a.span(s.start(), s.end());
        return matched.chars().anyMatch(Character::isWhitespace);
    }

    private boolean syllableInsideWord(Span s) {
        if (s.end() - s.start() != 1 || !Folding.hasHangul(a.span(s.start(), s.end()))) {
            return false;
        }
        return a.tokens().stream().anyMatch(t -> t.start() == s.end() && !t.function());
    }

    private boolean insideCompound(PhraseTable.Match<Word> m, List<Span> compounds) {
        boolean meaning = m.entries().stream().anyMatch(w -> switch (w.kind()) {
            case ENUM, VALUE, FIELD, ENTITY_TYPE, METRIC -> true;
            default -> false;
        });
        return meaning && compounds.stream().anyMatch(c -> c.overlaps(m.span()) && !m.span().contains(c));
    }

    /**
     * "non-prod", "non prod": the span of a negation prefix of rules.negations written right before the word with a
     * hyphen or a space (and the word ending there), or null. A hyphenated one makes the word no part of a
     * name-shaped one.
     */
    private Span negationBefore(Span word) {
        String text = a.text();
        boolean wordEnd = word.end() == text.length() || !Character.isLetterOrDigit(text.charAt(word.end()))
                && text.charAt(word.end()) != '-';
        for (String p : reading.rules.negations().prefix()) {
            int at = word.start() - p.length();
            if (wordEnd && (p.endsWith("-") || p.endsWith(" ")) && at >= 0 && text.regionMatches(true, at, p, 0, p.length())
                    && (at == 0 || Character.isWhitespace(text.charAt(at - 1)))) {
                return new Span(at, at + p.strip().length());
            }
        }
        return null;
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

    /** "vm 위에 있는 것까지", "VM 위에서 도는 거까지": what is on a type, up to (까지) it — the way down, not the answer. */
    private static final java.util.regex.Pattern ON_IT_TOO = java.util.regex.Pattern.compile(
            "^위\\S{0,3}(?:\\s+\\S{1,6}){0,2}\\s*(?:것|거|애들|놈들)\\S{0,2}까지.*", java.util.regex.Pattern.DOTALL);
    /** "the VMs and everything inside", "VMs & all on them": a type followed by everything in or on it. */
    private static final java.util.regex.Pattern AND_ALL_IN_IT = java.util.regex.Pattern.compile(
            "^s?\\s*(?:,\\s*)?(?:and|&|plus|incl(?:uding|\\.)?)\\s+(?:everything|all|whatever|what'?s|what is|stuff|anything)"
                    + "(?:\\s+(?:that'?s|that is|running|runs|sitting|living))?\\s+(?:inside|in|on)\\b.*", java.util.regex.Pattern.DOTALL);
    /** "including what's on its VMs", "and everything on their VMs": the type a host's contents go through. */
    private static final java.util.regex.Pattern ALL_ON_ITS = java.util.regex.Pattern.compile(
            ".*\\b(?:including|incl\\.?|plus|everything|whatever)\\b.{0,24}\\b(?:on|in)\\s+(?:its|their|those)$",
            java.util.regex.Pattern.DOTALL);

    /**
     * "what runs on H, including what's inside its VMs", "그 VM 안에서 도는 것까지": a type word the answer
     * passes through (inside / 안에서) is the way down the hosting chain, not a filter on the answer — also "vm 위에
     * 있는 것까지" (what is on it, up to it), "the VM and everything inside" and "everything on its VMs".
     */
    void typesOnTheWay() {
        String text = a.text();
        for (Claim c : List.copyOf(claims)) {
            if (!c.kind().equals("enum") || !c.value().contains(".ci_type=")) {
                continue;
            }
            String after = text.substring(c.span().end()).stripLeading();
            String before = text.substring(0, c.span().start()).stripTrailing().toLowerCase(java.util.Locale.ROOT);
            boolean inside = after.startsWith("안") || after.startsWith("내부") || after.startsWith("속")
                    || before.endsWith("inside") || before.endsWith("inside its") || before.endsWith("inside their")
                    || before.endsWith("inside the") || before.endsWith("within its") || before.endsWith("within")
                    || ON_IT_TOO.matcher(after).matches()
                    || AND_ALL_IN_IT.matcher(after.toLowerCase(java.util.Locale.ROOT)).matches()
                    || ALL_ON_ITS.matcher(before).matches();
            if (inside) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "stopword", "route", c.score()));
            }
        }
    }

    /**
     * A misspelt vocabulary word ("eror rate", "latecny"): free Latin words ({@code len} of them)
     * within one edit of a phrase of the assets.
     */
    /** Letters from which a word one edit from a single intent phrase is read as that intent. */
    static final int LONG_TYPO = 8;

    void fuzzyVocabulary(int len) {
        List<Token> tokens = a.tokens();
        for (int i = 0; i + len <= tokens.size(); i++) {
            List<Token> part = tokens.subList(i, i + len);
            if (!part.stream().allMatch(t -> t.latin() && !reading.claimed(t))) {
                continue;
            }
            String compact = String.join("", part.stream().map(t -> Analyzed.compactOf(t.surface())).toList());
            if (compact.length() < (len == 1 ? 5 : 6)) {
                continue;
            }
            // a typo is read only as a word of the data's vocabulary (metric, type, status, field), and as
            // an intent only when long ("dependncy": eight letters or more, the only phrase one edit away):
            // "callers" one letter from "callees" must not turn a question into another;
            // and a typo keeps the first letter: "costs" is not a misspelt "hosts", "latecny" is "latency"
            List<Word> hits = lexicon.nearest(compact).stream().filter(w -> switch (w.kind()) {
                case METRIC, ENUM, FIELD, ENTITY_TYPE, VALUE -> true;
                // … or a letter left out of one of six letters or more ("happend", "hapen")
                case INTENT -> len == 1 && (compact.length() >= LONG_TYPO
                        || Analyzed.compactOf(w.phrase()).length() >= 6
                        && Analyzed.compactOf(w.phrase()).length() == compact.length() + 1);
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

    private static final java.util.regex.Pattern HANGUL_WORD = java.util.regex.Pattern.compile("[가-힣]+");

    /**
     * A misspelt Korean word of the vocabulary ("에러율 최댜" → 최대, "매모리" → 메모리): a whole free
     * Hangul word of two to four syllables, less a particle of the Resolver asset, one jamo from a
     * phrase of the data's vocabulary or an aggregation (never an intent, as for Latin typos), when
     * it is a word Nori does not know whole and all phrases that close mean the same.
     */
    void fuzzyHangul() {
        java.util.regex.Matcher words = HANGUL_WORD.matcher(a.text());
        while (words.find()) {
            Span whole = new Span(words.start(), words.end());
            List<Token> inside = a.tokens().stream().filter(t -> whole.contains(new Span(t.start(), t.end()))).toList();
            if (inside.isEmpty() || inside.stream().anyMatch(reading::claimed)
                    || inside.stream().allMatch(t -> t.pos().startsWith("NN") && t.surface().equals(words.group()))) {
                continue;
            }
            String word = words.group();
            for (String particle : lexicon.particles()) {
                if (word.endsWith(particle) && word.length() - particle.length() >= 2) {
                    word = word.substring(0, word.length() - particle.length());
                    break;
                }
            }
            if (word.length() < 2 || word.length() > 4 || !lexicon.phrases().get(word).isEmpty()) {
                continue;
            }
            List<Word> hits = lexicon.nearestHangul(word).stream().filter(w -> switch (w.kind()) {
                case METRIC, ENUM, FIELD, ENTITY_TYPE, VALUE, AGG -> true;
                default -> false;
            }).toList();
            if (!hits.isEmpty()) {
                Span s = new Span(whole.start(), whole.start() + word.length());
                hits.forEach(w -> claims.add(new Claim(s, a.span(s.start(), s.end()), wordClaim(s, w).kind(),
                        wordClaim(s, w).value(), 0.8)));
            }
        }
    }

    /**
     * "the slowest apps", "busiest hosts": a superlative that names its measure when no metric word does
     * (Prompt asset rules.superlative_metrics).
     */
    void impliedMetric() {
        if (claims.stream().anyMatch(c -> c.kind().equals("metric"))) {
            return;
        }
        java.util.Map<String, String> implied = rules.superlativeMetrics();
        for (Claim c : List.copyOf(claims)) {
            String metric = implied.getOrDefault(Folding.fold(c.text()).replaceAll("\\s+", " ").trim(), "");
            // "the busiest", and a peak of no measure named ("what was Tāwhiri's peak?"): the load the word means
            // "which was busier, A or B?": a comparison word of no measure named names it as the ranking word does
            boolean compares = c.kind().equals("intent") && c.value().equals("compare");
            if ((c.kind().equals("top") || c.kind().equals("agg") || compares) && !metric.isEmpty()) {
                claims.add(new Claim(c.span(), c.text(), "metric", metric, c.score()));
                return;
            }
        }
    }
}
