package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.function.Predicate;

/**
 * "에러rate", "memory사용량": a Korean and an English word glued, each half of a phrase of the assets written in
 * the other language. The half written in the "wrong" script is read as a word of the same meaning in the
 * other, when that — and only that — makes a phrase of the assets: "에러" means error (a status word of the
 * same entry), and "error rate" is a phrase, so "에러rate" is read "error rate". Words no phrase is made of
 * stay as written.
 */
final class ScriptJoins {
    /** Longest part looked at on the Korean side (syllables) and on the Latin side (letters). */
    private static final int MAX_HANGUL = 4;
    private static final int MAX_LATIN = 24;
    /** Shortest Latin word read across a join: "서버A의" holds a letter, no word. */
    private static final int MIN_LATIN = 3;

    private ScriptJoins() {}

    /** Text {@code start}–{@code end} of the question is read as {@code text}. */
    private record Rewrite(int start, int end, String text) {}

    /**
     * @param lexicon   the assets' phrases and what they mean
     * @param isName    whether a compact written word is a CI's name (left as written)
     */
    static String fix(String question, Lexicon lexicon, Predicate<String> isName) {
        StringBuilder out = new StringBuilder(question);
        // right to left: a rewrite changes lengths only to the right of where the scan still looks
        for (int i = question.length() - 1; i > 0; i--) {
            char left = question.charAt(i - 1);
            char right = question.charAt(i);
            boolean hangulFirst = Folding.isHangul(left) && latin(right);
            boolean latinFirst = latin(left) && Folding.isHangul(right);
            if (!hangulFirst && !latinFirst) {
                continue;
            }
            int wordStart = i - 1;
            while (wordStart > 0 && (hangulFirst ? Folding.isHangul(question.charAt(wordStart - 1)) : latin(question.charAt(wordStart - 1)))) {
                wordStart--;
            }
            int wordEnd = i + 1;
            while (wordEnd < question.length() && (hangulFirst ? latin(question.charAt(wordEnd)) : Folding.isHangul(question.charAt(wordEnd)))) {
                wordEnd++;
            }
            if (isName.test(Analyzed.compactOf(question.substring(wordStart, wordEnd)))) {
                continue;
            }
            Rewrite r = hangulFirst ? rewriteKoreanHalf(question, wordStart, i, wordEnd, lexicon)
                    : rewriteEnglishHalf(question, wordStart, i, wordEnd, lexicon);
            if (r != null) {
                out.replace(r.start(), r.end(), r.text());
                i = r.start(); // the scan goes on left of what was rewritten
            }
        }
        return out.toString();
    }

    /** "에러rate": the Korean part just before the join (1–4 syllables) read in English before the Latin word. */
    private static Rewrite rewriteKoreanHalf(String q, int hangulStart, int join, int latinEnd, Lexicon lexicon) {
        String latinWord = q.substring(join, latinEnd);
        if (latinWord.length() > MAX_LATIN || latinWord.length() < MIN_LATIN) {
            return null;
        }
        for (int from = Math.max(hangulStart, join - MAX_HANGUL); from < join; from++) {
            String korean = q.substring(from, join);
            if (lexicon.phrases().containsCompact(Analyzed.compactOf(korean + latinWord))) {
                return null; // a phrase as written
            }
            String english = other(lexicon.sameMeaning(Analyzed.compactOf(korean)), latinWord, true, lexicon);
            if (english != null) {
                return new Rewrite(from, latinEnd, english + " " + latinWord);
            }
        }
        return null;
    }

    /** "memory사용량": the Latin word just before the join read in Korean before the Korean part (1–4 syllables). */
    private static Rewrite rewriteEnglishHalf(String q, int latinStart, int join, int hangulEnd, Lexicon lexicon) {
        String latinWord = q.substring(latinStart, join);
        if (latinWord.length() > MAX_LATIN || latinWord.length() < MIN_LATIN) {
            return null;
        }
        for (int to = Math.min(hangulEnd, join + MAX_HANGUL); to > join; to--) {
            String korean = q.substring(join, to);
            if (lexicon.phrases().containsCompact(Analyzed.compactOf(latinWord + korean))) {
                return null;
            }
            String inKorean = other(lexicon.sameMeaning(Analyzed.compactOf(latinWord)), korean, false, lexicon);
            if (inKorean != null) {
                return new Rewrite(latinStart, to, inKorean + korean);
            }
        }
        return null;
    }

    /**
     * The word of the other script, of the same meaning, that makes a phrase with {@code rest}; several that make
     * phrases of one meaning are one reading ("error rate", "errors rate"), phrases of two meanings none.
     */
    private static String other(List<String> same, String rest, boolean englishFirst, Lexicon lexicon) {
        String found = null;
        List<Word> meaning = null;
        for (String w : same) {
            boolean english = w.chars().allMatch(c -> c < 128);
            boolean korean = w.chars().allMatch(c -> Folding.isHangul((char) c) || c == ' ');
            if (englishFirst ? !english : !korean) {
                continue;
            }
            List<Word> words = lexicon.phrases().get(Analyzed.compactOf(englishFirst ? w + " " + rest : w + rest));
            if (words.isEmpty()) {
                continue;
            }
            if (meaning != null && !meaning.stream().map(ScriptJoins::meaningOf).collect(java.util.stream.Collectors.toSet())
                    .equals(words.stream().map(ScriptJoins::meaningOf).collect(java.util.stream.Collectors.toSet()))) {
                return null; // two readings: left as written
            }
            if (found == null) {
                found = w;
                meaning = words;
            }
        }
        return found;
    }

    private static String meaningOf(Word w) {
        return w.kind() + "|" + w.group() + "|" + w.value();
    }

    private static boolean latin(char c) {
        return c < 128 && Character.isLetter(c);
    }

}
