package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An empty result widens a relative window one step, never a period the question named. */
class ReplannerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"last_1h,last_24h", "last_30m,last_24h", "last_24h,last_7d", "last_3d,last_7d", "last_7d,last_30d",
        "last_2w,last_30d"})
    void aRelativeWindowWidensOneStep(String range, String wider) {
        assertEquals(wider, TimeRanges.widen(range));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"yesterday", "today", "this_week", "last_week", "since_monday", "last_30d", "last_90d",
        "day:2014-04-17", "month:2026-11", ""})
    void aNamedPeriodOrTheWidestWindowIsNeverWidened(String range) {
        assertNull(TimeRanges.widen(range), range);
    }
}
