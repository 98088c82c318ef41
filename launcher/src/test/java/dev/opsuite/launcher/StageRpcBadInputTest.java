package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.ImportFileRequest;
import dev.opsuite.proto.v1.ImportFileResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidatedPlan;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The stage services' RPCs refuse bad input with INVALID_ARGUMENT and a clear message. */
class StageRpcBadInputTest {
    private static AllInOne ops;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
    }

    static void assertInvalid(Executable call, String messagePart) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertTrue(e.getStatus().getDescription().contains(messagePart), e.getStatus().getDescription());
    }

    static ManagedChannel channel(int port) {
        return StageAuthEndToEndTest.as("gateway", port);
    }

    @Test
    void plannerRpcs() {
        ManagedChannel ch = channel(ops.plannerPort());
        try {
            var stub = PlannerServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
            assertInvalid(() -> stub.routePlan(RoutePlanRequest.getDefaultInstance()), "question is required");
            assertInvalid(() -> stub.routePlan(RoutePlanRequest.newBuilder().setQuestion("x".repeat(5000)).build()),
                    "longer than");
            assertInvalid(() -> stub.routePlan(RoutePlanRequest.newBuilder().setQuestion("cpu").setNow("yesterday")
                    .build()), "RFC 3339");
            assertInvalid(() -> stub.routePlan(RoutePlanRequest.newBuilder().setQuestion("cpu").setMode("turbo")
                    .build()), "mode must be 'real' or 'mock', got 'turbo'");
            assertInvalid(() -> stub.validate(ValidateRequest.getDefaultInstance()), "plan is required");
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void executorRpcs() {
        ManagedChannel ch = channel(ops.executorPort());
        try {
            var stub = ExecutorServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
            assertInvalid(() -> stub.execute(ExecuteRequest.getDefaultInstance()), "validated_plan.plan is required");
            assertInvalid(() -> stub.execute(ExecuteRequest.newBuilder().setValidatedPlan(ValidatedPlan.newBuilder()
                    .setPlan(Plan.getDefaultInstance()).setAllowed(false)).build()), "not allowed");
            assertInvalid(() -> stub.compose(ComposeRequest.getDefaultInstance()), "plan is required");
            assertInvalid(() -> stub.compose(ComposeRequest.newBuilder().setPlan(Plan.getDefaultInstance())
                    .setMode("MOCK").build()), "mode must be 'real' or 'mock', got 'MOCK'");
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void importStreamWithAnUnknownKind() throws Exception {
        ManagedChannel ch = channel(ops.executorPort());
        try {
            CompletableFuture<ImportFileResponse> done = new CompletableFuture<>();
            StreamObserver<ImportFileRequest> req = EstateServiceGrpc.newStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .importFile(new StreamObserver<>() {
                        @Override
                        public void onNext(ImportFileResponse value) {
                            done.complete(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
            req.onNext(ImportFileRequest.newBuilder().setFileKind("passwords").build());
            req.onCompleted();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> done.get(10, TimeUnit.SECONDS));
            Status s = Status.fromThrowable(e.getCause());
            assertEquals(Status.Code.INVALID_ARGUMENT, s.getCode(), s.toString());
        } finally {
            ch.shutdownNow();
        }
    }
}
