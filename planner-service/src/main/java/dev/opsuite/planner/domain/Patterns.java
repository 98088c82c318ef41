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
}
