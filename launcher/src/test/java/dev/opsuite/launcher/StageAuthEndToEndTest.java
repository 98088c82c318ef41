package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsuite.kit.grpc.StageAuth;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * #13: the stage services answer the product only. Without the stage token (or with a wrong one)
 * every RPC of planner, executor and trace service is UNAUTHENTICATED; health stays open; the token
 * is in $OPS_DATA_DIR/stage.key, readable by the owner only, for replaying one stage by hand.
 */
class StageAuthEndToEndTest {

    private static ManagedChannel bare(int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    private static void unauthenticated(org.junit.jupiter.api.function.Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), e.getStatus().toString());
    }

    @Test
    void stagePortsRefuseCallersWithoutTheStageToken() throws Exception {
        AllInOne ops = OpsStack.get();
        var key = ops.keysFile().getParent().resolve("stage.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(StageAuth.token(), Files.readString(key).strip());
        ManagedChannel executor = bare(ops.executorPort());
        ManagedChannel planner = bare(ops.plannerPort());
        ManagedChannel trace = bare(ops.tracePort());
        try {
            unauthenticated(() -> ExecutorServiceGrpc.newBlockingStub(executor).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .execute(ExecuteRequest.getDefaultInstance()));
            unauthenticated(() -> PlannerServiceGrpc.newBlockingStub(planner).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .routePlan(RoutePlanRequest.newBuilder().setQuestion("x").build()));
            unauthenticated(() -> TraceServiceGrpc.newBlockingStub(trace).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .fetchTrace(FetchTraceRequest.newBuilder().setTraceId("x").build()));
            Metadata wrong = new Metadata();
            wrong.put(StageAuth.AUTHORIZATION, "Bearer " + StageAuth.token() + "x");
            unauthenticated(() -> ExecutorServiceGrpc.newBlockingStub(executor).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(wrong))
                    .execute(ExecuteRequest.getDefaultInstance()));
            // health stays open; with the token the same call reaches the service (and is refused as bad input)
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(executor)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus());
            StageRpcBadInputTest.assertInvalid(() -> ExecutorServiceGrpc.newBlockingStub(
                    StageRpcBadInputTest.channel(ops.executorPort())).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .execute(ExecuteRequest.getDefaultInstance()), "validated_plan");
        } finally {
            executor.shutdownNow();
            planner.shutdownNow();
            trace.shutdownNow();
        }
    }
}
