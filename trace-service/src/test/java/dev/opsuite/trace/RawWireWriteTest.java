package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import dev.opsuite.proto.v1.WriteTracesRequest;
import dev.opsuite.proto.v1.WriteTracesResponse;
import dev.opsuite.kit.grpc.EncodedRequests;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * WriteTraces is served from each trace's encoded bytes. What a client puts on the wire is what
 * any protobuf parser would make of it: merged repeated fields, unknown fields kept, garbage refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawWireWriteTest {
    private static final MethodDescriptor<byte[], WriteTracesResponse> RAW_WRITE =
            EncodedRequests.of(TraceServiceGrpc.getWriteTracesMethod());

    private RunningService svc;

    @BeforeAll
    void start() {
        svc = RunningService.start(TestDatabase.config(TestDatabase.freshDatabaseUrl()));
    }

    @AfterAll
    void stop() throws InterruptedException {
        svc.close();
    }

    private int writeRaw(byte[] request) {
        return ClientCalls.blockingUnaryCall(svc.channel, RAW_WRITE,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), request).getWritten();
    }

    private Trace fetch(String id) {
        return svc.traces().fetchTrace(FetchTraceRequest.newBuilder().setTraceId(id).build()).getTrace();
    }

    /** A WriteTracesRequest by hand: each trace as field 1, length-delimited. */
    private static byte[] request(byte[]... traces) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        for (byte[] t : traces) {
            o.writeByteArray(WriteTracesRequest.TRACES_FIELD_NUMBER, t);
        }
        o.flush();
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void concatenatedEncodingsAreStoredAsTheMergedTrace() throws IOException {
        Trace template = SampleTraces.full("", Instant.parse("2026-03-01T00:00:00Z"), 3).toBuilder().clearTraceId().build();
        Trace suffix = Trace.newBuilder().setTraceId("merged-1").setQuestion("overridden later").build();
        byte[] body = concat(template.toByteArray(), suffix.toByteArray());
        assertEquals(1, writeRaw(request(body)));
        assertEquals(template.toBuilder().mergeFrom(suffix).build(), fetch("merged-1"));
        // the indexed columns see the same merged values
        assertEquals("overridden later", svc.traces().searchTraces(dev.opsuite.proto.v1.SearchTracesRequest
                .newBuilder().setQ("overridden").build()).getTraces(0).getQuestion());
    }

    @Test
    void unknownFieldsOfANewerWriterAreKept() throws IOException {
        Trace t = Trace.newBuilder().setTraceId("newer-1").setCreatedAt("2026-03-01T00:00:00Z").build();
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(extra);
        o.writeString(999, "from a newer schema");
        o.flush();
        assertEquals(1, writeRaw(request(concat(t.toByteArray(), extra.toByteArray()))));
        Trace back = fetch("newer-1");
        assertEquals("newer-1", back.getTraceId());
        assertTrue(back.getUnknownFields().hasField(999), "unknown field survives storage");
    }

    @Test
    void garbageIsRefusedAndNothingOfTheBatchIsStored() throws IOException {
        byte[] good = Trace.newBuilder().setTraceId("good-of-bad-batch").build().toByteArray();
        // not a protobuf at all
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> writeRaw(new byte[] {(byte) 0xff, (byte) 0xff, 0x0f}));
        // a well-framed request whose second trace is truncated
        byte[] truncated = java.util.Arrays.copyOf(SampleTraces.full("cut", Instant.now(), 1).toByteArray(), 40);
        String msg = assertStatus(Status.Code.INVALID_ARGUMENT, () -> writeRaw(request(good, truncated)));
        assertTrue(msg.contains("traces[1]"), msg);
        // a string that is not UTF-8
        byte[] badUtf8 = {0x0a, 0x02, (byte) 0xc3, 0x28};
        msg = assertStatus(Status.Code.INVALID_ARGUMENT, () -> writeRaw(request(good, badUtf8)));
        assertTrue(msg.contains("traces[1]"), msg);
        assertStatus(Status.Code.NOT_FOUND, () -> fetch("good-of-bad-batch"));
    }
}
