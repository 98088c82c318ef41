package dev.opsuite.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ChildOutputPumpTest {

    @Test
    void completesWithTheReadyLineAndCutsLongLines() throws Exception {
        String longLine = "x".repeat(ChildOutputPump.MAX_LINE_CHARS + 500);
        ChildOutputPump.Tail tail = new ChildOutputPump.Tail(2);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = pump("starting\r\n" + longLine + "\nREADY bolt://x\nafter\n", tail, ready);

        assertEquals("READY bolt://x", ready.get(5, TimeUnit.SECONDS));
        pump.join(5_000);
        String[] lastLines = tail.toString().split("\n");
        assertEquals(2, lastLines.length, "tail keeps only its capacity");
        assertEquals("READY bolt://x", lastLines[0]);
        assertEquals("after", lastLines[1]);
    }

    @Test
    void truncatesLinesLongerThanTheLimit() throws Exception {
        ChildOutputPump.Tail tail = new ChildOutputPump.Tail(5);
        pump("y".repeat(ChildOutputPump.MAX_LINE_CHARS * 3) + "\n", tail, null).join(5_000);
        String line = tail.toString();
        assertTrue(line.endsWith(" [line truncated]"), line.substring(line.length() - 40));
        assertEquals(ChildOutputPump.MAX_LINE_CHARS + " [line truncated]".length(), line.length());
    }

    @Test
    void failsTheReadyFutureWhenTheStreamEndsFirst() throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        pump("Error: could not start\n", new ChildOutputPump.Tail(5), ready).join(5_000);
        assertThrows(ExecutionException.class, () -> ready.get(1, TimeUnit.SECONDS));
    }

    private static Thread pump(String output, ChildOutputPump.Tail tail, CompletableFuture<String> ready) {
        return ChildOutputPump.start("test", new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)),
                LoggerFactory.getLogger(ChildOutputPumpTest.class), tail, ready == null ? null : "READY ", ready);
    }
}
