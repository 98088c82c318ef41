package dev.opsuite.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.WriteTracesRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipper's promise: every trace reaches the store exactly once, or the spill, never nowhere. */
class TraceShipperTest {
    /** Generous bound for asynchronous progress; only reached when something hangs. */
    private static final long WAIT_MS = 20_000;

    @TempDir
    Path spillDir;

    /** A trace-service stand-in: fails while told to, can be held at the door, records what it stored. */
    static final class FakeWriter implements Consumer<WriteTracesRequest> {
        private final AtomicInteger failuresLeft;
        /** While set, every call fails (trace-service is down). */
        final AtomicBoolean down;
        private final CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);
        final List<Integer> batchSizes = new ArrayList<>();
        final List<Trace> stored = new ArrayList<>();

        private FakeWriter(int failFirst, boolean down, CountDownLatch gate) {
            this.failuresLeft = new AtomicInteger(failFirst);
            this.down = new AtomicBoolean(down);
            this.gate = gate;
        }

        static FakeWriter failingFirst(int n) {
            return new FakeWriter(n, false, null);
        }

        static FakeWriter alwaysFailing() {
            return new FakeWriter(0, true, null);
        }

        static FakeWriter heldBy(CountDownLatch gate) {
            return new FakeWriter(0, false, gate);
        }

        @Override
        public void accept(WriteTracesRequest request) {
            synchronized (this) {
                batchSizes.add(request.getTracesCount());
            }
            entered.countDown();
            if (gate != null) {
                try {
                    if (!gate.await(WAIT_MS, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            if (down.get() || failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("trace-service unavailable");
            }
            synchronized (this) {
                stored.addAll(request.getTracesList());
            }
        }

        synchronized List<String> storedIds() {
            return stored.stream().map(Trace::getTraceId).toList();
        }

        synchronized List<Integer> batchSizes() {
            return List.copyOf(batchSizes);
        }
    }

    private static Trace trace(String id) {
        return Trace.newBuilder()
                .setTraceId(id)
                .setFeature("ops_ask")
                .setQuestion("서버A의 CPU 사용량은? (" + id + ")")
                .setStatus("success")
                .setDurationMs(42)
                .putAppliedAssets("query", "ci_queries@1")
                .addRoles("viewer")
                .setCreatedAt("2026-11-25T00:00:00Z")
                // the exact stage messages are Anys: the spill's JSON lines must carry them back
                .addStageInputs(dev.opsuite.proto.v1.StageInput.newBuilder().setStage("validate")
                        .setRequest(com.google.protobuf.Any.pack(dev.opsuite.proto.v1.ValidateRequest.newBuilder()
                                .addRoles("viewer").setPlan(dev.opsuite.proto.v1.Plan.newBuilder().setLanguage("ko"))
                                .build())))
                .addStageOutputs(dev.opsuite.proto.v1.StageOutput.newBuilder().setStage("validate")
                        .setResponse(com.google.protobuf.Any.pack(dev.opsuite.proto.v1.ValidateResponse.newBuilder()
                                .setValidatedPlan(dev.opsuite.proto.v1.ValidatedPlan.newBuilder().setAllowed(true))
                                .build())))
                .build();
    }

    private static List<String> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private static Map<String, Integer> counts(List<String> ids) {
        Map<String, Integer> m = new HashMap<>();
        ids.forEach(id -> m.merge(id, 1, Integer::sum));
        return m;
    }

    private static void assertEachExactlyOnce(List<String> expected, List<String> actual) {
        Map<String, Integer> c = counts(actual);
        assertEquals(expected.size(), actual.size(), "written: " + actual);
        for (String id : expected) {
            assertEquals(1, c.getOrDefault(id, 0), "times " + id + " was written; all: " + actual);
        }
    }

    private List<String> spilledIds() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(spillDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            }
        }
        return out;
    }

    private long spillFiles() throws IOException {
        if (!Files.isDirectory(spillDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spillDir)) {
            return files.count();
        }
    }

    @Test
    void failedBatchesAreRetriedUntilEveryTraceIsWrittenExactlyOnce() throws InterruptedException {
        FakeWriter writer = FakeWriter.failingFirst(3);
        List<String> ids = ids("retry-", 30);
        try (TraceShipper shipper = new TraceShipper(writer, new TraceSpill(spillDir), 4, 100)) {
            ids.forEach(id -> shipper.submit(trace(id)));

            // stored by the writer, then counted and no longer pending once the write returned (a moment later)
            await(() -> writer.storedIds().size() >= ids.size() && shipper.written() >= ids.size()
                    && ids.stream().allMatch(id -> shipper.pending(id).isEmpty()), "all traces are stored");

            assertEachExactlyOnce(ids, writer.storedIds());
            assertTrue(writer.batchSizes().stream().allMatch(n -> n >= 1 && n <= 4), "batch sizes " + writer.batchSizes());
            assertEquals(30, shipper.submitted());
            assertEquals(30, shipper.written());
            assertEquals(3, shipper.failedBatches());
            assertEquals(0, shipper.spilled());
            ids.forEach(id -> assertTrue(shipper.pending(id).isEmpty(), id + " is still pending"));
        }
        assertEquals(30, writer.storedIds().size(), "closing writes nothing twice");
    }

    @Test
    void storedTraceIsTheSubmittedOne() throws InterruptedException {
        FakeWriter writer = FakeWriter.failingFirst(0);
        try (TraceShipper shipper = new TraceShipper(writer, new TraceSpill(spillDir), 8, 16)) {
            shipper.submit(trace("same-1"));
            await(() -> writer.storedIds().size() == 1, "the trace is stored");
        }
        assertEquals(trace("same-1"), writer.stored.get(0));
    }

    @Test
    void pendingReturnsTheTraceUntilItIsWritten() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        FakeWriter writer = FakeWriter.heldBy(gate);
        try (TraceShipper shipper = new TraceShipper(writer, new TraceSpill(spillDir), 4, 16)) {
            shipper.submit(trace("pending-1"));
            assertTrue(writer.entered.await(WAIT_MS, TimeUnit.MILLISECONDS), "the writer was called");

            assertEquals(trace("pending-1"), shipper.pending("pending-1").orElseThrow());
            assertTrue(shipper.pending("never-submitted").isEmpty());

            gate.countDown();
            await(() -> shipper.pending("pending-1").isEmpty(), "the trace is no longer pending");
            assertEquals(List.of("pending-1"), writer.storedIds());
        }
    }

