package dev.opsuite.planner.domain.understand;

/**
 * One analysed unit of the question: a Korean morpheme (from Nori, with its part-of-speech tag), a
 * Latin word, a number, or a symbol. Offsets index the analysed text ({@link Analyzed#text()}).
 * Inflected Korean forms decompose into several morphemes that share one span ("알려줘" → 알리/VV
 * 어/E 주/VX 어/E); {@code surface} is then the span's text and {@code morpheme} each part.
 *
 * @param pos      Nori's tag for Hangul (NNG, NNP, VV, J, E, XSV…), SL for Latin words, SN for numbers, SY
 * @param function particles, endings, suffixes, copulas: grammar, never content
 * @param stem     the English stem (Porter) for Latin words, the morpheme for Korean
 */
public record Token(int index, String surface, String morpheme, int start, int end, String pos, boolean function,
                    String stem) {
    public boolean latin() {
        return "SL".equals(pos);
    }

    public boolean number() {
        return "SN".equals(pos);
    }

    public boolean hangul() {
        return !latin() && !number() && !"SY".equals(pos);
    }
}
