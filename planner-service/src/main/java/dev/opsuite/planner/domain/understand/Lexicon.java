package dev.opsuite.planner.domain.understand;

import dev.opsuite.kit.cache.Lru;
import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.model.asset.PromptTime;
import dev.opsuite.model.asset.ResolverAsset;
import dev.opsuite.model.asset.SchemaAsset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Every word the assets give the planner, by compact form: metric names and synonyms, entity and
 * field synonyms, enum values and their labels (SchemaCatalog); intent keyword groups,
 * aggregations, top-N and trend words (Prompt asset rules); stopwords (Resolver asset). Single
 * English words also match by Porter stem ("impacts" finds "impacted"). Built once per pair of
 * set of typed assets (each parsed once per version); read-only after.
 */
public final class Lexicon {
    /** English stopwords (Lucene's list) less the words that carry meaning here. */
    private static final Set<String> NOT_STOPWORDS = Set.of("no", "not", "between", "into", "after", "before",
            "then", "if");

    private final PhraseTable<Word> phrases = new PhraseTable<>();
    /** Phrases by what they mean (kind, group, value), in the assets' order: "에러" beside error, failing, 오류 … */
    private final Map<String, List<String>> byMeaning = new java.util.HashMap<>();
    private final Map<String, List<Word>> stems = new HashMap<>();
    private final List<Map.Entry<com.google.re2j.Pattern, Word>> patterns = new ArrayList<>();
    private final Set<String> latinWords = new HashSet<>();
    private final List<String> particles = new ArrayList<>();
    /** Compact forms of the all-Latin phrases, for typo matching. */
    private final Set<String> latinPhrases = new HashSet<>();
    /** The Latin phrases by their one-deletion variants, built at the first typo looked up. */
    private volatile OneEditIndex oneEdit;
    /** The words the time patterns spell out ("last", "week", "yesterday"). */
    private final Set<String> timeWords = new HashSet<>();
    /** The Prompt asset's Latin question words of one word ("which", "what"). */
    private final Set<String> questionWords = new HashSet<>();
    /** Compact forms of the all-Hangul phrases of two to four syllables, for typo matching by jamo. */
    private final Set<String> hangulPhrases = new HashSet<>();
    private final String primaryEntity;
    private final String eventsEntity;
    /** Metrics kept as a share used, in percent ("disk_usage"): their free share is the rest ({@link FreeShare}). */
    private final Set<String> shareMetrics = new HashSet<>();

