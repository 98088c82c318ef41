package dev.opsuite.planner.domain.understand;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Analyses a question with Lucene: Nori for Korean morphemes (particles, endings and suffixes come
 * tagged by its dictionary, not guessed from a suffix list), Latin words and numbers split at
 * punctuation, English words stemmed (Porter). A Latin word glued from known words
 * ("paymentserviceandcartservice", "didthelast") is split where a full segmentation into known
 * words exists; an unknown word is left whole.
 */
public final class QuestionAnalyzer {
    /** Grammar, never content: particles, endings, suffixes, copula, auxiliaries, symbols. */
    private static final Set<POS.Tag> FUNCTION = Set.of(POS.Tag.J, POS.Tag.E, POS.Tag.XSV, POS.Tag.XSA, POS.Tag.XSN,
            POS.Tag.XPN, POS.Tag.VCP, POS.Tag.VX, POS.Tag.IC, POS.Tag.SF, POS.Tag.SP, POS.Tag.SSC, POS.Tag.SSO,
            POS.Tag.SC, POS.Tag.SE, POS.Tag.SY);
    private static final int MIN_GLUED = 6;
    private static final int MAX_PIECES = 8;

    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer t = new KeywordTokenizer();
            return new TokenStreamComponents(t, new PorterStemFilter(t));
        }
    };

    private QuestionAnalyzer() {}

    /**
     * @param question the raw question
     * @param known    whether a compact Latin word is known (vocabulary, stopword, entity name): used
     *                 only to split glued words
     */
    public static Analyzed analyze(String question, Predicate<String> known) {
        return analyze(question, known, List.of());
    }

    /** @param particles Korean particles (longest first) a word may still carry when the analyser left it on */
    public static Analyzed analyze(String question, Predicate<String> known, List<String> particles) {
        return analyze(question, known, w -> false, w -> java.util.Set.of(), particles);
    }

    /** @param meaningful the words a word with two letters swapped is read as ("thsi" → this) */
    public static Analyzed analyze(String question, Predicate<String> known, Predicate<String> meaningful,
                                   List<String> particles) {
        return analyze(question, known, meaningful, w -> java.util.Set.of(), particles);
    }

    /** @param asked the words a word with one letter left out is read as ("wich" → which, "yestrday" → yesterday) */
    public static Analyzed analyze(String question, Predicate<String> known, Predicate<String> meaningful,
                                   java.util.function.Function<String, java.util.Set<String>> asked,
                                   List<String> particles) {
        return analyze(question, known, meaningful, asked, particles, Analyses.none());
    }

    /** As above, the normalised text's tokens taken from (or kept in) the question's {@code analyses}. */
    public static Analyzed analyze(String question, Predicate<String> known, Predicate<String> meaningful,
                                   java.util.function.Function<String, java.util.Set<String>> asked,
                                   List<String> particles, Analyses analyses) {
        // "transfer's" is transfer: the possessive is not glued into another name ("transfers")
        String text = withoutPossessives(Folding.fold(question)).replaceAll("\\s+", " ").trim();
        List<Token> tokens = analyses.tokens(text);
        // "the Easter rush": a word capitalised where no sentence starts is a name, not a misspelt word ("eastern")
        java.util.Set<String> names = capitalized(question);
        Predicate<String> kept = w -> known.test(w) || names.contains(w);
        String swapped = swappedLetters(text, tokens, kept, meaningful);
        if (!swapped.equals(text)) {
            text = swapped;
            tokens = tokenize(text);
        }
        String whole = letterLeftOut(text, tokens, kept, asked);
        if (!whole.equals(text)) {
            text = whole;
            tokens = tokenize(text);
        }
        String split = splitGlued(text, tokens, known);
        if (!split.equals(text)) {
            text = split;
            tokens = tokenize(text);
        }
        return new Analyzed(text, tokens, particles, names);
    }

    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("(\\p{L})['’]s\\b");

    /** "Editor's Desk" → "Editor Desk": a question is read without English possessives, and names are indexed so too. */
    static String withoutPossessives(String text) {
        return POSSESSIVE.matcher(text).replaceAll("$1");
    }

    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /**
     * "what does Now depend on": Latin words written with a capital and then lower case where no sentence
     * starts — names, in English writing — lower-cased.
     */
    private static java.util.Set<String> capitalized(String question) {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = LATIN_WORD.matcher(question);
        while (m.find()) {
            String w = m.group();
            String before = question.substring(0, m.start()).stripTrailing();
            boolean sentenceStart = before.isEmpty() || ".?!:;\n-—[]{}\"'“”(".indexOf(before.charAt(before.length() - 1)) >= 0;
            if (w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(java.util.Locale.ROOT))
                    && !sentenceStart) {
                out.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * One Nori tokenizer per thread, reused as Lucene's analyzers reuse theirs (setReader, reset, end,
     * close, again): building one costs about a seventh of reading a question. Dropped after a failure.
     */
    private static final ThreadLocal<KoreanTokenizer> NORI = new ThreadLocal<>();

    static List<Token> tokenize(String text) {
        KoreanTokenizer t = NORI.get();
        if (t == null) {
            t = new KoreanTokenizer(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, null,
                    KoreanTokenizer.DecompoundMode.DISCARD, false, true);
        }
        NORI.remove(); // back only once this text is read to the end and closed
        List<Token> out = tokenize(t, text);
        NORI.set(t);
        return out;
    }

    private static List<Token> tokenize(KoreanTokenizer t, String text) {
        List<Token> out = new ArrayList<>();
        try (t) {
            t.setReader(new StringReader(text));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
            t.reset();
            while (t.incrementToken()) {
                int start = off.startOffset();
                int end = off.endOffset();
                String morpheme = term.toString();
                POS.Tag tag = pos.getLeftPOS();
                String tagName = tag == null ? "UNKNOWN" : tag.name();
                String surface = text.substring(start, end);
                boolean function = tag != null && FUNCTION.contains(tag);
                // a word of a script Nori has no class for (Devanagari "गंगा", whose vowel signs are marks) comes
                // tagged as a symbol: it is a foreign word, as Latin is, and a name may be written in it
                boolean foreign = ("UNKNOWN".equals(tagName) || "SY".equals(tagName)) && !morpheme.isEmpty()
                        && Character.isLetter(morpheme.codePointAt(0)) && !Folding.isHangul(morpheme.charAt(0));
                if ("SH".equals(tagName) || foreign) {
                    tagName = "SL";
                    function = false;
                }
                String stem = "SL".equals(tagName) ? stem(morpheme) : morpheme;
                out.add(new Token(out.size(), surface, morpheme, start, end, tagName, function, stem));
            }
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Porter stem of one English word ("impacted" → "impact", "servers" → "server"). */
    public static String stem(String word) {
        try (TokenStream ts = STEMMER.tokenStream("w", word)) {
            CharTermAttribute c = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? c.toString() : word;
            ts.end();
            return out;
        } catch (IOException e) {
            return word;
        }
    }

    /**
     * "thsi week", "memroy": a Latin word of four letters or more that nothing knows, two neighbouring letters
     * of which swapped back make exactly one word that means something here (a vocabulary or time word, no
     * stopword: "form" stays), is that word (the same length, so every offset stays).
     */
    private static String swappedLetters(String text, List<Token> tokens, Predicate<String> known,
                                         Predicate<String> meaningful) {
        char[] out = text.toCharArray();
        for (Token t : tokens) {
            String w = t.surface();
            if (!t.latin() || w.length() < 4 || !w.chars().allMatch(Character::isLetter) || known.test(w)
                    || !standsAlone(text, t)) {
                continue;
            }
            String fix = null;
            int found = 0;
            for (int i = 0; i + 1 < w.length(); i++) {
                if (w.charAt(i) == w.charAt(i + 1)) {
                    continue;
                }
                String candidate = w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
                if (meaningful.test(candidate) && !candidate.equals(fix)) {
                    fix = candidate;
                    found++;
                }
            }
            if (found == 1) {
                fix.getChars(0, fix.length(), out, t.start());
            }
        }
        return new String(out);
    }

    /**
     * "wich server", "yestrday": a Latin word of four letters or more that nothing knows, one letter short of
     * exactly one question word (the Prompt asset's, same first letter) or long word of time, is that word. Only
     * those: they are few, and a question read without its "which" or its day is read as another question.
     */
    private static String letterLeftOut(String text, List<Token> tokens, Predicate<String> known,
                                        java.util.function.Function<String, java.util.Set<String>> asked) {
        StringBuilder out = new StringBuilder(text);
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            String w = t.surface();
            if (!t.latin() || w.length() < 4 || !w.chars().allMatch(Character::isLetter) || known.test(w)
                    || !standsAlone(text, t)) {
                continue;
            }
            java.util.Set<String> fixes = asked.apply(w);
            if (fixes.size() == 1) {
                out.replace(t.start(), t.end(), fixes.iterator().next());
            }
        }
        return out.toString();
    }

    private static String splitGlued(String text, List<Token> tokens, Predicate<String> known) {
        StringBuilder out = new StringBuilder(text);
        // right to left so earlier offsets stay valid while spaces are inserted
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (!t.latin() || t.surface().length() < MIN_GLUED || known.test(t.surface()) || !standsAlone(text, t)) {
                continue;
            }
            List<Integer> cuts = segment(t.surface(), known);
            for (int k = cuts.size() - 1; k >= 0; k--) {
                out.insert(t.start() + cuts.get(k), ' ');
            }
        }
        return out.toString();
    }

    /** A word written on its own: not part of "payments-squad", "v2.api" or "srv01" (a name's shape). */
    private static boolean standsAlone(String text, Token t) {
        boolean left = t.start() == 0 || text.charAt(t.start() - 1) == ' ' || Folding.isHangul(text.charAt(t.start() - 1));
        boolean right = t.end() >= text.length() || text.charAt(t.end()) == ' ' || Folding.isHangul(text.charAt(t.end()))
                || !Character.isLetterOrDigit(text.charAt(t.end())) && text.charAt(t.end()) != '-' && text.charAt(t.end()) != '.'
                && text.charAt(t.end()) != '_';
        return left && right;
    }

    /** Whether a piece between the cuts is one or two letters long (a run of digits is no such piece). */
    private static boolean shortPiece(String word, List<Integer> cuts) {
        List<Integer> at = new ArrayList<>(cuts);
        at.add(0, 0);
        at.add(word.length());
        for (int k = 0; k + 1 < at.size(); k++) {
            String piece = word.substring(at.get(k), at.get(k + 1));
            if (piece.length() < 3 && !piece.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cut points of the fewest known words that make up {@code word} exactly, or none. Each piece is
     * a known word or a run of digits.
     */
    static List<Integer> segment(String word, Predicate<String> known) {
        int n = word.length();
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - 40); start < end; start++) {
                if (best[start] == Integer.MAX_VALUE || best[start] + 1 >= best[end]) {
                    continue;
                }
                String piece = word.substring(start, end);
                if (piece.chars().allMatch(Character::isDigit) || (piece.length() > 1 || piece.equals("a")) && known.test(piece)) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE || best[n] < 2 || best[n] > MAX_PIECES) {
            return List.of();
        }
        List<Integer> cuts = new ArrayList<>();
        for (int at = from[n]; at > 0; at = from[at]) {
            cuts.add(0, at);
        }
        // two short known words make many real words ("be|long", "up|date", "with|out"): a word is cut in two
        // only when it is long and both halves are words of three letters or more ("cart|service")
        if (cuts.size() == 1 && (n < 8 || cuts.get(0) < 3 || n - cuts.get(0) < 3)) {
            return List.of();
        }
        // a short word cut into three or more pieces some of which are one or two letters ("antena" as an|ten|a,
        // "serevr") is a misspelt word more often than glued ones: left whole for the edit-distance reading
        if (n < 8 && shortPiece(word, cuts)) {
            return List.of();
        }
        return cuts;
    }
}
