package dev.opsuite.launcher;

import java.util.List;

/**
 * The Dalbit Games estate (src/test/resources/understanding4): a fourth domain (an online game publisher),
 * new code schemes and clock (a Sunday night, 100 minutes after midnight), written by new writers and
 * split once into dev8 (tuned on) and test4 (never tuned on).
 */
class UnderstandingDalbitTest extends UnderstandingSetTest {
    UnderstandingDalbitTest() {
        super("understanding4", "2026-11-29T01:40:00+09:00", List.of("questions.tsv"),
                ordered("dev8", 0.90, "test4", 0.86));
    }
}
