package dev.opsuite.estate;

import java.util.Locale;

/**
 * The normal form stored in {@code ci_alias.alias_norm}: lower case (Locale.ROOT), every
 * whitespace character removed, so "결제 서비스", "결제서비스" and "Server-A " all match what
 * an operator types. Resolvers must normalise their input with this same function.
 */
public final class AliasNorm {
    private AliasNorm() {}

    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            // isSpaceChar catches no-break and ideographic spaces that isWhitespace misses.
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
