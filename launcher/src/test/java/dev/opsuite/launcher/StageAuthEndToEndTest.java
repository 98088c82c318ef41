package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.grpc.Channels;
import dev.opsuite.kit.grpc.StagePki;
import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.GetEstateStatsRequest;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.SaveAssetRequest;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * #13: the stage services answer the product only, each caller under its own identity. Over TCP they
 * speak mutual TLS with the certificates the all-in-one made in $OPS_DATA_DIR/tls (keys 0600): a
 * plaintext caller, a TLS caller without a certificate and one with a certificate of another CA never
 * reach a service (not even health); an identity reaches only what its row allows (operator: the
 * stage RPCs and reads, never writes, imports or source checks; planner: the dictionary and assets).
 */
class StageAuthEndToEndTest {

    /** A TCP channel to a stage port of the running product, as {@code identity}. */
    static ManagedChannel as(String identity, int port) {
        return as(identity, "127.0.0.1:" + port);
    }

    static ManagedChannel as(String identity, String target) {
        return Channels.to(target, 64 * 1024 * 1024, Channels.Transport.TCP, identity);
    }

    /** The stage certificates in the stack's own data directory. */
    static Path tls(AllInOne ops) {
        return ops.keysFile().getParent().resolve("tls");
    }

    private static void refused(Status.Code code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    }

    private static ExecutorServiceGrpc.ExecutorServiceBlockingStub executor(ManagedChannel ch) {
        return ExecutorServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    void theCertificatesAreInTheDataDirectoryAndTheKeysOwnerOnly() throws Exception {
        AllInOne ops = OpsStack.get();
        Path dir = tls(ops);
        assertTrue(Files.isRegularFile(StagePki.ca(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (String id : StagePki.IDENTITIES) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(StagePki.key(dir, id))), id);
        }
        assertFalse(Files.exists(ops.keysFile().getParent().resolve("stage.key")), "no token file with TLS on");
        // a second ensure on the same directory issues nothing (the CA a remote host trusts is kept)
        assertEquals(List.of(), StagePki.ensure(dir, List.of()));
    }

    @Test
    void callersWithoutACertificateOfTheStageCaReachNothing(@TempDir Path other) throws Exception {
        AllInOne ops = OpsStack.get();
        StagePki.ensure(other, List.of());
        List<ManagedChannel> strangers = List.of(
                NettyChannelBuilder.forAddress("127.0.0.1", ops.executorPort()).usePlaintext().build(),
                NettyChannelBuilder.forAddress("127.0.0.1", ops.executorPort(), TlsChannelCredentials.newBuilder()
                        .trustManager(StagePki.ca(tls(ops)).toFile()).build()).build(),
                NettyChannelBuilder.forAddress("127.0.0.1", ops.executorPort(), TlsChannelCredentials.newBuilder()
                        .keyManager(StagePki.cert(other, "gateway").toFile(), StagePki.key(other, "gateway").toFile())
                        .trustManager(StagePki.ca(tls(ops)).toFile()).build()).build());
        try {
            for (ManagedChannel ch : strangers) {
                refused(Status.Code.UNAVAILABLE, () -> executor(ch).execute(ExecuteRequest.getDefaultInstance()));
                refused(Status.Code.UNAVAILABLE, () -> HealthGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()));
            }
        } finally {
            strangers.forEach(ManagedChannel::shutdownNow);
        }
    }

    @Test
    void eachIdentityReachesOnlyWhatItsRowAllows() throws Exception {
        AllInOne ops = OpsStack.get();
        ManagedChannel operatorExecutor = as("operator", ops.executorPort());
        ManagedChannel operatorTrace = as("operator", ops.tracePort());
        ManagedChannel operatorPlanner = as("operator", ops.plannerPort());
        ManagedChannel plannerExecutor = as("planner", ops.executorPort());
        ManagedChannel gatewayExecutor = as("gateway", ops.executorPort());
        try {
            // operator: the stage RPCs (reached, refused as bad input) and reads …
            StageRpcBadInputTest.assertInvalid(() -> executor(operatorExecutor).execute(ExecuteRequest.getDefaultInstance()),
                    "validated_plan");
            StageRpcBadInputTest.assertInvalid(() -> PlannerServiceGrpc.newBlockingStub(operatorPlanner)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).routePlan(RoutePlanRequest.getDefaultInstance()), "question is required");
            refused(Status.Code.NOT_FOUND, () -> TraceServiceGrpc.newBlockingStub(operatorTrace)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).fetchTrace(FetchTraceRequest.newBuilder().setTraceId("x").build()));
            // … never writes, imports or the estate
            refused(Status.Code.PERMISSION_DENIED, () -> TraceServiceGrpc.newBlockingStub(operatorTrace)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).writeTraces(WriteTracesRequest.getDefaultInstance()));
            refused(Status.Code.PERMISSION_DENIED, () -> AssetServiceGrpc.newBlockingStub(operatorTrace)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).saveAsset(SaveAssetRequest.getDefaultInstance()));
            refused(Status.Code.PERMISSION_DENIED, () -> EstateServiceGrpc.newBlockingStub(operatorExecutor)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).getEstateStats(GetEstateStatsRequest.getDefaultInstance()));
            // planner: the dictionary only, not Execute
            refused(Status.Code.PERMISSION_DENIED, () -> executor(plannerExecutor).execute(ExecuteRequest.getDefaultInstance()));
            // gateway: everything
            assertTrue(EstateServiceGrpc.newBlockingStub(gatewayExecutor).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getEstateStats(GetEstateStatsRequest.getDefaultInstance()).getCis() > 0);
        } finally {
            List.of(operatorExecutor, operatorTrace, operatorPlanner, plannerExecutor, gatewayExecutor)
                    .forEach(ManagedChannel::shutdownNow);
        }
    }
}
