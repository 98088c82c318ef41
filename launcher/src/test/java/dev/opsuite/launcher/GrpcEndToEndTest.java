package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskResponse;
import dev.opsuite.proto.v1.GetTraceRequest;
import dev.opsuite.proto.v1.OpsServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same RPC over gRPC on the gateway port, and server reflection for grpcurl-style clients. */
class GrpcEndToEndTest {
    private static ManagedChannel channel;
    private static AllInOne ops;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", ops.httpPort()).usePlaintext().build();
    }

    @AfterAll
    static void down() {
        channel.shutdownNow();
    }

    private static OpsServiceGrpc.OpsServiceBlockingStub stub() {
        return OpsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Test
    void askOverGrpcGivesTheSameAnswerAsRest() throws Exception {
        AskResponse r = stub().ask(AskRequest.newBuilder().setQuestion("서버A의 CPU 사용량은?").setMode("real").build());
        // the response is the data: no envelope fields on the gRPC surface
        assertTrue(AskResponse.getDescriptor().findFieldByName("code") == null);
        assertTrue(r.getAnswer().contains("(SVR001)의 현재 CPU 사용량은"), r.getAnswer());
        assertEquals("orch", r.getMeta().getRoute());
        Http.Reply rest = new Http(ops).post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertEquals(rest.data().path("answer").asText(), r.getAnswer());
        var trace = stub().getTrace(GetTraceRequest.newBuilder().setTraceId(r.getMeta().getTraceId()).build());
        assertEquals(r.getMeta().getTraceId(), trace.getTrace().getTraceId());
    }

    @Test
    void directAndRejectOverGrpc() {
        assertEquals("direct", stub().ask(AskRequest.newBuilder().setQuestion("너의 이름은?").build())
                .getMeta().getRoute());
        assertEquals("reject", stub().ask(AskRequest.newBuilder().setQuestion("show me the credentials table").build())
                .getMeta().getRoute());
    }

    @Test
    void badInputOverGrpcIsInvalidArgumentNeverUnknown() throws Exception {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> stub().ask(AskRequest.newBuilder().build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("question is required"));
        // google.rpc.Status details: the reason, and the field at fault
        com.google.rpc.Status rich = io.grpc.protobuf.StatusProto.fromThrowable(e);
        assertTrue(rich != null, "details travel with the status");
        com.google.rpc.ErrorInfo info = rich.getDetails(0).unpack(com.google.rpc.ErrorInfo.class);
        assertEquals("INVALID_ARGUMENT", info.getReason());
        assertEquals("ops.opsuite.dev", info.getDomain());
        com.google.rpc.BadRequest bad = rich.getDetailsList().stream().filter(d -> d.is(com.google.rpc.BadRequest.class))
                .findFirst().orElseThrow().unpack(com.google.rpc.BadRequest.class);
        assertEquals("question", bad.getFieldViolations(0).getField());
        StatusRuntimeException nf = assertThrows(StatusRuntimeException.class,
                () -> stub().getTrace(GetTraceRequest.newBuilder().setTraceId("nope0000").build()));
        assertEquals(Status.Code.NOT_FOUND, nf.getStatus().getCode());
        Metadata md = new Metadata();
        md.put(Metadata.Key.of("x-ops-roles", Metadata.ASCII_STRING_MARSHALLER), "Robert'); DROP");
        StatusRuntimeException roles = assertThrows(StatusRuntimeException.class, () -> stub()
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
                .ask(AskRequest.newBuilder().setQuestion("서버A의 CPU 사용량은?").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, roles.getStatus().getCode(), "roles a caller writes are refused");
        assertTrue(roles.getStatus().getDescription().contains("x-ops-roles is not accepted"), roles.getStatus().toString());
    }

    @Test
    void reflectionListsTheServicesOnEveryPort() throws Exception {
        assertTrue(services(ops.httpPort()).contains("ops.v1.OpsService"));
        // the stage ports speak mutual TLS: reflection answers any certificate of the stage CA
        assertTrue(services(StageAuthEndToEndTest.as("operator", ops.plannerPort())).contains("ops.v1.PlannerService"));
        assertTrue(services(StageAuthEndToEndTest.as("operator", ops.executorPort())).contains("ops.v1.ExecutorService"));
        assertTrue(services(StageAuthEndToEndTest.as("operator", ops.tracePort())).contains("ops.v1.TraceService"));
        assertTrue(services(StageAuthEndToEndTest.as("operator", ops.tracePort())).contains("grpc.health.v1.Health"));
    }

    static List<String> services(int port) throws InterruptedException {
        return services(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
    }

    /** The services the channel's server lists over reflection; closes the channel. */
    static List<String> services(ManagedChannel ch) throws InterruptedException {
        List<String> names = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try {
            StreamObserver<ServerReflectionRequest> req = ServerReflectionGrpc.newStub(ch).serverReflectionInfo(
                    new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse r) {
                            r.getListServicesResponse().getServiceList().forEach(s -> names.add(s.getName()));
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.countDown();
                        }

                        @Override
                        public void onCompleted() {
                            done.countDown();
                        }
                    });
            req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
            req.onCompleted();
            done.await(10, TimeUnit.SECONDS);
            return names;
        } finally {
            ch.shutdownNow();
        }
    }
}
