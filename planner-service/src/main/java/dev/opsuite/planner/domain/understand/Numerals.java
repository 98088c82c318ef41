package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A number in a CI's name written one way and said another: "Interlocking III" is "interlocking three" in a
 * voice transcript and "Interlocking 3" in a hurry; "Node 2" is "node two". One word of the name that is a Roman
 * numeral (I–XX, in capitals) or a number 1–20, written or as a word, gives the name written with that number as
 * digits and as a word.
 */
final class Numerals {
    private static final List<String> WORDS = List.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty");
    private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
            "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx");
    /** Names of more words than this are not varied (a sentence-long name is said as written). */
    private static final int MAX_WORDS = 6;

    private Numerals() {}

    /** The name with its one number in the other forms; none when it holds no number or more than one. */
    static List<String> variants(String name) {
        String[] words = name.trim().split("\\s+");
        if (words.length < 2 || words.length > MAX_WORDS) {
            return List.of();
        }
        int at = -1;
        int value = 0;
        for (int i = 0; i < words.length; i++) {
            int v = value(words[i]);
            if (v > 0) {
                if (at >= 0) {
                    return List.of(); // two numbers: which one is said is not known
                }
                at = i;
                value = v;
            }
        }
        if (at < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String written = words[at].toLowerCase(Locale.ROOT);
        // a Roman numeral is not made up where the name has none ("Crane Link i" would be a pronoun)
        for (String form : List.of(String.valueOf(value), WORDS.get(value - 1))) {
            if (!form.equals(written)) {
                String[] copy = words.clone();
                copy[at] = form;
                out.add(String.join(" ", copy));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern PADDED = java.util.regex.Pattern.compile("(?<![0-9])0+(?=[1-9])");

    /**
     * The name with the zeros that pad its numbers left out ("web-01" → "web-1", "db-007" → "db-7"), as people type
     * it in a hurry; null when no number of it is padded.
     */
    static String unpadded(String name) {
        String out = PADDED.matcher(name).replaceAll("");
        return out.equals(name) ? null : out;
    }

    /** 1–20 for a number, a number word or an upper-case Roman numeral of those; 0 otherwise. */
    static int value(String word) {
        if (word.matches("[1-9]|1[0-9]|20")) {
            return Integer.parseInt(word);
        }
        int w = WORDS.indexOf(word.toLowerCase(Locale.ROOT));
        if (w >= 0) {
            return w + 1;
        }
        // upper case only: "Node I", "Interlocking III"; "vi" or "mix" in a lower-case name is a word
        return word.equals(word.toUpperCase(Locale.ROOT)) ? ROMAN.indexOf(word.toLowerCase(Locale.ROOT)) + 1 : 0;
    }
}
