package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramFilterTest {
    private static final String LETTERS = "abcdeorstu결제서버";

    /** The filter may let a far string through, but never rules out one within the edits (the lemma's promise). */
    @Test
    void neverRulesOutATermWithinTheEdits() {
        Random random = new Random(12);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            terms.add(randomWord(random, 3 + random.nextInt(10)));
        }
        GramFilter filter = new GramFilter(terms);
        int ruledOut = 0;
        for (int i = 0; i < 20_000; i++) {
            // near a term (a few random edits) or anything
            String s = random.nextBoolean() ? mutate(random, terms.get(random.nextInt(terms.size())), random.nextInt(4))
                    : randomWord(random, 5 + random.nextInt(8));
            for (int edits = 1; edits <= 2; edits++) {
                int k = edits;
                boolean within = terms.stream().anyMatch(t -> Edits.distance(s, t) <= k);
                boolean prefixWithin = terms.stream().anyMatch(t -> Edits.prefixDistance(s, t) <= k);
                if (within) {
                    assertTrue(filter.mayBeWithin(s, k), () -> s + " is within " + k + " of a term");
                }
                if (prefixWithin) {
                    assertTrue(filter.mayPrefixWithin(s, k), () -> s + " is within " + k + " of a term's prefix");
                }
                ruledOut += filter.mayBeWithin(s, k) ? 0 : 1;
            }
        }
        // and it does rule out: most random words are far from every term
        assertTrue(ruledOut > 10_000, "ruled out " + ruledOut);
    }

    @Test
    void chattyWordsFarFromEveryNameAreRuledOutAndTyposAreNot() {
        GramFilter filter = new GramFilter(List.of("paymentapi", "payment", "api", "cartservice", "결제서비스", "ledgerdb"));
        assertFalse(filter.mayBeWithin("colleague", 1));
        assertFalse(filter.mayPrefixWithin("colleague", 1));
        assertTrue(filter.mayBeWithin("paymnet", 1), "a swapped pair is one edit");
        assertTrue(filter.mayBeWithin("cartsevrice", 2));
        assertTrue(filter.mayPrefixWithin("cartserv", 1));
        assertTrue(filter.mayPrefixWithin("결제서비", 1) || "결제서비".length() - 4 <= 0, "short strings are never ruled out");
        assertTrue(filter.mayBeWithin("abc", 1), "too short to bound: never ruled out");
    }

    @Test
    void stringsOutsideTheBasicPlaneAreNeverRuledOut() {
        GramFilter filter = new GramFilter(List.of("db\uD83D\uDE00server"));
        assertTrue(filter.mayBeWithin("dbxserver", 1));
        assertTrue(new GramFilter(List.of("ledgerdb")).mayBeWithin("zz\uD83D\uDE00zzzz", 1));
    }

    private static String randomWord(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }

    private static String mutate(Random random, String s, int edits) {
        StringBuilder b = new StringBuilder(s);
        for (int e = 0; e < edits && b.length() > 1; e++) {
            int i = random.nextInt(b.length() - 1);
            switch (random.nextInt(4)) {
                case 0 -> b.setCharAt(i, LETTERS.charAt(random.nextInt(LETTERS.length())));
                case 1 -> b.deleteCharAt(i);
                case 2 -> b.insert(i, LETTERS.charAt(random.nextInt(LETTERS.length())));
                default -> {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                }
            }
        }
        // a longer tail, so that the prefix case is exercised
        return random.nextInt(3) == 0 ? b + "tail" : b.toString();
    }
}