    @Test
    void pendingStaysWhileTheStoreKeepsFailing() throws InterruptedException {
        FakeWriter writer = FakeWriter.alwaysFailing();
        try (TraceShipper shipper = new TraceShipper(writer, new TraceSpill(spillDir), 4, 16)) {
            shipper.submit(trace("flaky-1"));
            await(() -> writer.batchSizes().size() >= 2, "two attempts failed");

            assertEquals(trace("flaky-1"), shipper.pending("flaky-1").orElseThrow());

            writer.down.set(false);
            // stored, then no longer pending once the write returned (a moment later)
            await(() -> writer.storedIds().size() == 1 && shipper.pending("flaky-1").isEmpty(), "the trace is stored");
            assertEquals(1, writer.storedIds().size());
        }
    }

    @Test
    void overflowGoesToTheSpillAndANewShipperReplaysIt() throws InterruptedException, IOException {
        CountDownLatch gate = new CountDownLatch(1);
        FakeWriter first = FakeWriter.heldBy(gate);
        List<String> ids = ids("overflow-", 6);
        try (TraceShipper shipper = new TraceShipper(first, new TraceSpill(spillDir), 1, 2)) {
            shipper.submit(trace(ids.get(0)));
            assertTrue(first.entered.await(WAIT_MS, TimeUnit.MILLISECONDS), "the writer holds the first trace");
            ids.subList(1, 6).forEach(id -> shipper.submit(trace(id))); // 2 fit the queue, 3 overflow

            assertEquals(3, shipper.spilled());
            List<String> spilled = spilledIds();
            assertEquals(3, spilled.size(), "spill lines: " + spilled);
            for (String id : ids.subList(3, 6)) {
                assertTrue(spilled.stream().anyMatch(l -> l.contains(id)), id + " not in the spill: " + spilled);
            }

            gate.countDown();
            await(() -> first.storedIds().size() == 3, "the queued traces are stored");
        }
        assertEquals(ids.subList(0, 3), first.storedIds());

        FakeWriter second = FakeWriter.failingFirst(0);
        try (TraceShipper replaying = new TraceShipper(second, new TraceSpill(spillDir), 2, 16)) {
            await(() -> second.storedIds().size() == 3, "the spilled traces are replayed");
            assertEquals(0, replaying.spilled());
        }
        List<String> all = new ArrayList<>(first.storedIds());
        all.addAll(second.storedIds());
        assertEachExactlyOnce(ids, all);
        assertEquals(trace(ids.get(5)), second.stored.stream().filter(t -> t.getTraceId().equals(ids.get(5)))
                .findFirst().orElseThrow(), "a replayed trace is the original, field for field");
        assertEquals(0, spillFiles(), "the replayed spill is removed");
    }

