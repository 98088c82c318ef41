package dev.opsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import org.junit.jupiter.api.Test;

/** The request's mode word: the guide's two lowercase words, empty as real, anything else refused. */
class OpsModeTest {
    @Test
    void theTwoWordsAndEmptyAreRead() {
        assertEquals(OpsMode.REAL, OpsMode.of(""));
        assertEquals(OpsMode.REAL, OpsMode.of(null));
        assertEquals(OpsMode.REAL, OpsMode.of("real"));
        assertEquals(OpsMode.MOCK, OpsMode.of("mock"));
        assertTrue(OpsMode.of("mock").isMock());
        assertEquals("mock", OpsMode.MOCK.word());
    }

    @Test
    void anyOtherWordIsRefusedNamingTheField() {
        for (String bad : new String[] {"MOCK", "Real", " real", "mock ", "fake", "x".repeat(500)}) {
            OpsException e = assertThrows(OpsException.class, () -> OpsMode.of(bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertEquals("mode", e.field());
            assertTrue(e.getMessage().length() < 120, "the word is clipped: " + e.getMessage());
        }
    }
}
