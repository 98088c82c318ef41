package dev.opsuite.launcher;

import java.util.List;

/**
 * The Hanbit University campus-IT estate (src/test/resources/understanding5): a fifth domain (a Korean
 * university: LMS, portal, course registration, library, HPC, mail, Wi-Fi, door access, payroll), new code
 * schemes (underscores, all-digit suffixes) and clock (a Thursday morning, 09:40), written by new writers and
 * split once into dev9 (tuned on) and test5 (never tuned on). First measured before any tuning on it (2026-12-04):
 * dev9 78.8 / 78.4 %, test5 81.2 / 79.7 % (clean / beside the demo); the floors sit under the figures since.
 */
class UnderstandingCampusTest extends UnderstandingSetTest {
    UnderstandingCampusTest() {
        super("understanding5", "2026-12-03T09:40:00+09:00", List.of("questions.tsv"),
                ordered("dev9", 0.86, "test5", 0.75));
    }
}
