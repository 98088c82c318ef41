package dev.opsuite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AssetSummary;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.PublishAssetRequest;
import dev.opsuite.proto.v1.SaveAssetRequest;
import dev.opsuite.proto.v1.WriteTracesRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two trace-service replicas on one PostgreSQL: started at the same moment on an empty database
 * (migrations and the asset seed run concurrently), then drafts saved and published through both at once,
 * and one trace written through both.
 */
class ReplicasOnOneDatabaseTest {
    private static final String POLICY = """
            {"name": "ci_policy", "budget": {"max_steps": 10, "max_depth": 3, "timeout_seconds": 60},
             "security": {"allowed_operations": ["SELECT"], "blocked_tables": ["users"]}, "replan": {"max_replans": %d}}
            """;

    @Test
    void twoReplicasStartTogetherAndShareTheStoreSafely(@TempDir Path seedDir) throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        TraceConfig config = TestDatabase.config(url).withAssetSeedDir(SeedFiles.standard(seedDir));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<RunningService> replicas = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<RunningService>> starting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starting.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return RunningService.start(config);
                }));
            }
            for (Future<RunningService> f : starting) {
                replicas.add(f.get(60, TimeUnit.SECONDS)); // both start: neither trips over the other's migration
            }
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement s = c.createStatement()) {
                assertEquals(0, count(s, "SELECT count(*) FROM (SELECT version FROM ops.trace_service_schema_history"
                        + " WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) d"), "a migration ran twice");
                assertEquals(0, count(s, "SELECT count(*) FROM ops.trace_service_schema_history WHERE NOT success"));
                assertEquals(0, count(s, "SELECT count(*) FROM (SELECT asset_type, name FROM ops.assets"
                        + " GROUP BY asset_type, name HAVING count(*) > 1) d"), "an asset was seeded twice");
            }

            // drafts of one name saved through both replicas at once: every save gets its own version, 1..n
            int perReplica = 12;
            List<Callable<AssetSummary>> saves = new ArrayList<>();
            for (int i = 0; i < 2 * perReplica; i++) {
                RunningService r = replicas.get(i % 2);
                int n = i;
                saves.add(() -> r.assets().saveAsset(SaveAssetRequest.newBuilder().setAssetType("policy")
                        .setName("ci_policy").setContent(SeedFiles.struct(POLICY.formatted(n % 5))).build()).getAsset());
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<AssetSummary> f : pool.invokeAll(saves)) {
                versions.add(f.get().getVersion());
            }
            versions.sort(Integer::compare);
            List<Integer> expected = new ArrayList<>();
            for (int v = 2; v <= 2 * perReplica + 1; v++) { // version 1 is the seed's
                expected.add(v);
            }
            assertEquals(expected, versions);

            // publishing different versions through both at once leaves exactly one published
            List<Callable<Object>> publishes = new ArrayList<>();
            for (int v = 2; v <= 2 * perReplica + 1; v++) {
                RunningService r = replicas.get(v % 2);
                int version = v;
                publishes.add(() -> r.assets().publishAsset(PublishAssetRequest.newBuilder().setAssetType("policy")
                        .setName("ci_policy").setVersion(version).build()));
            }
            for (Future<Object> f : pool.invokeAll(publishes)) {
                f.get();
            }
            long published = replicas.get(0).assets().listAssets(ListAssetsRequest.newBuilder().setAssetType("policy")
                    .setName("ci_policy").build()).getAssetsList().stream()
                    .filter(a -> a.getStatus().equalsIgnoreCase("published")).count();
            assertEquals(1, published);

            // a trace shipped twice (a retried WriteTraces reaching both replicas) is stored once
            var trace = SampleTraces.full("tr_replicated", Instant.parse("2026-12-01T00:00:00Z"), 1);
            List<Callable<Integer>> writes = List.of(
                    () -> replicas.get(0).traces().writeTraces(WriteTracesRequest.newBuilder().addTraces(trace).build())
                            .getWritten(),
                    () -> replicas.get(1).traces().writeTraces(WriteTracesRequest.newBuilder().addTraces(trace).build())
                            .getWritten());
            for (Future<Integer> f : pool.invokeAll(writes)) {
                f.get();
            }
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement s = c.createStatement()) {
                assertEquals(1, count(s, "SELECT count(*) FROM ops.traces WHERE trace_id = 'tr_replicated'"));
            }
            // an audit batch sent again to the other replica (its first replica died after storing it) is kept once;
            // events without an id are never merged
            var batch = dev.opsuite.proto.v1.WriteAuditEventsRequest.newBuilder()
                    .addEvents(dev.opsuite.proto.v1.AuditEvent.newBuilder().setAction("PublishAssetVersion")
                            .setOutcome("ok").setPrincipal("key:k1").setEventId("ev-replicated-1"))
                    .addEvents(dev.opsuite.proto.v1.AuditEvent.newBuilder().setAction("PublishAssetVersion")
                            .setOutcome("ok").setPrincipal("key:k1").setTarget("no id"))
                    .build();
            for (RunningService r : replicas) {
                dev.opsuite.proto.v1.AuditServiceGrpc.newBlockingStub(r.channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .writeAuditEvents(batch);
            }
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 Statement s = c.createStatement()) {
                assertEquals(1, count(s, "SELECT count(*) FROM ops.audit WHERE event_id = 'ev-replicated-1'"));
                assertEquals(2, count(s, "SELECT count(*) FROM ops.audit WHERE target = 'no id'"));
            }
            assertEquals("tr_replicated", replicas.get(1).traces().fetchTrace(FetchTraceRequest.newBuilder()
                    .setTraceId("tr_replicated").build()).getTrace().getTraceId());
        } finally {
            for (RunningService r : replicas) {
                r.close();
            }
            pool.shutdownNow();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
