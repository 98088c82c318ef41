package dev.opsuite.planner.domain;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled regular expressions from assets (time expressions, resolver patterns, depth and
 * threshold patterns…), shared across requests. Asset patterns are written by operators and run on
 * every question, so they run on RE2/J: matching is linear in the text, whatever the pattern (no
 * backtracking, no look-around, no back-references). Bounded: past MAX entries the cache starts over.
 */
public final class Patterns {
    private static final int MAX = 4096;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Patterns() {}

    /** Like {@link Pattern#compile(String, int)}, including its PatternSyntaxException. */
    public static Pattern of(String regex, int flags) {
        String key = flags + ":" + regex;
        Pattern p = CACHE.get(key);
        if (p == null) {
            p = Pattern.compile(regex, flags);
            if (CACHE.size() >= MAX) {
                CACHE.clear();
            }
            CACHE.put(key, p);
        }
        return p;
    }

    public static Pattern of(String regex) {
        return of(regex, 0);
    }

    /**
     * An asset pattern to be matched case-insensitively. When the pattern has no upper-case letter of
     * its own (group names and the escapes \D \S \W \B aside — the assets' patterns are written in
     * lower case), it runs case-sensitively over the text lower-cased character by character, which
     * finds the same matches at the same offsets; RE2/J's case folding costs a fold per character and
     * state, and the time patterns alone took a twelfth of an ask's CPU with it. Otherwise it runs with
     * {@link Pattern#CASE_INSENSITIVE} over the text as it is.
     */
    public record Caseless(Pattern pattern, boolean overLowered, java.util.List<String> required) {
        /** @param lowered {@link #lower(String)} of {@code text}, computed once for many patterns */
        public com.google.re2j.Matcher matcher(String text, String lowered) {
            return pattern.matcher(overLowered ? lowered : text);
        }

        /**
         * False when the pattern surely finds nothing in the text: it runs over the lowered text and
         * the text contains none of the literals every match contains ({@link RequiredLiterals}).
         */
        public boolean mayMatch(String lowered) {
            return containsAny(lowered, required);
        }
    }

    private static final Map<String, Caseless> CASELESS = new ConcurrentHashMap<>();
    private static final java.util.regex.Pattern NOT_LETTERS_OF_ITS_OWN =
            java.util.regex.Pattern.compile("\\\\[DSWBdswb]|\\(\\?P?<[A-Za-z_][A-Za-z0-9_]*>");

    public static Caseless caseless(String regex) {
        Caseless c = CASELESS.get(regex);
        if (c == null) {
            boolean upper = NOT_LETTERS_OF_ITS_OWN.matcher(regex).replaceAll("").chars().anyMatch(Character::isUpperCase);
            if (upper) {
                c = new Caseless(of(regex, Pattern.CASE_INSENSITIVE), false, null);
            } else {
                // a prefilter only where matching is case-sensitive (over the lowered text): case folding
                // matches more than the literals say
                c = new Caseless(of(regex, 0), true, required(regex));
            }
            if (CASELESS.size() >= MAX) {
                CASELESS.clear();
            }
            CASELESS.put(regex, c);
        }
        return c;
    }

    private static final Map<String, java.util.Optional<java.util.List<String>>> REQUIRED = new ConcurrentHashMap<>();

    /** The literals one of which every match of the pattern contains, or null (see {@link RequiredLiterals}). */
    private static java.util.List<String> required(String regex) {
        java.util.Optional<java.util.List<String>> r = REQUIRED.get(regex);
        if (r == null) {
            java.util.Set<String> found = RequiredLiterals.of(regex);
            r = java.util.Optional.ofNullable(found == null ? null : java.util.List.copyOf(found));
            if (REQUIRED.size() >= MAX) {
                REQUIRED.clear();
            }
            REQUIRED.put(regex, r);
        }
        return r.orElse(null);
    }

    /**
     * Whether a pattern compiled without flags may find something in the text: false only when the text
     * holds none of the literals every match contains — then running it would find nothing.
     */
    public static boolean mayFind(String regex, String text) {
        return containsAny(text, required(regex));
    }

    private static boolean containsAny(String text, java.util.List<String> literals) {
        if (literals == null) {
            return true;
        }
        for (String l : literals) {
            if (text.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case character by character: the same length and offsets as the text. */
    public static String lower(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }
}
