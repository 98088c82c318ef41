package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceWriteFetchTest {
    private String url;
    private RunningService svc;

    @BeforeAll
    void start() {
        url = TestDatabase.freshDatabaseUrl();
        svc = RunningService.start(TestDatabase.config(url));
    }

    @AfterAll
    void stop() throws InterruptedException {
        svc.close();
    }

    private int write(List<Trace> traces) {
        return svc.traces().writeTraces(WriteTracesRequest.newBuilder().addAllTraces(traces).build()).getWritten();
    }

    private Trace fetch(String id) {
        return svc.traces().fetchTrace(FetchTraceRequest.newBuilder().setTraceId(id).build()).getTrace();
    }

    @Test
    void batchOf100RoundTripsEveryFieldAndRewriteIsIdempotent() throws Exception {
        Instant base = Instant.parse("2026-01-25T10:30:00.123456Z");
        List<Trace> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(SampleTraces.full("rt-" + i, base.plusSeconds(i), i));
        }
        assertEquals(100, write(batch));
        for (Trace t : batch) {
            assertEquals(t, fetch(t.getTraceId()), "round trip of " + t.getTraceId());
        }

        // The body is the binary Trace; the columns mirror the scalar fields.
        assertEquals("서버A의 CPU 사용량은? #7|107|/ops/ci/ask|parent-1|rca|binary", Sql.queryText(url,
                "SELECT concat_ws('|', question, duration_ms, endpoint, parent_trace_id, feature,"
                        + " CASE WHEN body IS NULL AND body_pb IS NOT NULL THEN 'binary' END)"
                        + " FROM ops.traces WHERE trace_id = 'rt-7'"));
        assertEquals(batch.get(7), Trace.newBuilder().mergeFrom(Sql.queryBytes(url,
                "SELECT body_pb FROM ops.traces WHERE trace_id = 'rt-7'")).build());
        assertEquals(null, Sql.queryText(url, "SELECT parent_trace_id FROM ops.traces WHERE trace_id = 'rt-10'"));

        assertEquals(0, write(batch), "re-writing the same batch stores nothing new");
        List<Trace> mixed = new ArrayList<>(batch.subList(0, 10));
        mixed.add(SampleTraces.full("rt-new-1", base, 1));
        mixed.add(SampleTraces.full("rt-new-1", base, 2)); // duplicate inside one batch
        mixed.add(SampleTraces.full("rt-new-2", base, 3));
        assertEquals(2, write(mixed));
        assertEquals(SampleTraces.full("rt-new-1", base, 1), fetch("rt-new-1"), "first of the duplicates wins");
        // The original is never overwritten by a later write with the same id.
        Trace changed = batch.get(5).toBuilder().setQuestion("changed").build();
        assertEquals(0, write(List.of(changed)));
        assertEquals(batch.get(5), fetch(batch.get(5).getTraceId()));
    }

    @Test
    void emptyBatchWritesNothing() {
        assertEquals(0, write(List.of()));
    }

    @Test
    void traceWithoutIdRejectsTheWholeBatch() {
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        List<Trace> batch = List.of(SampleTraces.full("batch-ok", t0, 1),
                SampleTraces.full("", t0, 2));
        String msg = assertStatus(Status.Code.INVALID_ARGUMENT, () -> write(batch));
        assertTrue(msg.contains("traces[1]") && msg.contains("trace_id"), msg);
        assertStatus(Status.Code.NOT_FOUND, () -> fetch("batch-ok"));
    }

    @Test
    void invalidTracesAreRejectedWithAReason() {
        Trace badTime = Trace.newBuilder().setTraceId("bad-time").setCreatedAt("yesterday").build();
        assertTrue(assertStatus(Status.Code.INVALID_ARGUMENT, () -> write(List.of(badTime))).contains("created_at"));

        Trace longId = Trace.newBuilder().setTraceId("x".repeat(129)).build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> write(List.of(longId)));

        Trace nul = Trace.newBuilder().setTraceId("nul").setQuestion("a\u0000b").build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> write(List.of(nul)));

        // Inside the body a NUL is data like any other (bytes in storage, \u0000 in JSON).
        Trace nulInStruct = Trace.newBuilder().setTraceId("nul-struct").setCreatedAt("2026-01-25T10:30:00Z")
                .setRouteDecision(dev.opsuite.proto.v1.RouteDecision.newBuilder().setMetadata(Struct.newBuilder()
                        .putFields("k", Value.newBuilder().setStringValue("x\u0000").build()))).build();
        assertEquals(1, write(List.of(nulInStruct)));
        assertEquals(nulInStruct, fetch("nul-struct"));

        Trace nan = Trace.newBuilder().setTraceId("nan").setRouteDecision(
                dev.opsuite.proto.v1.RouteDecision.newBuilder().setMetadata(Struct.newBuilder()
                        .putFields("k", Value.newBuilder().setNumberValue(Double.NaN).build()))).build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> write(List.of(nan)));

        // A literal backslash followed by "u0000" is ordinary text, not a NUL.
        Trace backslash = Trace.newBuilder().setTraceId("backslash").setQuestion("path C:\\u0000dir").build();
        assertEquals(1, write(List.of(backslash)));
        assertEquals(backslash.toBuilder().setCreatedAt(fetch("backslash").getCreatedAt()).build(),
                fetch("backslash"));
    }

    @Test
    void minimalTraceGetsItsStoreTimeAsCreatedAt() {
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(1, write(List.of(Trace.newBuilder().setTraceId("minimal").build())));
        Trace back = fetch("minimal");
        assertEquals("minimal", back.getTraceId());
        Instant createdAt = Instant.parse(back.getCreatedAt());
        assertFalse(createdAt.isBefore(before));
        assertFalse(createdAt.isAfter(Instant.now().plusSeconds(1)));
    }

    @Test
    void createdAtWithOffsetIsAccepted() {
        Trace t = Trace.newBuilder().setTraceId("offset").setCreatedAt("2026-01-25T19:30:00+09:00").build();
        assertEquals(1, write(List.of(t)));
        assertEquals(t, fetch("offset"), "the body keeps the writer's text");
    }

    @Test
    void rowsStoredAsJsonbBeforeBinaryStorageAreStillRead() {
        Trace old = SampleTraces.full("legacy-1", Instant.parse("2025-12-01T08:00:00Z"), 4);
        Sql.run(url, "INSERT INTO ops.traces (trace_id, status, created_at, body) VALUES ('legacy-1', 'success',"
                + " '2025-12-01T08:00:00Z', '" + dev.opsuite.kit.json.Structs.toJson(old).replace("'", "''") + "'::jsonb)");
        assertEquals(old, fetch("legacy-1"));
    }

    @Test
    void fetchUnknownIsNotFound() {
        String msg = assertStatus(Status.Code.NOT_FOUND, () -> fetch("no-such-trace"));
        assertTrue(msg.contains("no-such-trace"), msg);
        assertStatus(Status.Code.NOT_FOUND, () -> fetch("y".repeat(128)));
    }

    @Test
    void badIdsAreInvalidArgument() {
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> fetch(""));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> fetch("z".repeat(129)));
    }
}
