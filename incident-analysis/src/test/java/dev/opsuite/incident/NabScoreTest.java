package dev.opsuite.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How NabScore reads NAB's definitions: the probationary period and a detection inside a label. */
class NabScoreTest {
    private static final long[] LABEL = {1_000, 2_000};

    @Test
    void theProbationaryPeriodIsFifteenPercentAtMostSevenHundredFifty() {
        assertEquals(604, NabScore.probationIndex(4032));
        assertEquals(750, NabScore.probationIndex(5000));
        assertEquals(750, NabScore.probationIndex(22_695));
    }

    @Test
    void aWindowHitsALabelByItsStartPeakOrEnd() {
        assertTrue(NabScore.pointsInto(window(900, 1_500, 1_100), LABEL), "peak inside");
        assertTrue(NabScore.pointsInto(window(1_500, 2_500, 2_400), LABEL), "start inside");
        assertTrue(NabScore.pointsInto(window(500, 1_200, 600), LABEL), "end (a level shift's alarm) inside");
    }

    @Test
    void aWindowRunningPastALabelWithoutPointingIntoItDoesNotHitIt() {
        assertFalse(NabScore.pointsInto(window(0, 9_000, 5_000), LABEL));
        assertFalse(NabScore.pointsInto(window(2_001, 2_500, 2_200), LABEL));
    }

    private static AnomalyWindow window(long start, long end, long peakAt) {
        return new AnomalyWindow(AnomalyWindow.Kind.OUTLIER, start, end, peakAt, 1, 0, 9, 3);
    }
}
