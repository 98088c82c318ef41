package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessSocketAddress;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A runner's services are reached in-process from this JVM (interceptors included), or over TCP when asked. */
class ChannelsTest {
    private final List<SocketAddress> seen = new CopyOnWriteArrayList<>();

    /** Records where each call came from, and refuses asset type "denied" as a server interceptor would. */
    private final ServerInterceptor recorder = new ServerInterceptor() {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                          ServerCallHandler<Q, R> next) {
            seen.add(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            return next.startCall(call, headers);
        }
    };

    /** The traceparent each call's handler saw current (empty string: none). */
    private final List<String> parents = new CopyOnWriteArrayList<>();

    private final class Echo extends AssetServiceGrpc.AssetServiceImplBase {
        @Override
        public void getAsset(GetAssetRequest request, StreamObserver<GetAssetResponse> out) {
            parents.add(TraceParent.current().map(TraceParent::header).orElse(""));
            if (request.getAssetType().equals("denied")) {
                out.onError(Status.PERMISSION_DENIED.withDescription("denied by the service").asRuntimeException());
                return;
            }
            out.onNext(GetAssetResponse.newBuilder().setAsset(ResolvedAsset.newBuilder()
                    .setAssetType(request.getAssetType()).setName(request.getName()).setVersion(request.getVersion()))
                    .build());
            out.onCompleted();
        }
    }

    private GrpcServerRunner start(int port) throws Exception {
        return GrpcServerRunner.start("echo", "127.0.0.1", port, List.of(new Echo()), List.of(recorder), 2,
                1024 * 1024);
    }

    private static GetAssetResponse call(ManagedChannel ch, String type) {
        return AssetServiceGrpc.newBlockingStub(ch).withDeadlineAfter(5, TimeUnit.SECONDS)
                .getAsset(GetAssetRequest.newBuilder().setAssetType(type).setName("n").setVersion(3).build());
    }

    @Test
    void autoStaysInTheJvmAndTcpGoesThroughTheSocket() throws Exception {
        try (GrpcServerRunner server = start(0)) {
            String target = "127.0.0.1:" + server.port();
            assertTrue(Channels.isLocal(target));
            assertTrue(Channels.isLocal("localhost:" + server.port()));
            ManagedChannel auto = Channels.to(target, 1024 * 1024, Channels.Transport.AUTO, "gateway");
            ManagedChannel tcp = Channels.to(target, 1024 * 1024, Channels.Transport.TCP, "gateway");
            try {
                assertEquals(3, call(auto, "query").getAsset().getVersion());
                assertInstanceOf(InProcessSocketAddress.class, seen.get(0));
                assertEquals("query", call(tcp, "query").getAsset().getAssetType());
                assertInstanceOf(InetSocketAddress.class, seen.get(1));
                // the service's own errors arrive the same way on both
                for (ManagedChannel ch : List.of(auto, tcp)) {
                    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(ch, "denied"));
                    assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
                    assertEquals("denied by the service", e.getStatus().getDescription());
                }
            } finally {
                auto.shutdownNow();
                tcp.shutdownNow();
            }
        }
    }

    @Test
    void theCallersTraceparentReachesTheHandlerOnBothTransports() throws Exception {
        try (GrpcServerRunner server = start(0)) {
            String target = "127.0.0.1:" + server.port();
            ManagedChannel auto = Channels.to(target, 1024 * 1024, Channels.Transport.AUTO, "gateway");
            ManagedChannel tcp = Channels.to(target, 1024 * 1024, Channels.Transport.TCP, "gateway");
            TraceParent mine = new TraceParent(TraceParent.newTraceId(), TraceParent.newSpanId(), true);
            try {
                for (ManagedChannel ch : List.of(auto, tcp)) {
                    call(ch, "query");
                    TraceParent.within(mine, () -> call(ch, "query"));
                }
                assertEquals(List.of("", mine.header(), "", mine.header()), parents);
            } finally {
                auto.shutdownNow();
                tcp.shutdownNow();
            }
        }
    }

    @Test
    void aStoppedServerIsForgottenAndARestartOnTheSamePortIsFoundAgain() throws Exception {
        GrpcServerRunner first = start(0);
        int port = first.port();
        String target = "127.0.0.1:" + port;
        ManagedChannel auto = Channels.to(target, 1024 * 1024, Channels.Transport.AUTO, "gateway");
        try {
            call(auto, "query");
            first.close();
            assertFalse(Channels.isLocal(target));
            StatusRuntimeException down = assertThrows(StatusRuntimeException.class, () -> call(auto, "query"));
            assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
            try (GrpcServerRunner again = start(port)) {
                assertTrue(Channels.isLocal(target));
                auto.resetConnectBackoff();
                assertEquals("query", call(auto, "query").getAsset().getAssetType());
                assertInstanceOf(InProcessSocketAddress.class, seen.get(seen.size() - 1));
            }
        } finally {
            auto.shutdownNow();
        }
    }

    @Test
    void aTargetNotServedHereIsTcp() {
        assertFalse(Channels.isLocal("127.0.0.1:1"));
        ManagedChannel ch = Channels.to("127.0.0.1:1", 1024, Channels.Transport.AUTO, "gateway");
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(ch, "query"));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            assertTrue(seen.isEmpty());
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void transportSetting() {
        assertEquals(Channels.Transport.AUTO, Channels.Transport.parse(null));
        assertEquals(Channels.Transport.AUTO, Channels.Transport.parse(" Auto "));
        assertEquals(Channels.Transport.TCP, Channels.Transport.parse("TCP"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Channels.Transport.parse("udp"));
        assertTrue(e.getMessage().contains("OPS_STAGE_TRANSPORT"), e.getMessage());
    }
}
