package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a question so that every word is accounted for, in this order: CI names spelled out in
 * full (longest span first; an exact name is never made ambiguous by a partial one), time
 * expressions, thresholds and depths, field values of the estate, the assets' vocabulary, then
 * partial CI names (whole word, prefix, within an edit or two) among the words still unclaimed,
 * then grammar and stopwords. What is left is {@link Understanding#unexplained()}.
 */
public final class Understander {
    private final Reading reading;
    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;
    private final PromptRules rules;
    private final List<Claim> claims;
    private final List<Span> exclusive;
    private final List<LinkedEntity> entities;
    private final List<Understanding.Threshold> thresholds;
    private final NameShapes shapes;
    private final EntityLinking linking;
    private final EstateValues estate;
    private final Vocabulary vocabulary;
    private final ImpliedEntities implied;
    private final Numbers numbers;

    private Understander(Analyzed a, Lexicon lexicon, EntityDictionary dictionary, PromptRules rules) {
        this.reading = new Reading(a, lexicon, dictionary, rules);
        this.a = a;
        this.lexicon = lexicon;
        this.dictionary = dictionary;
        this.rules = rules;
        this.claims = reading.claims;
        this.exclusive = reading.exclusive;
        this.entities = reading.entities;
        this.thresholds = reading.thresholds;
        this.shapes = new NameShapes(reading);
        this.estate = new EstateValues(reading);
        this.linking = new EntityLinking(reading, shapes, estate);
        this.vocabulary = new Vocabulary(reading, shapes);
        this.implied = new ImpliedEntities(reading);
        this.numbers = new Numbers(reading);
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
                                           PromptRules rules, OffsetDateTime now, ZoneId zone,
                                           Map<String, String> assetAliases) {
        return understand(question, lexicon, dictionary, rules, now, zone, assetAliases,
                Folding.hasHangul(question) || HanjaReadings.mostlyHanja(question) ? "ko" : "en");
    }

    /**
     * As above, in the language the question was written in ({@code ko}/{@code en}) — decided by the caller before
     * the Resolver rewrote it (its Hanja read in Hangul does not make an English question Korean).
     */
    public static Understanding understand(String question, Lexicon lexicon, EntityDictionary dictionary,
                                           PromptRules rules, OffsetDateTime now, ZoneId zone,
                                           Map<String, String> assetAliases, String language) {
        return understand(question, lexicon, dictionary, rules, now, zone, assetAliases, language, Analyses.none());
    }

    /** As above, with the question's analyses so far (its screening's): a text analysed there is not analysed again. */
    public static Understanding understand(String question, Lexicon lexicon, EntityDictionary dictionary,
                                           PromptRules rules, OffsetDateTime now, ZoneId zone,
                                           Map<String, String> assetAliases, String language, Analyses analyses) {
        EntityDictionary dict = dictionary == null ? EntityDictionary.EMPTY : dictionary;
        String written = ScriptJoins.fix(ShiftTypos.fix(question, lexicon.phrases()), lexicon,
                c -> dict.exact().containsCompact(c));
        Analyzed a = QuestionAnalyzer.analyze(written, w -> lexicon.knowsLatin(w) || dict.knows(w),
                lexicon::meaningfulLatin, lexicon::restorations, lexicon.particles(), analyses);
        Understander u = new Understander(a, lexicon, dict, rules);
        return u.run(question, now, zone, dictionary != null, assetAliases, language);
    }

    private Understanding run(String question, OffsetDateTime now, ZoneId zone, boolean dictionaryUsed,
                              Map<String, String> assetAliases, String language) {
        linking.assetAliases(assetAliases);
        linking.exactEntities();
        SiblingNames siblings = new SiblingNames(reading);
        siblings.link();
        siblings.otherParts();
        new FamilyNames(reading).link();
        new ShortenedNames(reading).link(); // "mdg k8s node 2" → mdg-k8s-n2
        EventReferences.claim(reading, a, rules);
        Corrections corrections = new Corrections(reading, rules.understanding().corrections());
        // a time word that is also a word of a name here ("전주" is last week, and Jeonju in "CDN Cache 전주") is the
        // name's when its atom says so (unless_name)
        List<TimeAtom> found = TimeExpressions.atoms(a, rules.time(), rules.numberWords(), exclusive).stream()
                .filter(t -> t.field("unless_name").isEmpty() || !dictionary.hasNameWord(Analyzed.compactOf(t.field("word"))))
                .toList();
        found = BareClockRanges.keep(found, a.text(), rules.understanding().valueUnits()); // "between 10 and 12 on apr 17"
        found = PartClockRanges.keep(found, a.text()); // "last night 9 to 11 PST": the night's 21:00-23:00
        List<TimeAtom> atoms = corrections.atoms(new AskedTimes(reading).of(sameDay(found)));
        java.util.function.Function<List<TimeAtom>, TimeReading> compose =
                list -> TimeComposer.compose(a, list, rules.time(), now, zone, namedLocations());
        // "today vs yesterday", "지난주 대비 이번주": both periods, one row each
        java.util.Optional<PeriodComparison.Compared> compared = PeriodComparison.of(a, atoms, rules, compose);
        TimeReading time = compared.map(PeriodComparison.Compared::time).orElseGet(() -> compose.apply(atoms))
                .withContext(reading.contextTimes);
        time.spans().forEach(s -> reading.claimExclusive(s, "time", time.name(), 1));
        compared.filter(c -> !c.bucket().isEmpty()).ifPresent(c -> time.spans().stream().findFirst()
                .ifPresent(s -> claims.add(new Claim(s, a.span(s.start(), s.end()), "trend", c.bucket(), 1))));
        numbers.thresholds();
        numbers.depth();
        vocabulary.vocabulary();
        new ExplainRequest(reading).read(); // "explain how X reaches Y": a request to be told, no change cue
        numbers.runningAt();
        vocabulary.countOfAUnit();
        vocabulary.numberOfATypeWord(); // "장비 수"
        vocabulary.fuzzyVocabulary(2); // "eror rate": a misspelt word beside one spelt right
        estate.estateValuesOfLabels();
        vocabulary.typesOnTheWay();
        estate.glosses();
        estate.romanizedGlosses();
        linking.compoundNames();
        new SoundNames(reading).link();
        linking.partialEntities();
        linking.mergeBesideDemoWords();
        new RegionWords(reading).narrow(); // "the korean zone server": kr of zone-server-kr, not a question
        estate.valueTails();
        implied.incidentAtPlace();
        implied.vocabularyAsNames();
        new SideWords(reading).read(); // "목록 쪽 시스템": a vocabulary word of several CIs' names, then "쪽"
        new MeasureMovement(reading).read(); // "X cpu 내려갔어?": the measure going down, not an outage of X
        new DownAsState(reading).read(); // "which db is down": the status of a type's CIs, not an impact
        new FailureAsEvents(reading).read(); // "what broke last night": the failures that happened, no CI's
        new DurationOverThreshold(reading).read(); // "how long was X over 80%": the samples over it, not latency
        new FreeShare(reading).read(); // "less than 10% free disk": over 90 % used, not under 10 % used
        new OccurrenceCount(reading).read(); // "X 몇 번 죽었어?": its failures counted, not samples or an impact
        implied.definiteType();
        new PlaceOne(reading).ask(); // "the Sydney one", "부산 쪽 CPU": one CI at the place, asked which
        vocabulary.fuzzyVocabulary(1); // "latecny": a word alone, only when it names no CI either
        vocabulary.fuzzyHangul(); // "최댜": one jamo off, likewise after the names
        new TypeDoubt(reading).ask(); // "no idea if it's the host or the VM": asked between them
        Integer topN = numbers.topN();
        vocabulary.impliedMetric();
        quotedTitles();
        measureOnIt();
        new HostingBesidePlace(reading).read(); // "2공장에서 가동되는 PLC-07 CPU": where the CI is, not what runs on it
        new StateInclusions(reading).read(); // "꺼져 있는 것도 포함해서": the state widens the answer, it filters nothing
        new AllWell(reading).read(); // "다 정상이야?": the CIs not in that state answer it
        new NameTypeWord(reading).read(); // "the relay-api service", "신고서 작성 서비스가": the CI's own kind, no filter
        corrections.claims();
        grammar();
        entities.sort((x, y) -> x.span().start() - y.span().start());
        return new Understanding(a, language, claims, entities, time, thresholds, topN, reading.depth, unexplained(),
                shapes.nameShaped(shapes.compounds()), dictionary.revision(), dictionaryUsed, negatedSpans(),
                reading.corrections);
    }

    /**
     * The field values (location, site, region — whatever the schema calls them) of the CIs linked so far: where
     * a "local time" with no place in the question may be ("Merlion" at "singapore.desk").
     */
    private List<String> namedLocations() {
        return entities.stream().filter(LinkedEntity::resolved).flatMap(e -> e.entity().fields().values().stream())
                .filter(l -> !l.isBlank()).distinct().toList();
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("[\"“”]([^\"“”]{5,160})[\"“”]");

    /**
     * "what's the cpu on it right now": "on it" right after a measure is the CI the measure is of, not what
     * runs on it.
     */
    private void measureOnIt() {
        String text = a.text();
        for (Claim c : List.copyOf(claims)) {
            if (!c.kind().equals("intent") || !c.value().equals("runs_on") || !c.text().startsWith("on ")) {
                continue;
            }
            boolean afterMeasure = claims.stream().anyMatch(m -> m.kind().equals("metric") && m.span().end() <= c.span().start()
                    && text.substring(m.span().end(), c.span().start()).isBlank());
            if (afterMeasure) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "stopword", "of", c.score()));
            }
        }
    }

    /**
     * '"DB CPU over 90%" alert again on the petition db': words of three or more in double quotes are a title
     * quoted (an alert's, an incident's) — its measures, thresholds and event words are not what is asked; a CI
     * named inside it still is.
     */
    private void quotedTitles() {
        java.util.regex.Matcher m = QUOTED.matcher(a.text());
        while (m.find()) {
            Span q = new Span(m.start(1), m.end(1));
            if (m.group(1).trim().split("\\s+").length < 3) {
                continue;
            }
            claims.removeIf(c -> q.contains(c.span()) && !c.kind().equals("entity") && !c.kind().equals("function"));
            thresholds.removeIf(t -> q.contains(t.span()));
            claims.add(new Claim(q, m.group(1), "descriptor", "quoted", 1));
        }
    }

    /**
     * "2030-05-16 02:10 INC-300516-01 -- list everything that happened to X that day": a word for the day named
     * before (an atom with {@code day_of: previous}, "that day", "그날") is that whole day — the date before it
     * without its time of day, the times of day of the clauses before it dropped. Without a date before it, it is left out
     * (the default range applies and the reading lists the word as not understood).
     */
    private List<TimeAtom> sameDay(List<TimeAtom> atoms) {
        TimeAtom anaphor = atoms.stream().filter(t -> t.field("day_of").equals("previous")).findFirst().orElse(null);
        if (anaphor == null) {
            return atoms;
        }
        String text = a.text();
        if (!Clauses.single(text) && Clauses.of(text, anaphor.span().start()) != Clauses.last(text)) {
            // "…8시 40분부터 9시 40분까지 MTS 에러율 최고 몇이었어? 그날 로그인 터졌잖아": "that day" in a remark names the day
            // asked again; the times asked stay
            claims.add(new Claim(anaphor.span(), a.span(anaphor.span().start(), anaphor.span().end()), "stopword",
                    "same_day", 1));
            return atoms.stream().filter(t -> t != anaphor).toList();
        }
        TimeAtom antecedent = null;
        for (TimeAtom t : atoms) {
            if (t.span().end() <= anaphor.span().start() && !t.field("d").isEmpty()
                    && (!t.field("m").isEmpty() || !t.field("mon").isEmpty())) {
                antecedent = t;
            }
        }
        List<TimeAtom> out = new ArrayList<>();
        int asked = Clauses.of(text, anaphor.span().start());
        for (TimeAtom t : atoms) {
            // the times of day of the clauses before ("… 02:10 INC-… --"), not the ones asked with it ("What was
            // the average CPU of X from 09:00 to 12:00 that day?")
            boolean clockBefore = (t.kind().equals("tod") || t.kind().equals("clock_range"))
                    && Clauses.of(a.text(), t.span().start()) < asked;
            if (t == anaphor && antecedent != null) {
                Map<String, String> day = new java.util.LinkedHashMap<>(antecedent.fields());
                List.of("H", "M", "H2", "M2", "ap", "half").forEach(day::remove);
                // the day stands where its date is written (a weekday beside it labels it: "Saturday 1/10/2039 …
                // ACST that day"); the anaphor is accounted for as naming it again
                out.add(new TimeAtom(anaphor.name(), "day", antecedent.span(), day));
                claims.add(new Claim(anaphor.span(), a.span(anaphor.span().start(), anaphor.span().end()), "stopword",
                        "same_day", 1));
            } else if (t != anaphor && t != antecedent && !clockBefore) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Spans of meaning words next to a negation of rules.negations (before: "not", "except"; after:
     * "빼고"; prefix, glued to the word: "비운영", "non-prod").
     */
    private Set<Span> negatedSpans() {
        Set<Span> out = new java.util.HashSet<>(reading.negated);
        for (Claim c : claims) {
            if (List.of("enum", "value", "intent", "entity_type").contains(c.kind()) && reading.negatedClaim(c)) {
                out.add(c.span());
            }
        }
        return out;
    }

    /** Particles, endings, suffixes and stopwords (by surface or by morpheme: 알리 of 알려줘). */
    private void grammar() {
        for (Token t : a.tokens()) {
            if (reading.claimed(t)) {
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
            if (t.function() || reading.claimed(t)) {
                if (t.function() && first != null && t.pos().equals("J")) {
                    continue; // a particle inside an unexplained phrase does not split it
                }
                if (first != null) {
                    addPhrase(out, first, last);
                    first = null;
                }
                continue;
            }
            if (first != null && !reading.joined(last, t)) {
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
}
