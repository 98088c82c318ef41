package dev.opsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The CPU counters the bench divides by asks: read from /proc, and heard at the window's edges. */
class CpuWindowTest {
    @Test
    void ownProcessCpuTicksGrowWithWorkAndAVanishedProcessReadsZero() {
        long pid = ProcessHandle.current().pid();
        long before = ProcFs.cpuTicks(pid);
        long sink = 0;
        long until = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < until) { // 0.4 s of one core: about 40 ticks
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        long after = ProcFs.cpuTicks(pid);
        assertTrue(after - before >= 10, "ticks " + before + " -> " + after + " (" + sink + ")");
        assertEquals(0, ProcFs.cpuTicks(Long.MAX_VALUE));
    }

    @Test
    void theWindowHearsItsStartAndEndWhileTheLoadRunsAndTheRatioIsPerCompletedRequest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger atStart = new AtomicInteger(-1);
        AtomicInteger atEnd = new AtomicInteger(-1);
        LoadDriver.Window w = new LoadDriver.Window() {
            @Override
            public void started() {
                atStart.set(calls.get());
            }

            @Override
            public void ended() {
                atEnd.set(calls.get());
            }
        };
        LoadDriver.Run run = LoadDriver.run("t", 2, Duration.ofMillis(200), Duration.ofMillis(300), 0, () -> {
            calls.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            });
        }, w);
        assertTrue(atStart.get() > 0, "warm-up requests ran before the window started");
        assertTrue(atEnd.get() > atStart.get(), "requests ran inside the window");
        assertTrue(run.completed() > 0);

        CpuWindow none = new CpuWindow(null); // no product: no figure rather than a made-up one
        none.started();
        none.ended();
        assertTrue(none.perAsk(run.completed()).isEmpty());
    }

    @Test
    void perAskDividesTicksIntoMillisecondsPerGroup() {
        ProductProcess.Cpu used = new ProductProcess.Cpu(300, 40, 60, 0).minus(new ProductProcess.Cpu(100, 20, 20, 0));
        assertEquals(260, used.total());
        ObjectNode o = CpuWindow.perAsk(used, 520).orElseThrow();
        assertEquals(5.0, o.path("all").asDouble()); // 260 ticks = 2.6 s over 520 asks
        assertEquals(3.85, o.path("all_in_one").asDouble(), 0.01);
        assertTrue(CpuWindow.perAsk(used, 0).isEmpty());
    }
}
