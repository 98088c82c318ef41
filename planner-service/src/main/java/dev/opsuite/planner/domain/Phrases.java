package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Folding;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phrase matching that works for both scripts: ASCII words must stand alone ("db" does not match
 * inside "dba"), Hangul may carry particles ("서버의" contains "서버"). Patterns starting with
 * '^' are regular expressions.
 */
public final class Phrases {
    private Phrases() {}

    private static boolean isWordChar(char c) {
        // '-' and '.' join words: "server-a" and "db-01" are single names, not "server" + "a"
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }

    /** Index of phrase in folded text respecting ASCII word boundaries, or -1. */
    public static int indexOf(String foldedText, String phrase) {
        if (phrase.startsWith("^")) {
            // a regular expression: case-insensitive, but never lower-cased itself (\S is not \s)
            String trimmed = foldedText.trim();
            Patterns.Caseless c = Patterns.caseless(phrase);
            String lowered = Patterns.lower(trimmed);
            if (!c.mayMatch(lowered)) {
                return -1;
            }
            var m = c.matcher(trimmed, lowered);
            return m.find() ? m.start() : -1;
        }
        String p = Folding.fold(phrase);
        if (p.isEmpty()) {
            return -1;
        }
        int from = 0;
        while (true) {
            int i = foldedText.indexOf(p, from);
            if (i < 0) {
                return -1;
            }
            boolean leftOk = !isWordChar(p.charAt(0)) || i == 0 || !isWordChar(foldedText.charAt(i - 1));
            int end = i + p.length();
            boolean rightOk = end >= foldedText.length() || !isWordChar(foldedText.charAt(end))
                    || !isWordChar(p.charAt(p.length() - 1)) && !Folding.isHangul(p.charAt(p.length() - 1));
            // Hangul may take a particle ("서버의") but not a Latin/digit tail: "서버B" is a name
            if (leftOk && rightOk) {
                return i;
            }
            from = i + 1;
        }
    }

    public static boolean contains(String foldedText, String phrase) {
        return indexOf(foldedText, phrase) >= 0;
    }

    /** The first phrase of the list found in the text, or null. */
    public static String firstMatch(String foldedText, List<String> phrases) {
        for (String p : phrases) {
            if (contains(foldedText, p)) {
                return p;
            }
        }
        return null;
    }
}
