package dev.opsuite.launcher;

import java.util.List;

/**
 * The Hangyeol University Hospital estate (src/test/resources/understanding3): a third domain, code
 * schemes and clock (a Tuesday evening), written by new writers and split once into dev7 (tuned on)
 * and test3 (never tuned on).
 */
class UnderstandingHospitalTest extends UnderstandingSetTest {
    UnderstandingHospitalTest() {
        super("understanding3", "2026-12-01T21:45:00+09:00", List.of("questions.tsv"),
                ordered("dev7", 0.88, "test3", 0.85));
    }
}
