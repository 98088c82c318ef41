package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A question after analysis: the normalised text (NFKC, lower case, glued words split by spaces),
 * its tokens, and its compact form — letters and digits only — with the token boundaries mapped
 * into it, so that names and phrases match whatever separators a writer used ("db 01", "db-01",
 * "db01") but only from a token start to a token end.
 */
public final class Analyzed {
    private final String text;
    private final List<Token> tokens;
    private final String compact;
    /** compact index -> text offset of that character. */
    private final int[] compactToText;
    /** text offset -> compact index of the first compact character at or after it. */
    private final int[] textToCompact;
    private final TreeSet<Integer> startBoundaries = new TreeSet<>();
    private final TreeSet<Integer> endBoundaries = new TreeSet<>();
    /** Latin words the question as written capitalised where no sentence starts ("what does Now …"), lower-cased. */
    private final java.util.Set<String> capitalized;

    Analyzed(String text, List<Token> tokens) {
        this(text, tokens, List.of());
    }

    /**
     * @param particles Korean particles a name may be followed by: when the analyser did not cut one
     *                  off a word ("호기와"), a name may still end before it
     */
    Analyzed(String text, List<Token> tokens, List<String> particles) {
        this(text, tokens, particles, java.util.Set.of());
    }

    /** @param capitalized Latin words the question as written capitalised where no sentence starts, lower-cased */
    Analyzed(String text, List<Token> tokens, List<String> particles, java.util.Set<String> capitalized) {
        this.capitalized = java.util.Set.copyOf(capitalized);
        this.text = text;
        this.tokens = List.copyOf(tokens);
        StringBuilder c = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        textToCompact = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            textToCompact[i] = c.length();
            char ch = text.charAt(i);
            if (wordChar(text, i)) {
                c.append(ch);
                map.add(i);
            }
        }
        textToCompact[text.length()] = c.length();
        this.compact = c.toString();
        this.compactToText = map.stream().mapToInt(Integer::intValue).toArray();
        for (Token t : tokens) {
            if (!"SY".equals(t.pos())) {
                startBoundaries.add(textToCompact[t.start()]);
                endBoundaries.add(textToCompact[t.end()]);
                if (!t.function() && t.hangul()) {
                    for (String p : particles) {
                        if (t.surface().length() > p.length() && t.surface().endsWith(p)) {
                            endBoundaries.add(textToCompact[t.end() - p.length()]);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** The question as written capitalised this word (lower case here) where no sentence starts. */
    public boolean capitalizedMidSentence(String word) {
        return capitalized.contains(word);
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public String compact() {
        return compact;
    }

    public TreeSet<Integer> startBoundaries() {
        return startBoundaries;
    }

    public TreeSet<Integer> endBoundaries() {
        return endBoundaries;
    }

    /** Text offset where compact index {@code c} starts. */
    public int textStart(int c) {
        return compactToText[c];
    }

    /** Text offset just after compact range ending at {@code cEnd} (exclusive). */
    public int textEnd(int cEnd) {
        return compactToText[cEnd - 1] + 1;
    }

    public int compactIndex(int textOffset) {
        return textToCompact[Math.max(0, Math.min(textOffset, text.length()))];
    }

    /** Tokens lying inside [start, end) of the text. */
    public List<Token> tokensIn(int start, int end) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.start() >= start && t.end() <= end) {
                out.add(t);
            }
        }
        return out;
    }

    /** The text of [start, end), trimmed. */
    public String span(int start, int end) {
        return text.substring(start, end).trim();
    }

    /**
     * A letter, a digit, or a mark that belongs to its letter (the vowel signs and viramas of Devanagari
     * "सगरमाथा", a combining accent): a name's last vowel sign is part of the name, not a gap after it.
     */
    static boolean wordChar(String s, int i) {
        if (Character.isLetterOrDigit(s.charAt(i))) {
            return true;
        }
        if (!mark(s.charAt(i))) {
            return false;
        }
        int b = i - 1;
        while (b >= 0 && mark(s.charAt(b))) {
            b--; // "र्ं": marks over marks belong to the letter before them all
        }
        if (b < 0 || !Character.isLetter(s.charAt(b))) {
            return false;
        }
        // a Latin, Greek or Cyrillic accent stays out: "İstinye" folds to i and a dot above, and reads as "Istinye"
        Character.UnicodeScript base = Character.UnicodeScript.of(s.charAt(b));
        return base != Character.UnicodeScript.LATIN && base != Character.UnicodeScript.GREEK
                && base != Character.UnicodeScript.CYRILLIC;
    }

    private static boolean mark(char ch) {
        int type = Character.getType(ch);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Compact form of any string: NFKC-folded letters (with their marks) and digits only. */
    public static String compactOf(String s) {
        String f = Folding.fold(s);
        StringBuilder c = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            if (wordChar(f, i)) {
                c.append(f.charAt(i));
            }
        }
        return c.toString();
    }
}
