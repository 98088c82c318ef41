package dev.opsuite.planner.domain.understand;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Width, compatibility and case folding (NFKC + lower case): "ＣＰＵ" and "cpu" read alike; Korean written in Hanja is
 * read in Hangul ("誤謬率" and "오류율" read alike, {@link HanjaReadings}), one character for one, so offsets stay.
 */
public final class Folding {
    private Folding() {}

    public static String fold(String s) {
        return HanjaReadings.read(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    public static boolean isHangul(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u3131' && c <= '\u318E');
    }

    public static boolean hasHangul(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHangul(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
