package dev.opsuite.executor.documents;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * A collection's thesaurus (its Source's {@code search.synonyms}): rules in the Solr synonyms format,
 * one a line — {@code "cert, certificate, 인증서"} makes the words equivalent, {@code "bounce => restart"}
 * adds the right side's words wherever the left side's appear — applied to the question's words at
 * search time through Lucene's {@link SynonymGraphFilter}, after the field's own analysis, so that a
 * rule matches what the analyzer makes of a word (its stem, its Korean morphemes). Each rule is parsed
 * with both analyzers; a word an analyzer reduces to nothing or cuts with a gap (a stop word inside
 * it) is left out of that analyzer's rules and counted, never an error: the thesaurus is asset data.
 */
final class Thesaurus implements AutoCloseable {
    private final Analyzer korean;
    private final Analyzer english;
    private final int skipped;
    private final List<Analyzer> owned = new ArrayList<>();

    private Thesaurus(DocAnalysis analysis, List<String> rules) {
        int[] skips = new int[1];
        korean = wrap(analysis.of(DocAnalysis.BODY_KO), rules, skips);
        english = wrap(analysis.of(DocAnalysis.BODY_EN), rules, skips);
        skipped = skips[0];
    }

    static Thesaurus of(DocAnalysis analysis, List<String> rules) {
        return new Thesaurus(analysis, rules);
    }

    /** How many words of the rules an analyzer left out (both analyzers counted). */
    int skipped() {
        return skipped;
    }

    /** The distinct terms the question yields in a field with the thesaurus applied, the question's own first. */
    Set<String> terms(String field, String text) {
        Analyzer a = field.endsWith("_ko") ? korean : english;
        return DocAnalysis.tokens(a, field, text, new LinkedHashSet<>());
    }

    private Analyzer wrap(Analyzer base, List<String> rules, int[] skips) {
        SynonymMap map;
        try {
            Rules parser = new Rules(base);
            parser.parse(new StringReader(String.join("\n", rules)));
            skips[0] += parser.skipped;
            map = parser.build();
        } catch (IOException e) {
            throw new IllegalStateException("thesaurus: " + e.getMessage(), e);
        }
        if (map.fst == null) {
            return base; // no rule survived this analyzer
        }
        SynonymMap synonyms = map;
        Analyzer wrapped = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return base;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return new TokenStreamComponents(components.getSource(),
                        new SynonymGraphFilter(components.getTokenStream(), synonyms, true));
            }
        };
        owned.add(wrapped);
        return wrapped;
    }

    /** The Solr synonyms format, forgiving: a word an analyzer cannot take is left out of its rule. */
    private static final class Rules extends SynonymMap.Parser {
        int skipped;

        Rules(Analyzer analyzer) {
            super(true, analyzer);
        }

        @Override
        public void parse(Reader in) throws IOException {
            StringBuilder all = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                all.append(buf, 0, n);
            }
            for (String line : all.toString().split("\n")) {
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("#")) {
                    continue;
                }
                int arrow = rule.indexOf("=>");
                if (arrow >= 0) {
                    List<CharsRef> from = words(rule.substring(0, arrow));
                    List<CharsRef> to = words(rule.substring(arrow + 2));
                    for (CharsRef f : from) {
                        for (CharsRef t : to) {
                            add(f, t, true);
                        }
                    }
                } else {
                    List<CharsRef> same = words(rule);
                    if (same.size() < 2) {
                        continue;
                    }
                    for (CharsRef f : same) {
                        for (CharsRef t : same) {
                            if (!f.equals(t)) {
                                add(f, t, true);
                            }
                        }
                    }
                }
            }
        }

        private List<CharsRef> words(String side) {
            List<CharsRef> out = new ArrayList<>();
            for (String w : side.split(",")) {
                if (w.isBlank()) {
                    continue;
                }
                try {
                    CharsRef analysed = analyze(w.strip(), new CharsRefBuilder());
                    if (!out.contains(analysed)) {
                        out.add(analysed);
                    }
                } catch (IllegalArgumentException | IOException e) {
                    skipped++; // nothing left of it, or a stop word inside it, in this analyzer
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        owned.forEach(Analyzer::close);
    }
}
