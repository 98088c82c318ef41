package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Says cheaply when no term of a set can be within a few edits of a string, so that the dictionary's
 * fuzzy queries — whose Levenshtein automata cost a millisecond or more to build for a long word — are
 * run only when they might find something. Most words of a chatty question ("telling", "colleague")
 * are near no name at all.
 *
 * <p>The bound is the positional q-gram lemma (Ukkonen 1992; Gravano et al. 2001) for q = 2, with a
 * transposition counted as one edit: of the |s| − 1 bigrams of s, an insertion breaks at most one, a
 * deletion or substitution two, a transposition three, and an unbroken one sits in t at most k places
 * from where it sits in s. So when s is within k edits of t, at least {@code |s| − 1 − 3k} bigram
 * occurrences of s occur in t within k positions. The count used here — occurrences of s with the
 * same bigram in t within k positions — is never below that for such a t, so a term it rules out is
 * surely too far: the filter only skips queries that would return nothing (answers are unchanged).
 * A prefix of t within k edits of s is ruled out the same way (its bigrams sit where t's do).
 *
 * <p>Strings with characters outside the Basic Multilingual Plane are never ruled out (an edit of one
 * code point changes two chars). Immutable; the counting scratch is per thread, two bytes a term (a count stops
 * at the number needed: the first term to reach it answers).
 */
final class GramFilter {
    private final String[] terms;
    /** Bigram → (term id, position) pairs, the id in the high half. */
    private final Map<Integer, long[]> postings;
    private final int[] supplementary;
    private final ThreadLocal<short[]> scratch;

    GramFilter(Collection<String> strings) {
        this.terms = new LinkedHashSet<>(strings).toArray(String[]::new);
        List<Integer> outsideBmp = new ArrayList<>();
        Map<Integer, List<Long>> building = new HashMap<>();
        for (int t = 0; t < terms.length; t++) {
            String s = terms[t];
            if (hasSurrogate(s)) {
                outsideBmp.add(t);
            }
            for (int i = 0; i + 1 < s.length(); i++) {
                building.computeIfAbsent(gram(s, i), g -> new ArrayList<>()).add(((long) t << 32) | i);
            }
        }
        Map<Integer, long[]> frozen = new HashMap<>();
        building.forEach((g, ids) -> frozen.put(g, ids.stream().mapToLong(Long::longValue).toArray()));
        this.postings = frozen;
        this.supplementary = outsideBmp.stream().mapToInt(Integer::intValue).toArray();
        int size = terms.length;
        this.scratch = ThreadLocal.withInitial(() -> new short[size]);
    }

    /** False only when no term can be within {@code edits} of s (transpositions counting one). */
    boolean mayBeWithin(String s, int edits) {
        return may(s, edits, false);
    }

    /** False only when no term can begin with a prefix within {@code edits} of s. */
    boolean mayPrefixWithin(String s, int edits) {
        return may(s, edits, true);
    }

    private boolean may(String s, int edits, boolean prefix) {
        int n = s.length();
        if (n - 1 - 3 * edits <= 0 || hasSurrogate(s)) {
            return true;
        }
        for (int t : supplementary) {
            if (fits(n, terms[t].length(), edits, prefix)) {
                return true;
            }
        }
        int needed = needed(n, edits);
        if (needed > Short.MAX_VALUE) {
            return true;
        }
        short[] counts = scratch.get();
        List<Integer> touched = new ArrayList<>();
        try {
            for (int i = 0; i + 1 < n; i++) {
                long[] hits = postings.get(gram(s, i));
                if (hits == null) {
                    continue;
                }
                int last = -1;
                for (long hit : hits) {
                    int t = (int) (hit >>> 32);
                    int at = (int) hit;
                    // an occurrence of s counts once per term, and only where an alignment could put it
                    if (t == last || Math.abs(at - i) > edits || !fits(n, terms[t].length(), edits, prefix)) {
                        continue;
                    }
                    last = t;
                    if (counts[t] == 0) {
                        touched.add(t);
                    }
                    if (++counts[t] >= needed) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            for (int t : touched) {
                counts[t] = 0;
            }
        }
    }

    private static boolean fits(int n, int len, int edits, boolean prefix) {
        return prefix ? len >= n - edits : Math.abs(len - n) <= edits;
    }

    private static int needed(int n, int edits) {
        return n - 1 - 3 * edits;
    }

    private static int gram(String s, int i) {
        return (s.charAt(i) << 16) | s.charAt(i + 1);
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
