package dev.opsuite.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import io.grpc.Context;
import org.junit.jupiter.api.Test;

/** A golden-query run whose caller is gone stops before the next query, saying how far it got. */
class GoldenCancelTest {
    @Test
    void aCancelledCallStopsTheRun() throws Exception {
        Context.CancellableContext ctx = Context.current().withCancellation();
        ctx.cancel(null);
        OpsException e = assertThrows(OpsException.class, () -> ctx.call(() -> {
            GoldenApi.stopIfCancelled(3, 53);
            return null;
        }));
        assertEquals(ErrorCode.DEADLINE_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("after 3 of 53"), e.getMessage());
    }

    @Test
    void aLiveCallGoesOn() {
        GoldenApi.stopIfCancelled(0, 53);
    }
}
