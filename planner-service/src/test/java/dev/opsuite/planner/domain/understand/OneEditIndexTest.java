package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneEditIndexTest {
    /** The index answers exactly what a scan of the list with Edits.distance == 1 answers, in the same order. */
    @Test
    void sameWordsInTheSameOrderAsAScan() {
        Random random = new Random(3);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < 500) {
            words.add(word(random, 2 + random.nextInt(9)));
        }
        OneEditIndex index = new OneEditIndex(words);
        List<String> list = new ArrayList<>(words);
        int found = 0;
        for (int i = 0; i < 5000; i++) {
            String s = i % 2 == 0 ? near(random, list.get(random.nextInt(list.size()))) : word(random, 1 + random.nextInt(10));
            List<String> scan = list.stream().filter(w -> Edits.distance(w, s) == 1).toList();
            assertEquals(scan, index.oneEditFrom(s), s);
            found += scan.size();
        }
        assertTrue(found > 1000, "typos near the words were found: " + found);
    }

    @Test
    void typoKinds() {
        OneEditIndex index = new OneEditIndex(List.of("error", "memory", "happened", "happen"));
        assertEquals(List.of("memory"), index.oneEditFrom("memroy"), "a swap");
        assertEquals(List.of("error"), index.oneEditFrom("eror"), "a letter left out");
        assertEquals(List.of("error"), index.oneEditFrom("errorr"), "a letter too many");
        assertEquals(List.of("happened", "happen"), index.oneEditFrom("happend"));
        assertEquals(List.of(), index.oneEditFrom("memory"), "the word itself is no typo");
    }

    private static String word(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("aeinorst".charAt(random.nextInt(8)));
        }
        return b.toString();
    }

    private static String near(Random random, String w) {
        StringBuilder b = new StringBuilder(w);
        int i = random.nextInt(w.length());
        switch (random.nextInt(4)) {
            case 0 -> b.setCharAt(i, "aeinorst".charAt(random.nextInt(8)));
            case 1 -> b.deleteCharAt(i);
            case 2 -> b.insert(i, "aeinorst".charAt(random.nextInt(8)));
            default -> {
                if (i + 1 < b.length()) {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                }
            }
        }
        return b.toString();
    }
}
