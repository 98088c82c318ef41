package dev.opsuite.executor.documents;

import dev.opsuite.executor.domain.DocumentPort;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * One search of a collection. The question's words, analysed the Korean and the English way, are
 * looked for in every section's headings (weighted {@value #TITLE_WEIGHT}×) and text (BM25); at least
 * one must match. A document that says it applies to the CI named, to its type, or that explains an
 * alert the question names by its exact name, and a document in the question's language, rank
 * higher; one of a kind the question's words suggest, doubly so. The Source's thesaurus adds words
 * (half weight), word pairs side by side count a quarter more, and a document's translation lends it
 * its score ({@link #bridgeTwins}). Kinds and tags filter. Each document is cited once, by its best section.
 */
final class DocSearch {
    static final float TITLE_WEIGHT = 1.5f;
    static final float CI_BOOST = 4f;
    static final float TYPE_BOOST = 1.5f;
    static final float ALERT_BOOST = 8f;
    static final float LANG_BOOST = 1.5f;
    static final float KIND_BOOST = 2f;
    /**
     * A document of a kind the question's words suggest has its score multiplied by this, beside
     * {@link #KIND_BOOST}: a constant alone is lost in long questions' scores (1.15, 1.3, 1.5, 2, 3 tried
     * on the dev halves; 2 and 3 equal, the smaller kept).
     */
    static final float PREFERRED_KIND_FACTOR = 2f;
    /** The share of the whole document's score added to its best section's (with TITLE_WEIGHT: chosen on the dev half only). */
    static final float DOC_WEIGHT = 1f;
    static final int FUZZY_FROM = 5;
    /** The weight of a word the thesaurus adds, against the question's own words' 1. */
    static final float SYNONYM_WEIGHT = 0.5f;
    /** The share of its translation's score a document in the question's language adds (0, 0.25, 0.5, 1 tried on the dev halves). */
    static final float TWIN_WEIGHT = 0.25f;
    /**
     * Two words of the question next to each other (at most {@value #PHRASE_SLOP} positions apart) in a
     * section count this much more ("heap dump" beside each other beats "heap" and "dump" apart): 0.25 and
     * 0.5 were equal on the dev halves; the smaller was kept.
     */
    static final float PHRASE_WEIGHT = 0.25f;
    static final int PHRASE_SLOP = 2;
    private static final java.util.regex.Pattern ADJACENT_MARKS = java.util.regex.Pattern.compile("\\*\\*([-_./ ]?)\\*\\*");
    /** Sections read per document wanted, to find that many distinct documents. */
    private static final int SECTIONS_PER_DOC = 8;
    private static final int MAX_CLAUSES = 200;

    private final DocAnalysis analysis;
    private final Thesaurus thesaurus;
    private final IndexSearcher searcher;
    private final String collection;

    DocSearch(DocAnalysis analysis, Thesaurus thesaurus, IndexSearcher searcher, String collection) {
        this.analysis = analysis;
        this.thesaurus = thesaurus;
        // a searcher of its own over the shared reader: its timeout and timed-out flag are this search's only
        this.searcher = new IndexSearcher(searcher.getIndexReader());
        this.collection = collection;
    }

    static long distinctPaths(IndexSearcher s) throws IOException {
        return s.count(new TermQuery(new Term(DocFields.FIRST, "1")));
    }

    List<DocumentPort.Passage> run(DocumentPort.Query q, int timeoutSeconds) throws IOException {
        Query words = words(q.text(), SECTION_FIELDS);
        if (words == null) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
        BooleanQuery.Builder whole = new BooleanQuery.Builder().add(words(q.text(), DOC_FIELDS), Occur.MUST)
                .add(new TermQuery(new Term(DocFields.FIRST, "1")), Occur.FILTER);
        if (!q.ciCode().isEmpty()) {
            b.add(boost(DocFields.CI, q.ciCode().toLowerCase(Locale.ROOT), CI_BOOST), Occur.SHOULD);
        }
        if (!q.ciType().isEmpty()) {
            b.add(boost(DocFields.CI_TYPE, q.ciType().toLowerCase(Locale.ROOT), TYPE_BOOST), Occur.SHOULD);
        }
        for (String w : DocAnalysis.words(q.text())) {
            b.add(boost(DocFields.ALERT, w, ALERT_BOOST), Occur.SHOULD);
        }
        if (!q.lang().isEmpty()) {
            b.add(boost(DocFields.LANG, q.lang(), LANG_BOOST), Occur.SHOULD);
        }
        for (String k : q.preferKinds()) {
            b.add(boost(DocFields.KIND, k, KIND_BOOST), Occur.SHOULD);
        }
        if (!q.kinds().isEmpty()) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            q.kinds().forEach(k -> kinds.add(new TermQuery(new Term(DocFields.KIND, k)), Occur.SHOULD));
            BooleanQuery only = kinds.build();
            b.add(only, Occur.FILTER);
            whole.add(only, Occur.FILTER);
        }
        for (String t : q.tags()) {
            Query tag = new TermQuery(new Term(DocFields.TAG, t.toLowerCase(Locale.ROOT)));
            b.add(tag, Occur.FILTER);
            whole.add(tag, Occur.FILTER);
        }
        searcher.setTimeout(new QueryTimeoutImpl(Math.max(1, timeoutSeconds) * 1000L));
        int wanted = Math.max(1, q.topK());
        TopDocs sections = searcher.search(b.build(), wanted * SECTIONS_PER_DOC);
        TopDocs documents = searcher.search(whole.build(), wanted * SECTIONS_PER_DOC);
        if (searcher.timedOut()) {
            throw new OpsException(ErrorCode.DEADLINE_EXCEEDED, "the search of collection '" + collection
                    + "' took longer than " + timeoutSeconds + " s");
        }
        // a document's score: its best section's, plus a share of how much the document as a whole is about
        // the words (a runbook about the subject beats a passing mention in another document's section)
        Map<String, Float> whole2 = new HashMap<>();
        for (ScoreDoc sd : documents.scoreDocs) {
            whole2.put(searcher.storedFields().document(sd.doc, Set.of(DocFields.PATH)).get(DocFields.PATH), sd.score);
        }
        Map<String, ScoreDoc> best = new LinkedHashMap<>();
        Map<String, Float> score = new HashMap<>();
        for (ScoreDoc sd : sections.scoreDocs) {
            String path = searcher.storedFields().document(sd.doc, Set.of(DocFields.PATH)).get(DocFields.PATH);
            if (!best.containsKey(path)) {
                best.put(path, sd);
                score.put(path, sd.score + DOC_WEIGHT * whole2.getOrDefault(path, 0f));
            }
        }
        if (!q.preferKinds().isEmpty()) {
            for (var e : best.entrySet()) {
                String kind = searcher.storedFields().document(e.getValue().doc, Set.of(DocFields.KIND)).get(DocFields.KIND);
                if (q.preferKinds().contains(kind)) {
                    score.put(e.getKey(), score.get(e.getKey()) * PREFERRED_KIND_FACTOR);
                }
            }
        }
        if (!q.lang().isEmpty()) {
            bridgeTwins(score, q.lang());
        }
        List<String> ranked = new ArrayList<>(best.keySet());
        ranked.sort((x, y) -> Float.compare(score.get(y), score.get(x)));
        List<DocumentPort.Passage> out = new ArrayList<>();
        for (String path : ranked.subList(0, Math.min(wanted, ranked.size()))) {
            Document d = searcher.storedFields().document(best.get(path).doc);
            String lang = d.get(DocFields.LANG);
            out.add(new DocumentPort.Passage(collection, path, d.get(DocFields.TITLE), d.get(DocFields.SECTION),
                    d.getField(DocFields.LINE).numericValue().intValue(), Math.round(score.get(path) * 100) / 100.0,
                    passage(words, d.get(DocFields.TEXT), lang, q.passageChars()), d.get(DocFields.KIND), lang,
                    Arrays.asList(d.getValues(DocFields.CI_SHOWN))));
        }
        return out;
    }

    /**
     * Translations: a document under a language's folder ({@code ko/runbooks/x.md}) and one under another's
     * with the same rest of path ({@code en/runbooks/x.md}) say the same thing. The one in the question's
     * language is scored as the better of the two plus {@value #TWIN_WEIGHT} of the other: a Korean question
     * whose English words match the English text better still finds the Korean runbook, and the other
     * language's copy never ranks above it. The other-language copy keeps its own score.
     */
    static void bridgeTwins(Map<String, Float> score, String lang) {
        Map<String, Float> others = new HashMap<>();
        score.forEach((path, s) -> {
            String rest = rest(path);
            if (rest != null && !path.startsWith(lang + "/")) {
                others.merge(rest, s, Math::max);
            }
        });
        score.replaceAll((path, s) -> {
            String rest = rest(path);
            Float twin = rest == null || !path.startsWith(lang + "/") ? null : others.get(rest);
            return twin == null ? s : Math.max(s, twin) + TWIN_WEIGHT * Math.min(s, twin);
        });
    }

    /** The path after its language folder ("ko/", "en/"), or null when it starts with none. */
    private static String rest(String path) {
        int slash = path.indexOf('/');
        return slash == 2 && Character.isLetter(path.charAt(0)) && Character.isLetter(path.charAt(1))
                ? path.substring(3) : null;
    }

    private static final List<String> SECTION_FIELDS = List.of(DocAnalysis.BODY_KO, DocAnalysis.TITLE_KO,
            DocAnalysis.BODY_EN, DocAnalysis.TITLE_EN);
    private static final List<String> DOC_FIELDS = List.of(DocAnalysis.ALL_KO, DocAnalysis.ALL_EN);

    /**
     * The question's terms in the given text fields; null when the question has no searchable word. A
     * word no document holds (a typo: "failvoer") is looked for within one edit (two from nine
     * characters), as the entity linking does; never shorter words, which a single edit turns into others.
     */
    private Query words(String text, List<String> fields) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : fields) {
            float weight = field.startsWith("title") ? TITLE_WEIGHT : 1f;
            Set<String> own = analysis.terms(field, text);
            Set<String> all = new java.util.LinkedHashSet<>(own);
            if (thesaurus != null) {
                all.addAll(thesaurus.terms(field, text));
            }
            for (String t : all) {
                if (clauses++ >= MAX_CLAUSES) {
                    break;
                }
                Term term = new Term(field, t);
                boolean synonym = !own.contains(t);
                Query tq = !synonym && t.length() >= FUZZY_FROM && searcher.getIndexReader().docFreq(term) == 0
                        ? new FuzzyQuery(term, t.length() >= 9 ? 2 : 1, 1) : new TermQuery(term);
                float w = weight * (synonym ? SYNONYM_WEIGHT : 1f);
                b.add(w == 1f ? tq : new BoostQuery(tq, w), Occur.SHOULD);
            }
        }
        if (clauses == 0) {
            return null;
        }
        if (PHRASE_WEIGHT > 0) {
            for (String field : fields) {
                List<String> seq = analysis.sequence(field, text);
                Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i + 1 < seq.size() && clauses < MAX_CLAUSES; i++) {
                    if (seq.get(i).equals(seq.get(i + 1)) || !seen.add(seq.get(i) + " " + seq.get(i + 1))) {
                        continue;
                    }
                    clauses++;
                    float weight = (field.startsWith("title") ? TITLE_WEIGHT : 1f) * PHRASE_WEIGHT;
                    b.add(new BoostQuery(new org.apache.lucene.search.PhraseQuery(PHRASE_SLOP, field, seq.get(i),
                            seq.get(i + 1)), weight), Occur.SHOULD);
                }
            }
        }
        return b.build();
    }

    private static Query boost(String field, String value, float by) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), by);
    }

    /** The section cut at a line end near {@code max} characters, the question's words in it marked **…**. */
    private String passage(Query words, String text, String lang, int max) {
        String cut = text;
        if (text.length() > max) {
            int nl = text.lastIndexOf('\n', max);
            cut = text.substring(0, nl > max / 2 ? nl : max).stripTrailing() + " …";
        }
        String field = "ko".equals(lang) ? DocAnalysis.BODY_KO : DocAnalysis.BODY_EN;
        Highlighter h = new Highlighter(new SimpleHTMLFormatter("**", "**"), new QueryScorer(words, field));
        h.setTextFragmenter(new NullFragmenter());
        h.setMaxDocCharsToAnalyze(cut.length() + 1);
        try {
            String marked = h.getBestFragment(analysis.of(field), field, cut);
            // "**payment**-**api**" reads as one mark: "**payment-api**"
            return marked == null ? cut : ADJACENT_MARKS.matcher(marked).replaceAll("$1");
        } catch (IOException | InvalidTokenOffsetsException e) {
            return cut; // unmarked rather than no passage
        }
    }
}
