package dev.opsuite.planner.domain.understand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyses of one question, kept while it is planned: Nori's reading of a text (its tokens) is
 * made once, whoever asks for it. Screening the question for commands and understanding it both
 * analyse the same normalised text; Nori was the larger part of each. A fresh instance per question
 * (never shared between questions), so it holds a handful of texts at most; past {@link #MAX} the
 * oldest is dropped. The tokens of a text are the same whoever asks (Nori's reading depends on the
 * text alone), so sharing changes no answer.
 */
public final class Analyses {
    static final int MAX = 8;

    private final boolean keep;
    private final Map<String, List<Token>> byText = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Token>> eldest) {
            return size() > MAX;
        }
    };
    private int tokenized;
    private int asked;

    private Analyses(boolean keep) {
        this.keep = keep;
    }

    /** For one question: each text is analysed once. */
    public static Analyses ofOneQuestion() {
        return new Analyses(true);
    }

    /** Keeps nothing: every call analyses (callers with no question to share). */
    static Analyses none() {
        return new Analyses(false);
    }

    /** The tokens of an analysed (normalised) text: read by Nori the first time, then the same list. */
    synchronized List<Token> tokens(String text) {
        asked++;
        if (!keep) {
            tokenized++;
            return QuestionAnalyzer.tokenize(text);
        }
        List<Token> t = byText.get(text);
        if (t == null) {
            tokenized++;
            t = List.copyOf(QuestionAnalyzer.tokenize(text));
            byText.put(text, t);
        }
        return t;
    }

    /** How many analyses of a text were asked for this question (read or reused). */
    public synchronized int asked() {
        return asked;
    }

    /** How many texts Nori has read for this question. */
    public synchronized int tokenizations() {
        return tokenized;
    }
}
