package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a list within one edit of a word (insert, delete, substitute, swap of neighbours — as
 * {@link Edits#distance}), found through their one-deletion variants (the symmetric deletion
 * neighbourhood): two words one edit apart always share a variant — the shorter word is a deletion of
 * the longer, a substitution or a swap leaves one deletion in common — so only those candidates are
 * compared, not every word of the list. Answers in the list's order. Immutable.
 */
final class OneEditIndex {
    private final String[] words;
    private final Map<String, int[]> byVariant;

    OneEditIndex(Iterable<String> inOrder) {
        List<String> list = new ArrayList<>();
        inOrder.forEach(list::add);
        this.words = list.toArray(String[]::new);
        Map<String, List<Integer>> building = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            for (String v : variants(words[i])) {
                List<Integer> at = building.computeIfAbsent(v, k -> new ArrayList<>());
                if (at.isEmpty() || at.get(at.size() - 1) != i) {
                    at.add(i);
                }
            }
        }
        Map<String, int[]> frozen = new HashMap<>();
        building.forEach((v, at) -> frozen.put(v, at.stream().mapToInt(Integer::intValue).toArray()));
        this.byVariant = frozen;
    }

    /** The words exactly one edit from {@code s}, in the order the index was given them. */
    List<String> oneEditFrom(String s) {
        BitSet candidates = new BitSet(words.length);
        for (String v : variants(s)) {
            int[] at = byVariant.get(v);
            if (at != null) {
                for (int i : at) {
                    candidates.set(i);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (Edits.distance(words[i], s) == 1) {
                out.add(words[i]);
            }
        }
        return out;
    }

    /** The word and each of its one-character deletions. */
    private static List<String> variants(String w) {
        List<String> out = new ArrayList<>(w.length() + 1);
        out.add(w);
        for (int i = 0; i < w.length(); i++) {
            out.add(w.substring(0, i) + w.substring(i + 1));
        }
        return out;
    }
}
