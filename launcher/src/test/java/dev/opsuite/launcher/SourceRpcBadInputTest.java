package dev.opsuite.launcher;

import static dev.opsuite.launcher.StageRpcBadInputTest.assertInvalid;
import static dev.opsuite.launcher.StageRpcBadInputTest.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.CheckStatementRequest;
import dev.opsuite.proto.v1.CheckStatementResponse;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.PreviewQueryRequest;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RetireSourceRequest;
import dev.opsuite.proto.v1.ScanSourceRequest;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RetireSource, ScanSource, PreviewQuery (executor) and CheckStatement (planner) over real gRPC. */
class SourceRpcBadInputTest {
    private static AllInOne ops;
    private static List<ResolvedAsset> assets;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        ManagedChannel ch = channel(ops.tracePort());
        try {
            assets = AssetServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .resolveAssets(ResolveAssetsRequest.getDefaultInstance()).getAssetsList();
        } finally {
            ch.shutdownNow();
        }
    }

    private static ResolvedAsset asset(String type, String name) {
        return assets.stream().filter(a -> a.getAssetType().equals(type) && (name == null || a.getName().equals(name)))
                .findFirst().orElseThrow();
    }

    @Test
    void executorSourceRpcsRefuseBadInput() {
        ManagedChannel ch = channel(ops.executorPort());
        try {
            var stub = ExecutorServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
            assertInvalid(() -> stub.retireSource(RetireSourceRequest.getDefaultInstance()), "name must be");
            assertInvalid(() -> stub.retireSource(RetireSourceRequest.newBuilder().setName("x").setVersion(-2).build()),
                    "negative");
            assertInvalid(() -> stub.scanSource(ScanSourceRequest.getDefaultInstance()), "a source asset is required");
            ResolvedAsset pg = asset("source", "postgres_main");
            ResolvedAsset policy = asset("policy", null);
            assertInvalid(() -> stub.scanSource(ScanSourceRequest.newBuilder().setSource(policy).setPolicy(policy)
                    .setCatalogName("c").build()), "a source asset is required");
            assertInvalid(() -> stub.scanSource(ScanSourceRequest.newBuilder().setSource(pg).setPolicy(policy)
                    .setCatalogName("bad name").build()), "catalog_name");
            assertInvalid(() -> stub.previewQuery(PreviewQueryRequest.getDefaultInstance()), "a query asset is required");
            ResolvedAsset queries = asset("query", null);
            assertInvalid(() -> stub.previewQuery(PreviewQueryRequest.newBuilder().setQueryAsset(queries).setSource(pg)
                    .setPolicy(policy).setQueryName("graph_neighbors").build()), "runs on source neo4j_graph");
            assertInvalid(() -> stub.previewQuery(PreviewQueryRequest.newBuilder().setQueryAsset(queries).setSource(pg)
                    .setPolicy(policy).setQueryName("ci_attributes").setMaxRows(-1).build()), "max_rows");
            Struct big = Struct.newBuilder().putFields("ci_code", Value.newBuilder().setStringValue("x".repeat(20_000))
                    .build()).build();
            assertInvalid(() -> stub.previewQuery(PreviewQueryRequest.newBuilder().setQueryAsset(queries).setSource(pg)
                    .setPolicy(policy).setQueryName("ci_attributes").setParams(big).build()), "longer than");
            // retiring a version that has no pool closes nothing and says so
            assertEquals(0, stub.retireSource(RetireSourceRequest.newBuilder().setName("no_such_source").setVersion(3)
                    .build()).getClosedCount());
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void checkStatementRunsValidatesTemplateChecks() {
        ManagedChannel ch = channel(ops.plannerPort());
        try {
            var stub = PlannerServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
            assertInvalid(() -> stub.checkStatement(CheckStatementRequest.getDefaultInstance()), "query_name is required");
            assertInvalid(() -> stub.checkStatement(CheckStatementRequest.newBuilder().setQueryName("ci_attributes")
                    .build()), "a policy and a query asset are required");
            List<ResolvedAsset> set = List.of(asset("policy", null), asset("query", null), asset("source", "postgres_main"));
            CheckStatementResponse ok = stub.checkStatement(CheckStatementRequest.newBuilder()
                    .setQueryName("ci_attributes").addAllAssets(set).build());
            assertTrue(ok.getAllowed(), ok.toString());
            CheckStatementResponse unknown = stub.checkStatement(CheckStatementRequest.newBuilder()
                    .setQueryName("no_such_template").addAllAssets(set).build());
            assertFalse(unknown.getAllowed());
            assertTrue(unknown.getDecisions(0).getReason().contains("is not defined"), unknown.toString());
            CheckStatementResponse noSource = stub.checkStatement(CheckStatementRequest.newBuilder()
                    .setQueryName("ci_attributes").addAllAssets(set.subList(0, 2)).build());
            assertFalse(noSource.getAllowed(), "a template whose source is not given is denied");
        } finally {
            ch.shutdownNow();
        }
    }
}
