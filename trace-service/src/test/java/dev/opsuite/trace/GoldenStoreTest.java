package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.FetchGoldenQueryRequest;
import dev.opsuite.proto.v1.GoldenQuery;
import dev.opsuite.proto.v1.GoldenServiceGrpc;
import dev.opsuite.proto.v1.RecordRegressionRunRequest;
import dev.opsuite.proto.v1.RegressionRun;
import dev.opsuite.proto.v1.RemoveGoldenQueryRequest;
import dev.opsuite.proto.v1.SaveGoldenQueryRequest;
import dev.opsuite.proto.v1.SearchGoldenQueriesRequest;
import dev.opsuite.proto.v1.SearchRegressionRunsRequest;
import io.grpc.Status;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden queries and regression runs stored in PostgreSQL through GoldenService, on a fresh database. */
class GoldenStoreTest {
    private static RunningService svc;

    @BeforeAll
    static void up() {
        svc = RunningService.start(TestDatabase.config(TestDatabase.freshDatabaseUrl()));
    }

    @AfterAll
    static void down() throws Exception {
        svc.close();
    }

    private static GoldenServiceGrpc.GoldenServiceBlockingStub golden() {
        return GoldenServiceGrpc.newBlockingStub(svc.channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static GoldenQuery save(String name, List<String> tags, List<String> bound) {
        return golden().saveGoldenQuery(SaveGoldenQueryRequest.newBuilder().setQuery(GoldenQuery.newBuilder()
                .setName(name).setQuestion("서버A의 CPU 사용량은?").setMode("real").addAllTags(tags)
                .addAllBoundAssets(bound).setBaselineTraceId("t-" + name)).build()).getQuery();
    }

    @Test
    void savedQueriesAreFoundByIdTagAndBoundAsset() {
        GoldenQuery a = save("cpu", List.of("smoke", "metric"), List.of("query/ci_queries"));
        GoldenQuery b = save("impact", List.of("graph"), List.of("mapping"));
        assertTrue(a.getQueryId().matches("gq_[a-z0-9]{16}"), a.getQueryId());
        assertEquals(a, golden().fetchGoldenQuery(FetchGoldenQueryRequest.newBuilder().setQueryId(a.getQueryId()).build())
                .getQuery());
        assertEquals(List.of(a.getQueryId()), ids(SearchGoldenQueriesRequest.newBuilder().setTag("smoke").build()));
        // bound to query/ci_queries: asked by the name and by the type
        assertEquals(List.of(a.getQueryId()), ids(SearchGoldenQueriesRequest.newBuilder().setBoundAsset("query/ci_queries").build()));
        assertEquals(List.of(a.getQueryId()), ids(SearchGoldenQueriesRequest.newBuilder().setBoundAsset("query").build()));
        // bound to the mapping type: any mapping's change is asked by it
        assertEquals(List.of(b.getQueryId()), ids(SearchGoldenQueriesRequest.newBuilder().setBoundAsset("mapping/ci_mapping").build()));
        assertEquals(List.of(), ids(SearchGoldenQueriesRequest.newBuilder().setBoundAsset("policy").build()));

        GoldenQuery moved = golden().saveGoldenQuery(SaveGoldenQueryRequest.newBuilder()
                .setQuery(a.toBuilder().setBaselineTraceId("t-new")).build()).getQuery();
        assertEquals("t-new", moved.getBaselineTraceId());
        assertEquals(a.getCreatedAt(), moved.getCreatedAt());
    }

    private static List<String> ids(SearchGoldenQueriesRequest r) {
        return golden().searchGoldenQueries(r).getQueriesList().stream().map(GoldenQuery::getQueryId).toList();
    }

    @Test
    void runsAreKeptNewestFirstAndGoWithTheirQuery() throws Exception {
        GoldenQuery q = save("runs", List.of(), List.of());
        for (String j : List.of("pass", "warning", "fail")) {
            RegressionRun r = golden().recordRegressionRun(RecordRegressionRunRequest.newBuilder().setRun(RegressionRun
                    .newBuilder().setQueryId(q.getQueryId()).setJudgment(j).setVerdictReason(j + " because")).build()).getRun();
            assertTrue(r.getRunId().matches("rr_[a-z0-9]{16}"), r.getRunId());
            Thread.sleep(5);
        }
        List<String> judgments = golden().searchRegressionRuns(SearchRegressionRunsRequest.newBuilder()
                .setQueryId(q.getQueryId()).build()).getRunsList().stream().map(RegressionRun::getJudgment).toList();
        assertEquals(List.of("fail", "warning", "pass"), judgments);

        golden().removeGoldenQuery(RemoveGoldenQueryRequest.newBuilder().setQueryId(q.getQueryId()).build());
        assertStatus(Status.Code.NOT_FOUND, () -> golden().fetchGoldenQuery(FetchGoldenQueryRequest.newBuilder()
                .setQueryId(q.getQueryId()).build()));
        assertEquals(0, golden().searchRegressionRuns(SearchRegressionRunsRequest.newBuilder()
                .setQueryId(q.getQueryId()).build()).getRunsCount(), "the runs went with the query");
    }

    @Test
    void badRecordsAreRefused() {
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> golden().fetchGoldenQuery(FetchGoldenQueryRequest.newBuilder()
                .setQueryId("'; DROP TABLE ops.golden_queries; --").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> golden().saveGoldenQuery(SaveGoldenQueryRequest.newBuilder()
                .setQuery(GoldenQuery.newBuilder().setName("no question")).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> golden().recordRegressionRun(RecordRegressionRunRequest
                .newBuilder().setRun(RegressionRun.newBuilder().setQueryId("gq_0000000000000000").setJudgment("maybe"))
                .build()));
        assertStatus(Status.Code.NOT_FOUND, () -> golden().recordRegressionRun(RecordRegressionRunRequest
                .newBuilder().setRun(RegressionRun.newBuilder().setQueryId("gq_0000000000000000").setJudgment("pass"))
                .build()));
        assertStatus(Status.Code.NOT_FOUND, () -> golden().saveGoldenQuery(SaveGoldenQueryRequest.newBuilder()
                .setQuery(GoldenQuery.newBuilder().setQueryId("gq_0000000000000000").setName("x").setQuestion("y")
                        .setCreatedAt("2026-12-01T00:00:00Z")).build()));
    }
}
