package dev.opsuite.trace.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.KnownLength;
import io.grpc.protobuf.ProtoUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's bytes are the request's encoding however the stream hands them over. */
class RawTraceBatchTest {
    private final WriteTracesRequest request = WriteTracesRequest.newBuilder()
            .addTraces(Trace.newBuilder().setTraceId("a1").setQuestion("지난 24시간 서버A의 CPU 평균은?").setStatus("success"))
            .addTraces(Trace.newBuilder().setTraceId("b2").setQuestion("x".repeat(40_000)).setDurationMs(7))
            .build();

    @Test
    void anInProcessMessageStreamGivesItsEncoding() throws IOException {
        InputStream s = ProtoUtils.marshaller(WriteTracesRequest.getDefaultInstance()).stream(request);
        assertEquals(true, s instanceof KnownLength, "gRPC's message stream knows its length");
        RawTraceBatch b = RawTraceBatch.MARSHALLER.parse(s);
        List<byte[]> traces = b.traces();
        assertEquals(2, traces.size());
        assertArrayEquals(request.getTraces(0).toByteArray(), traces.get(0));
        assertArrayEquals(request.getTraces(1).toByteArray(), traces.get(1));
    }

    @Test
    void aStreamOfUnknownLengthAndOneLongerOrShorterThanItSaysAreReadWhole() throws IOException {
        byte[] encoded = request.toByteArray();
        assertArrayEquals(encoded, RawTraceBatch.bytes(new ByteArrayInputStream(encoded)));
        assertArrayEquals(encoded, RawTraceBatch.bytes(new Claiming(encoded, 10)));
        assertArrayEquals(encoded, RawTraceBatch.bytes(new Claiming(encoded, encoded.length + 10)));
        assertArrayEquals(encoded, RawTraceBatch.bytes(new Claiming(encoded, encoded.length)));
        assertArrayEquals(new byte[0], RawTraceBatch.bytes(new Claiming(new byte[0], 0)));
    }

    /** A KnownLength stream whose available() says {@code claimed}, whatever it holds. */
    private static final class Claiming extends ByteArrayInputStream implements KnownLength {
        private final int claimed;

        Claiming(byte[] b, int claimed) {
            super(b);
            this.claimed = claimed;
        }

        @Override
        public synchronized int available() {
            return claimed;
        }
    }
}
