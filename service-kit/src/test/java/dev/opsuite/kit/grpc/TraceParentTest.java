package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TraceParentTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsAValidHeaderAndWritesItBack() {
        TraceParent p = TraceParent.parse(VALID).orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", p.traceId());
        assertEquals("00f067aa0ba902b7", p.spanId());
        assertTrue(p.sampled());
        assertEquals(VALID, p.header());
        assertFalse(TraceParent.parse(VALID.replace("-01", "-00")).orElseThrow().sampled());
        // a later version may append fields; version 00 may not
        assertTrue(TraceParent.parse("01" + VALID.substring(2) + "-what-comes-next").isPresent());
    }

    @Test
    void ignoresWhatIsNotOne() {
        for (String bad : new String[] {null, "", "garbage", VALID.toUpperCase(), VALID + "-extra",
                "ff" + VALID.substring(2), "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "01" + VALID.substring(2) + "-" + "x".repeat(300)}) {
            assertEquals(Optional.empty(), TraceParent.parse(bad), String.valueOf(bad));
        }
        assertEquals(32, TraceParent.newTraceId().length());
        assertEquals(16, TraceParent.newSpanId().length());
    }

    @Test
    void travelsFromTheCallersContextToTheHandlers() throws Exception {
        AtomicReference<Optional<TraceParent>> seen = new AtomicReference<>();
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                              ServerCallHandler<Q, R> next) {
                seen.set(TraceParent.current());
                return next.startCall(call, headers);
            }
        };
        String name = InProcessServerBuilder.generateName();
        HealthStatusManager health = new HealthStatusManager();
        // the last interceptor runs first: TraceParent.server() before the capture, as GrpcServerRunner orders them
        Server server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(
                health.getHealthService(), capture, TraceParent.server())).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).intercept(TraceParent.client()).build();
        try {
            var stub = HealthGrpc.newBlockingStub(channel);
            stub.check(HealthCheckRequest.getDefaultInstance());
            assertEquals(Optional.empty(), seen.get(), "no traceparent without one current");
            TraceParent mine = TraceParent.parse(VALID).orElseThrow().withSpan(TraceParent.newSpanId());
            TraceParent.within(mine, () -> stub.check(HealthCheckRequest.getDefaultInstance()));
            assertEquals(Optional.of(mine), seen.get());
            assertEquals(Optional.empty(), TraceParent.current(), "within restores the context");
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }
}
