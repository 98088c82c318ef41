package dev.opsuite.planner.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiled regular expressions from assets (time ranges, resolver patterns, depth patterns…),
 * shared across requests: the same asset patterns are compiled once, not on every question.
 * Bounded: past MAX entries the cache starts over (assets rarely hold more than a few hundred).
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
