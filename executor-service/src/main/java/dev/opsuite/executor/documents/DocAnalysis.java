package dev.opsuite.executor.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis of a collection: every section is indexed twice, through Nori (Korean morphology:
 * particles and endings dropped, compounds split) into the {@code *_ko} fields and through the
 * English analyzer (stop words, Porter stems) into the {@code *_en} fields, so a question in either
 * language finds a document in either; the question is analysed the same two ways.
 */
final class DocAnalysis {
    static final String TITLE_KO = "title_ko";
    static final String TITLE_EN = "title_en";
    static final String BODY_KO = "body_ko";
    static final String BODY_EN = "body_en";
    /** The whole document (on its first section only): how much the document as a whole is about the words. */
    static final String ALL_KO = "all_ko";
    static final String ALL_EN = "all_en";

    private final Analyzer korean = new KoreanAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
            Map.of(TITLE_KO, korean, BODY_KO, korean, TITLE_EN, english, BODY_EN, english, ALL_KO, korean,
                    ALL_EN, english));

    Analyzer perField() {
        return perField;
    }

    Analyzer of(String field) {
        return field.endsWith("_ko") ? korean : english;
    }

    /** The distinct terms a text yields in a field, in order. */
    Set<String> terms(String field, String text) {
        return tokens(of(field), field, text, new LinkedHashSet<>());
    }

    /** The terms a text yields in a field, in order, repeats kept: what word pairs are read from. */
    java.util.List<String> sequence(String field, String text) {
        return tokens(of(field), field, text, new java.util.ArrayList<>());
    }

    /** Adds the terms {@code analyzer} makes of the text, in order, to {@code out}. */
    static <C extends java.util.Collection<String>> C tokens(Analyzer analyzer, String field, String text, C out) {
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Latin words of the question as written ("HighErrorRate가" → higherrorrate): what an alert's name is compared with. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : text.split("[^A-Za-z0-9_.-]+")) {
            String t = w.replaceAll("^[._-]+|[._-]+$", "");
            if (t.length() >= 3) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    void close() {
        perField.close();
        korean.close();
        english.close();
    }
}