    private record Source(SchemaAsset schema, PromptRules prompt, ResolverAsset resolver) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Source s && s.schema == schema && s.prompt == prompt && s.resolver == resolver;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema) * 961 + System.identityHashCode(prompt) * 31
                    + System.identityHashCode(resolver);
        }
    }

    private static final Map<Source, Lexicon> BUILT = Lru.bounded(32);

    /** Whether the metric is kept as a share used, in percent. */
    boolean share(String metric) {
        return shareMetrics.contains(metric);
    }

    /** @param prompt the Prompt asset's rules */
    public static Lexicon of(SchemaAsset schema, PromptRules prompt, ResolverAsset resolver) {
        return BUILT.computeIfAbsent(new Source(schema, prompt, resolver), k -> new Lexicon(schema, prompt, resolver));
    }

    Lexicon(SchemaAsset schema, PromptRules rules, ResolverAsset resolver) {
        primaryEntity = schema.primaryEntity();
        eventsEntity = schema.eventsEntity();
        for (SchemaAsset.Metric m : schema.metrics()) {
            String name = m.name();
            if ("%".equals(m.unit())) {
                shareMetrics.add(name);
            }
            add(new Word(Word.Kind.METRIC, "", name, name));
            m.synonyms().forEach(s -> add(new Word(Word.Kind.METRIC, "", name, s)));
            // each label given per language is a word for the metric
            m.displayName().languages().values().forEach(d -> add(new Word(Word.Kind.METRIC, "", name, d)));
        }
        for (SchemaAsset.Entity e : schema.entities()) {
            String entity = e.name();
            e.synonyms().forEach(s -> add(new Word(Word.Kind.ENTITY_TYPE, "", entity, s)));
            for (SchemaAsset.FieldDef f : e.fields()) {
                String field = f.name();
                f.synonyms().forEach(s -> add(new Word(Word.Kind.FIELD, entity, field, s)));
                if (field.contains("_")) {
                    add(new Word(Word.Kind.FIELD, entity, field, field)); // "ci_type=`vm": the field's own name
                }
                for (String value : f.values()) {
                    add(new Word(Word.Kind.ENUM, entity + "." + field, value, value));
                    f.labels(value).forEach(l -> add(new Word(Word.Kind.ENUM, entity + "." + field, value, l)));
                }
            }
        }
        rules.intentKeywords().forEach((group, words) -> words.forEach(
                k -> add(new Word(Word.Kind.INTENT, group, group, k))));
        rules.aggregations().forEach((agg, words) -> words.forEach(k -> add(new Word(Word.Kind.AGG, "", agg, k))));
        // "ever", "한 번이라도": any one sample — its maximum or minimum by the threshold beside it (Signals#agg)
        rules.understanding().anySampleWords().forEach(k -> add(new Word(Word.Kind.AGG, "", Signals.ANY_SAMPLE, k)));
        rules.topN().forEach((order, words) -> words.forEach(k -> add(new Word(Word.Kind.TOP, "", order, k))));
        rules.trend().forEach(k -> add(new Word(Word.Kind.TREND, "", "trend", k)));
        // "daily", "시간별": a series and the width of its buckets
        rules.trendBuckets().forEach((width, words) -> words.forEach(k -> add(new Word(Word.Kind.TREND, "", width, k))));
        rules.understanding().questionWords().forEach(w -> {
            String word = Folding.fold(w).trim();
            if (word.matches("[a-z]+")) {
                questionWords.add(word);
            }
        });
        rules.understanding().whenWords().forEach(k -> add(new Word(Word.Kind.WHEN, "", "when", k)));
        resolver.particles().forEach(x -> particles.add(Folding.fold(x)));
        resolver.stopwords().forEach(w -> add(new Word(Word.Kind.STOPWORD, "", "", w)));
        for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            String s = new String((char[]) w);
            if (!NOT_STOPWORDS.contains(s)) {
                add(new Word(Word.Kind.STOPWORD, "", "", s));
            }
        }
        particles.sort((x, y) -> y.length() - x.length());
        // words of the language made of two shorter ones ("update" is not "up date", "downtime" not "down time")
        rules.understanding().wholeWords().forEach(w -> latinWords.add(Folding.fold(w).trim()));
        // words that time patterns spell out ("last", "hours", "yesterday") help split glued words
        // and the words that join times ("thru" is no misspelt "thur")
        rules.time().connectors().values().forEach(group -> group.forEach(w -> {
            String word = Folding.fold(w).trim();
            if (word.matches("[a-z]{2,}")) {
                latinWords.add(word);
            }
        }));
        for (PromptTime.Atom t : rules.time().atoms()) {
            for (String w : t.pattern().split("[^a-z]+")) {
                if (w.length() >= 2) {
                    latinWords.add(w);
                    timeWords.add(w);
                }
            }
        }
    }

    private void add(Word w) {
        String phrase = w.phrase();
        if (phrase.startsWith("^")) {
            patterns.add(Map.entry(com.google.re2j.Pattern.compile(phrase, com.google.re2j.Pattern.CASE_INSENSITIVE), w));
            return;
        }
        phrases.add(phrase, w);
        String folded = Folding.fold(phrase).trim();
        List<String> same = byMeaning.computeIfAbsent(w.kind() + "|" + w.group() + "|" + w.value(), k -> new ArrayList<>());
        if (!same.contains(folded)) {
            same.add(folded);
        }
        if (folded.matches("[a-z0-9]+(?: [a-z0-9]+)+") && !folded.endsWith("s")) {
            phrases.add(folded + "s", w); // "error rates", "response times": plurals of multi-word phrases
        }
        for (String part : folded.split("[^a-z0-9]+")) {
            if (part.length() >= 1 && part.chars().anyMatch(Character::isLetter)) {
                latinWords.add(part);
            }
        }
        String compact = Analyzed.compactOf(phrase);
        if (compact.matches("[a-z]+") && w.kind() != Word.Kind.STOPWORD) {
            latinPhrases.add(compact);
        }
        if (compact.matches("[가-힣]{2,4}") && w.kind() != Word.Kind.STOPWORD) {
            hangulPhrases.add(compact);
        }
        if (folded.matches("[a-z]+")) {
            stems.computeIfAbsent(QuestionAnalyzer.stem(folded), k -> new ArrayList<>()).add(w);
        }
    }

    private OneEditIndex oneEdit() {
        OneEditIndex i = oneEdit;
        if (i == null) {
            i = new OneEditIndex(latinPhrases); // immutable and the same whoever builds it first
            oneEdit = i;
        }
        return i;
    }

    /**
     * Words of the assets within one edit of a compact Latin word (not stopwords), when exactly one
     * phrase is that close; empty otherwise.
     */
    public List<Word> nearest(String compact) {
        // the phrases in the set's own order, as a scan of it would meet them
        Map<String, List<Word>> byKey = new java.util.LinkedHashMap<>();
        java.util.Set<String> meanings = new java.util.HashSet<>();
        for (String key : oneEdit().oneEditFrom(compact)) {
            if (key.length() >= 4) {
                for (Word w : phrases.get(key)) {
                    if (w.kind() != Word.Kind.STOPWORD) {
                        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
                        meanings.add(meaning(w));
                    }
                }
            }
        }
        // several phrases equally close are a typo we can settle only when they all mean the same
        // ("eror rate": "error rate" and "err rate"), or when one of them means all the others do ("happend":
        // "happened" is history and a happening, "happen" only the latter); otherwise nothing is guessed
        if (meanings.size() == 1) {
            return byKey.values().iterator().next().subList(0, 1);
        }
        for (List<Word> words : byKey.values()) {
            if (words.stream().map(Lexicon::meaning).collect(java.util.stream.Collectors.toSet()).containsAll(meanings)) {
                return words;
            }
        }
        return List.of();
    }

    private static String meaning(Word w) {
        return w.kind() + ":" + w.group() + ":" + w.value();
    }

    /**
     * Words of the assets one jamo from a compact Hangul word of as many syllables, starting with the
     * same consonant ("최댜" → 최대: ㅑ for ㅐ, a neighbour key; "매모리" → 메모리), when all such
     * phrases mean the same; empty otherwise.
     */
    public List<Word> nearestHangul(String compact) {
        List<Word> best = new ArrayList<>();
        Set<String> meanings = new HashSet<>();
        String jamo = java.text.Normalizer.normalize(compact, java.text.Normalizer.Form.NFD);
        for (String key : hangulPhrases) {
            String keyJamo = java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFD);
            if (key.length() == compact.length() && keyJamo.charAt(0) == jamo.charAt(0)
                    && Edits.distance(keyJamo, jamo) == 1) {
                for (Word w : phrases.get(key)) {
                    if (w.kind() != Word.Kind.STOPWORD) {
                        best.add(w);
                        meanings.add(w.kind() + ":" + w.group() + ":" + w.value());
                    }
                }
            }
        }
        return meanings.size() == 1 ? best.subList(0, 1) : List.of();
    }

    public PhraseTable<Word> phrases() {
        return phrases;
    }

    /** Words whose single-word phrase has this Porter stem. */
    public List<Word> byStem(String stem) {
        return stems.getOrDefault(stem, List.of());
    }

    public List<Map.Entry<com.google.re2j.Pattern, Word>> patterns() {
        return patterns;
    }

    /** A compact Latin word some phrase uses: used to split glued words. */
    public boolean knowsLatin(String compact) {
        return latinWords.contains(compact) || phrases.containsCompact(compact);
    }

    /** The phrases that mean what this compact phrase means (itself included), in the assets' order. */
    public List<String> sameMeaning(String compact) {
        List<String> out = new ArrayList<>();
        for (Word w : phrases.get(compact)) {
            for (String p : byMeaning.getOrDefault(w.kind() + "|" + w.group() + "|" + w.value(), List.of())) {
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A Latin question word of the Prompt asset ({@code understanding.question_words}: "which", "where"). */
    public boolean questionWord(String compact) {
        return questionWords.contains(compact);
    }

    /**
     * The words a misspelling with one letter left out (not the first) is read as: question words, and words
     * of the time patterns of seven letters or more ("yestrday", "febuary", "wednsday"), too long to be
     * mistaken. Looked up by the misspelling itself (each word indexed by its one-letter-short forms).
     */
    public Set<String> restorations(String compact) {
        Map<String, Set<String>> index = shortForms;
        if (index == null) {
            index = new java.util.HashMap<>();
            Set<String> words = new java.util.LinkedHashSet<>(questionWords);
            timeWords.stream().filter(w -> w.length() >= 7).forEach(words::add);
            for (String w : words) {
                if (!w.matches("[a-z]+")) {
                    continue;
                }
                for (int i = 1; i < w.length(); i++) {
                    index.computeIfAbsent(w.substring(0, i) + w.substring(i + 1), k -> new java.util.TreeSet<>()).add(w);
                }
            }
            shortForms = index; // the same whoever builds it first
        }
        return index.getOrDefault(compact, Set.of());
    }

    private volatile Map<String, Set<String>> shortForms;

    /** A Latin word that means something here: a phrase of the vocabulary (no stopword) or a word of time. */
    public boolean meaningfulLatin(String compact) {
        return latinPhrases.contains(compact) || timeWords.contains(compact);
    }

    /** Korean particles of the Resolver asset, longest first. */
    public List<String> particles() {
        return particles;
    }

    public String primaryEntity() {
        return primaryEntity;
    }

    public String eventsEntity() {
        return eventsEntity;
    }
}
