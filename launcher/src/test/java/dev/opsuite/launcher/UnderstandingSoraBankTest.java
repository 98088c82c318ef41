package dev.opsuite.launcher;

import java.util.List;

/**
 * The Sora Bank estate (src/test/resources/understanding): the first set, split once into dev and
 * test, and the later dev2, dev3 and dev4 sets, tuned on after their first measurement.
 */
class UnderstandingSoraBankTest extends UnderstandingSetTest {
    UnderstandingSoraBankTest() {
        super("understanding", "2026-11-27T15:00:00+09:00",
                List.of("questions.tsv", "questions_dev2.tsv", "questions_dev3.tsv", "questions_dev4.tsv"),
                ordered("dev", 0.95, "dev2", 0.95, "dev3", 0.95, "dev4", 0.88, "test", 0.89));
    }
}