    @Test
    void closeWithAStoreThatNeverRecoversSpillsTheBatchInFlightAndTheQueue() throws InterruptedException, IOException {
        FakeWriter dead = FakeWriter.alwaysFailing();
        List<String> ids = ids("queued-", 7);
        TraceShipper shipper = new TraceShipper(dead, new TraceSpill(spillDir), 2, 100);
        ids.forEach(id -> shipper.submit(trace(id)));

        await(() -> !dead.batchSizes().isEmpty(), "the store was tried");

        // the batch in flight keeps failing and the rest stays queued: close gives up after its flush
        // period and must spill both
        shipper.close();

        assertTrue(dead.batchSizes().stream().allMatch(n -> n <= 2), "batch sizes " + dead.batchSizes());
        assertEquals(0, shipper.written());
        assertEquals(7, shipper.spilled());
        assertEquals(7, spilledIds().size());
        FakeWriter alive = FakeWriter.failingFirst(0);
        try (TraceShipper replaying = new TraceShipper(alive, new TraceSpill(spillDir), 3, 100)) {
            await(() -> alive.storedIds().size() == 7, "the spilled traces are replayed");
        }
        assertEachExactlyOnce(ids, alive.storedIds());
        assertTrue(alive.batchSizes().stream().allMatch(n -> n <= 3), "batch sizes " + alive.batchSizes());
    }

    @Test
    void nothingIsSpilledWhenTheStoreIsHealthy() throws InterruptedException, IOException {
        FakeWriter writer = FakeWriter.failingFirst(0);
        try (TraceShipper shipper = new TraceShipper(writer, new TraceSpill(spillDir), 5, 50)) {
            ids("ok-", 12).forEach(id -> shipper.submit(trace(id)));
            await(() -> writer.storedIds().size() == 12, "all are stored");
        }
        assertEachExactlyOnce(ids("ok-", 12), writer.storedIds());
        assertFalse(spillFiles() > 0, "spill dir has files");
    }

    @Test
    void aTraceTheStoreRefusesIsKeptAsideAndDoesNotBlockTheOthers() throws Exception {
        // #13's hostile corpus found it: one refused trace (a NUL in a field) retried forever blocked every later one
        List<String> stored = java.util.Collections.synchronizedList(new ArrayList<>());
        Consumer<WriteTracesRequest> writer = req -> {
            if (req.getTracesList().stream().anyMatch(t -> t.getTraceId().equals("poison"))) {
                throw dev.opsuite.model.errors.OpsException.invalid("traces[0]: text fields must not contain NUL");
            }
            req.getTracesList().forEach(t -> stored.add(t.getTraceId()));
        };
        TraceShipper shipper = new TraceShipper(writer, new TraceSpill(spillDir), 50, 1000);
        try {
            shipper.submit(trace("a"));
            shipper.submit(trace("poison"));
            shipper.submit(trace("b"));
            await(() -> stored.contains("b") && shipper.rejected() == 1, "the others stored, the poison kept aside");
            shipper.submit(trace("c"));
            await(() -> stored.contains("c"), "later traces still flow");
            assertTrue(shipper.pending("poison").isEmpty());
            try (Stream<Path> files = Files.list(spillDir)) {
                List<Path> rejected = files.filter(f -> f.getFileName().toString().startsWith("rejected-")).toList();
                assertEquals(1, rejected.size());
                assertTrue(Files.readString(rejected.get(0)).contains("poison"));
            }
        } finally {
            shipper.close();
        }
        List<String> replayed = new ArrayList<>();
        new TraceSpill(spillDir).replay(t -> replayed.add(t.getTraceId()));
        assertEquals(List.of(), replayed, "a refused trace is never replayed");
    }

    /**
     * A kill -9 is the shipper abandoned without close() while trace-service is down: in the default
     * mode the queued traces are gone with the process; in the durable mode the next start replays
     * every one from the journal, and the journal is empty once they are stored.
     */
    @Test
    void theDurableModeLosesNothingWhenTheProcessDiesWithTracesQueued() throws Exception {
        for (boolean durable : new boolean[] {false, true}) {
            Path dir = spillDir.resolve(durable ? "durable" : "memory");
            FakeWriter down = FakeWriter.alwaysFailing();
            TraceShipper killed = new TraceShipper(down, new TraceSpill(dir), 10, 1_000,
                    durable ? new TraceJournal(dir, true) : null);
            List<String> asked = ids("k" + durable, 60);
            asked.forEach(id -> killed.submit(trace(id)));
            // "kill -9": no close(), nothing drained to the spill; the worker is left retrying a dead store
            FakeWriter back = FakeWriter.failingFirst(0);
            TraceShipper next = new TraceShipper(back, new TraceSpill(dir), 10, 1_000,
                    durable ? new TraceJournal(dir, true) : null);
            if (durable) {
                await(() -> back.storedIds().size() >= asked.size(), "every journaled trace is stored");
                assertEquals(new java.util.TreeSet<>(asked), new java.util.TreeSet<>(back.storedIds()));
                next.close();
                try (Stream<Path> left = Files.list(dir)) {
                    assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("journal-")).toList(),
                            "the journal is emptied once its traces are stored");
                }
            } else {
                Thread.sleep(300);
                assertEquals(List.of(), back.storedIds(), "in memory only, the queued traces died with the process");
                next.close();
            }
            down.down.set(false);
        }
    }
}
