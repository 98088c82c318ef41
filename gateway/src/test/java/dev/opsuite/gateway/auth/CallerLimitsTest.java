package dev.opsuite.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerLimitsTest {
    private static final Principal ALICE = new Principal("alice", "key", List.of("viewer"));
    private static final Principal BOB = new Principal("bob", "key", List.of("viewer"));

    @Test
    void aCallerOverItsInFlightLimitIsRefusedUntilACallEnds() {
        CallerLimits limits = new CallerLimits(0, 2);
        Runnable a = limits.acquire(ALICE, "Ask");
        limits.acquire(ALICE, "Ask");
        OpsException e = assertThrows(OpsException.class, () -> limits.acquire(ALICE, "Ask"));
        assertEquals(ErrorCode.TOO_MANY_REQUESTS, e.code());
        assertTrue(e.getMessage().startsWith(CallerLimits.PREFIX), e.getMessage());
        limits.acquire(BOB, "Ask"); // another caller has its own allowance
        a.run();
        a.run(); // released once, however often it is called
        limits.acquire(ALICE, "Ask");
        assertThrows(OpsException.class, () -> limits.acquire(ALICE, "Ask"));
    }

    @Test
    void aCallerOverItsRateIsRefused() {
        CallerLimits limits = new CallerLimits(2, 100);
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            try {
                limits.acquire(ALICE, "Query").run();
            } catch (OpsException e) {
                refused++;
                assertTrue(e.getMessage().contains("requests per second"), e.getMessage());
            }
        }
        // 5 calls within well under a second, 2 per second: at most 4 pass even across a period boundary
        assertTrue(refused >= 1, "refused " + refused);
    }

    @Test
    void onlyTheCostlyOperationsAreLimited() {
        assertTrue(CallerLimits.limited("Ask") && CallerLimits.limited("Import") && CallerLimits.limited("StageTest"));
        assertTrue(!CallerLimits.limited("GetHealth") && !CallerLimits.limited("WhoAmI"));
    }
}
