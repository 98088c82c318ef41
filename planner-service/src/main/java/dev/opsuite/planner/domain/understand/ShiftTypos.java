package dev.opsuite.planner.domain.understand;

/**
 * "뭐바꼇어", "장애낫어", "됏어": on a Korean keyboard the double final ㅆ needs Shift, and fast typing drops it, so ㅆ
 * comes out as ㅅ. A written Hangul word with a final ㅅ is read with ㅆ there when that makes it hold a phrase
 * of the assets (two to four syllables, across the syllable changed) that it did not hold as written — never
 * otherwise, so "것", "웃어" and every word the assets do not know stay as written.
 */
final class ShiftTypos {
    private static final int JONG_S = 19;
    private static final int JONG_SS = 20;

    private ShiftTypos() {}

    static String fix(String question, PhraseTable<Word> phrases) {
        char[] out = question.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c < '\uAC00' || c > '\uD7A3' || (c - 0xAC00) % 28 != JONG_S) {
                continue;
            }
            char shifted = (char) (c + (JONG_SS - JONG_S));
            if (holdsPhrase(out, i, shifted, phrases) && !holdsPhrase(out, i, c, phrases)) {
                out[i] = shifted;
            }
        }
        return new String(out);
    }

    /** Whether a run of 2–4 Hangul syllables across position i, with {@code at} there, is a phrase. */
    private static boolean holdsPhrase(char[] text, int i, char at, PhraseTable<Word> phrases) {
        for (int from = Math.max(0, i - 3); from <= i; from++) {
            for (int to = i + 1; to <= Math.min(text.length, from + 4); to++) {
                if (to - from < 2 || !hangul(text, from, to)) {
                    continue;
                }
                StringBuilder b = new StringBuilder(to - from);
                for (int k = from; k < to; k++) {
                    b.append(k == i ? at : text[k]);
                }
                if (phrases.containsCompact(b.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hangul(char[] text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text[k] < '\uAC00' || text[k] > '\uD7A3') {
                return false;
            }
        }
        return true;
    }
}
