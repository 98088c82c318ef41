package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases by compact form ({@link Analyzed#compactOf}), matched in a question from a token start to
 * a token end: "cpu 사용량", "cpu사용량" and "CPU-사용량" are one phrase, "db" never matches inside
 * "dba". Hashing each boundary-aligned slice keeps a match O(boundaries × longest phrase).
 */
public final class PhraseTable<E> {
    private final Map<String, List<E>> byCompact = new HashMap<>();
    private int longest;

    public void add(String phrase, E entry) {
        String c = Analyzed.compactOf(phrase);
        if (c.isEmpty()) {
            return;
        }
        List<E> list = byCompact.computeIfAbsent(c, k -> new ArrayList<>(1));
        if (!list.contains(entry)) {
            list.add(entry);
        }
        longest = Math.max(longest, c.length());
    }

    public boolean containsCompact(String compact) {
        return byCompact.containsKey(compact);
    }

    public List<E> get(String compact) {
        return byCompact.getOrDefault(compact, List.of());
    }

    public int size() {
        return byCompact.size();
    }

    public record Match<E>(Span span, String compact, List<E> entries) {}

    /** Every boundary-aligned occurrence, longest first (ties: leftmost first). */
    public List<Match<E>> find(Analyzed a) {
        List<Match<E>> out = new ArrayList<>();
        String compact = a.compact();
        for (int s : a.startBoundaries()) {
            for (int e : a.endBoundaries().tailSet(s + 1)) {
                if (e - s > longest) {
                    break;
                }
                List<E> hit = byCompact.get(compact.substring(s, e));
                if (hit != null) {
                    out.add(new Match<>(new Span(a.textStart(s), a.textEnd(e)), compact.substring(s, e), hit));
                }
            }
        }
        out.sort((x, y) -> x.compact().length() != y.compact().length() ? y.compact().length() - x.compact().length()
                : x.span().start() - y.span().start());
        return out;
    }
}
