package dev.opsuite.planner.domain.understand;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Width, compatibility and case folding (NFKC + lower case): "ＣＰＵ" and "cpu" read alike; Korean written in Hanja is
 * read in Hangul ("誤謬率" and "오류율" read alike, {@link HanjaReadings}); a Latin letter with an accent reads as its
 * plain letter ("Almería" and "Almeria", "Zürich" and "Zurich", "São Paulo" and "Sao Paulo" read alike: operators type
 * a place or a name with or without its accents), one character for one, so offsets stay.
 */
public final class Folding {
    private Folding() {}

    public static String fold(String s) {
        return withoutAccents(HanjaReadings.read(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)));
    }

    /** Each Latin letter that decomposes into a plain ASCII letter and combining marks becomes that letter. */
    static String withoutAccents(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u00C0' || c > '\u024F') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = d.charAt(0);
            boolean plain = d.length() > 1 && base < 0x80 && Character.isLetter(base);
            if (plain && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(plain ? base : c);
            }
        }
        return out == null ? s : out.toString();
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
