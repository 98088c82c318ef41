package dev.opsuite.planner.domain.understand;

import com.ibm.icu.text.Transliterator;

/**
 * Korean words in Latin letters (ICU's Hangul-Latin, Revised Romanization without sound changes):
 * "이천" → "icheon", "김포" → "gimpo". An imported estate names its places, teams and environments
 * in Latin ("icheon-hub"); an operator writes them in Hangul. ICU transliterators are not
 * thread-safe, so each thread keeps its own.
 */
final class Romanized {
    private static final ThreadLocal<Transliterator> HANGUL_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Hangul-Latin"));

    private Romanized() {}

    /** The compact Latin form of a word that is all Hangul, else "". */
    static String of(String word) {
        if (word.isEmpty() || !word.chars().allMatch(c -> Folding.isHangul((char) c))) {
            return "";
        }
        return Analyzed.compactOf(HANGUL_LATIN.get().transliterate(word));
    }
}
