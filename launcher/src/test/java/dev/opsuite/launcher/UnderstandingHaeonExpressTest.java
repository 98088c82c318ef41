package dev.opsuite.launcher;

import java.util.List;

/**
 * The Haeon Express estate (src/test/resources/understanding2): another domain, other code schemes and
 * another clock (a Monday morning), written by new writers and split once into dev5 (tuned on) and
 * test2 (never tuned on).
 */
class UnderstandingHaeonExpressTest extends UnderstandingSetTest {
    UnderstandingHaeonExpressTest() {
        super("understanding2", "2026-11-30T10:30:00+09:00", List.of("questions.tsv", "questions_dev6.tsv"),
                ordered("dev5", 0.92, "dev6", 0.88, "test2", 0.86));
    }
}
