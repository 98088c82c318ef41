package dev.opsuite.planner.domain.understand;

import dev.opsuite.planner.domain.understand.EntityDictionary.Name;
import dev.opsuite.planner.domain.understand.EntityDictionary.NameKind;
import dev.opsuite.planner.domain.understand.EntityDictionary.Partial;
import dev.opsuite.planner.domain.understand.EntityDictionary.Rank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * The estate's names in an in-memory Lucene index, for partial matches: a whole word of a name (phrase), a
 * prefix, a name within one or two edits (fuzzy and Levenshtein-automaton queries). Immutable.
 */
final class NameIndex {
    private static final int MAX_HITS = 64;

    private final List<Name> names;
    private final IndexSearcher searcher;
    /** Rule out fuzzy queries that cannot match: over the names' compact forms, and over their words. */
    private final GramFilter compactGrams;
    private final GramFilter wordGrams;

    NameIndex(List<Name> names) {
        this.names = List.copyOf(names);
        this.searcher = index();
        this.compactGrams = new GramFilter(names.stream().map(n -> Analyzed.compactOf(n.surface())).toList());
        this.wordGrams = new GramFilter(names.stream().flatMap(n -> EntityDictionary.words(n.surface()).stream()).toList());
    }

    private IndexSearcher index() {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int i = 0; i < names.size(); i++) {
                    Name n = names.get(i);
                    Document d = new Document();
                    d.add(new StoredField("n", i));
                    d.add(new StringField("compact", Analyzed.compactOf(n.surface()), Field.Store.NO));
                    d.add(new StringField("kind", n.kind().name(), Field.Store.NO));
                    d.add(new TextField("tok", String.join(" ", EntityDictionary.words(n.surface())), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            return new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The span as whole words of a name, in order (a phrase); a Korean span is also read alone, as the
     * names were analysed. No prefix or fuzzy fallback.
     */
    List<Partial> wholeWords(List<String> words, String compact) {
        List<Partial> out = new ArrayList<>();
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        words.forEach(w -> phrase.add(new Term("tok", w)));
        collect(phrase.build(), Rank.TOKEN, compact, out);
        List<String> alone = Folding.hasHangul(compact) ? EntityDictionary.words(compact) : words;
        if (out.isEmpty() && !alone.equals(words) && !alone.isEmpty()) {
            // the analyser cuts a Korean word by its context: "복제본의" is 복 + 제본 in a question, 복제본 in the
            // name "학사 DB 복제본" — the word read alone, as the names were, is tried too
            PhraseQuery.Builder again = new PhraseQuery.Builder();
            alone.forEach(w -> again.add(new Term("tok", w)));
            collect(again.build(), Rank.TOKEN, compact, out);
        }
        if (out.isEmpty() && alone.size() >= 3) {
            // "the New York link" for New York Live Link: three words or more, in order, one word of the name between
            PhraseQuery.Builder gap = new PhraseQuery.Builder();
            alone.forEach(w -> gap.add(new Term("tok", w)));
            gap.setSlop(1);
            collect(gap.build(), Rank.TOKEN, compact, out);
        }
        return out;
    }

    /**
     * Partial matches of a span of the question (its words, compact), best rank first: the span as
     * whole words of a name, as a prefix of a name (3+ characters), within edit distance of a name
     * (1 edit for 5–8 characters, 2 above; never a code), or within one edit of a name's beginning.
     * Only the best rank that has any hit is returned.
     */
    List<Partial> partial(List<String> words, String compact) {
        List<Partial> out = wholeWords(words, compact);
        if (!out.isEmpty()) {
            return out;
        }
        if (compact.length() >= 4) {
            collect(new PrefixQuery(new Term("compact", compact)), Rank.PREFIX, compact, out);
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (compact.length() >= 5 && !compact.chars().allMatch(Character::isDigit) && !inflected(words, compact)) {
            int edits = compact.length() <= 8 ? 1 : 2;
            if (compactGrams.mayBeWithin(compact, edits)) {
                collect(notCode(new FuzzyQuery(new Term("compact", compact), edits, 0, MAX_HITS, true)), Rank.FUZZY,
                        compact, out);
            }
            if (words.size() == 1 && wordGrams.mayBeWithin(compact, edits)) {
                collect(notCode(new FuzzyQuery(new Term("tok", compact), edits, 0, MAX_HITS, true)), Rank.FUZZY,
                        compact, out);
            }
            if (out.isEmpty() && compactGrams.mayPrefixWithin(compact, 1)) {
                Automaton lev = new LevenshteinAutomata(compact, true).toAutomaton(1);
                Automaton prefixed = Operations.determinize(Operations.concatenate(lev, Automata.makeAnyString()),
                        Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
                collect(notCode(new AutomatonQuery(new Term("compact", compact), prefixed)), Rank.FUZZY_PREFIX,
                        compact, out);
            }
            if (!out.isEmpty()) {
                int best = out.stream().mapToInt(Partial::distance).min().orElse(0);
                out.removeIf(p -> p.distance() > best);
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern INFLECTION = java.util.regex.Pattern.compile("([a-z]{3,}?)e?(?:ed|ing)");

    /**
     * "Which 3 apps …? Ordered please.": an English verb form of a word names have ("ordered", "ordering" of "Order DB")
     * is the verb, never a misspelt name.
     */
    private boolean inflected(List<String> words, String compact) {
        java.util.regex.Matcher m = INFLECTION.matcher(compact);
        if (words.size() != 1 || !m.matches()) {
            return false;
        }
        String base = m.group(1);
        return !wholeWords(List.of(base), base).isEmpty() || !wholeWords(List.of(base + "e"), base + "e").isEmpty();
    }

    private static Query notCode(Query q) {
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term("kind", NameKind.CODE.name())), BooleanClause.Occur.MUST_NOT).build();
    }

    private void collect(Query q, Rank rank, String compact, List<Partial> out) {
        try {
            for (ScoreDoc sd : searcher.search(q, MAX_HITS).scoreDocs) {
                Name n = names.get(searcher.storedFields().document(sd.doc).getField("n").numericValue().intValue());
                if (out.stream().anyMatch(p -> p.name().entity().equals(n.entity()))) {
                    continue;
                }
                int distance = switch (rank) {
                    case FUZZY -> Math.min(Edits.distance(compact, Analyzed.compactOf(n.surface())),
                            minWordDistance(compact, n.surface()));
                    case FUZZY_PREFIX -> Edits.prefixDistance(compact, Analyzed.compactOf(n.surface()));
                    default -> 0;
                };
                out.add(new Partial(n, rank, distance));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int minWordDistance(String compact, String surface) {
        int best = Integer.MAX_VALUE;
        for (String w : EntityDictionary.words(surface)) {
            best = Math.min(best, Edits.distance(compact, w));
        }
        return best;
    }
}
