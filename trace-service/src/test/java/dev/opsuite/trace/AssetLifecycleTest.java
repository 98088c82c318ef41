package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Value;
import dev.opsuite.proto.v1.ArchiveAssetRequest;
import dev.opsuite.proto.v1.AssetChange;
import dev.opsuite.proto.v1.AssetSummary;
import dev.opsuite.proto.v1.DiffAssetsRequest;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.PublishAssetRequest;
import dev.opsuite.proto.v1.PublishAssetResponse;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.SaveAssetRequest;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SaveAsset, PublishAsset, ArchiveAsset, DiffAssets and history listing over real gRPC; a fresh database per test. */
class AssetLifecycleTest {
    private static final String POLICY_V2 = """
            {"name": "ci_policy", "budget": {"max_steps": 10, "max_depth": 5, "timeout_seconds": 60, "max_rows": 100},
             "security": {"allowed_operations": ["SELECT"], "blocked_tables": ["users", "credentials", "secrets"]},
             "replan": {"max_replans": 3}}
            """;

    private String url;
    private RunningService svc;

    @BeforeEach
    void start(@TempDir Path seedDir) {
        url = TestDatabase.freshDatabaseUrl();
        svc = RunningService.start(TestDatabase.config(url).withAssetSeedDir(SeedFiles.standard(seedDir)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        svc.close();
    }

    private AssetSummary save(String type, String name, String json) {
        return svc.assets().saveAsset(SaveAssetRequest.newBuilder().setAssetType(type).setName(name)
                .setContent(SeedFiles.struct(json)).build()).getAsset();
    }

    private PublishAssetResponse publish(String type, String name, int version) {
        return svc.assets().publishAsset(PublishAssetRequest.newBuilder().setAssetType(type).setName(name)
                .setVersion(version).build());
    }

    private AssetSummary archive(String type, String name, int version) {
        return svc.assets().archiveAsset(ArchiveAssetRequest.newBuilder().setAssetType(type).setName(name)
                .setVersion(version).build()).getAsset();
    }

    private List<String> history(String type, String name) {
        return svc.assets().listAssets(ListAssetsRequest.newBuilder().setAssetType(type).setName(name).build())
                .getAssetsList().stream().map(a -> a.getName() + "@" + a.getVersion() + "(" + a.getStatus() + ")")
                .toList();
    }

    private ResolvedAsset resolvedPolicy() {
        return svc.assets().resolveAssets(ResolveAssetsRequest.getDefaultInstance()).getAssetsList().stream()
                .filter(a -> a.getAssetType().equals("policy")).findFirst().orElseThrow();
    }

    private int count(String where) {
        return Integer.parseInt(Sql.queryText(url, "SELECT count(*) FROM ops.assets WHERE " + where));
    }

    @Test
    void saveStoresTheNextVersionAsDraft() {
        AssetSummary v2 = save("policy", "ci_policy", POLICY_V2);
        assertEquals(List.of("policy", "ci_policy", 2, "draft"),
                List.of(v2.getAssetType(), v2.getName(), v2.getVersion(), v2.getStatus()));
        assertFalse(v2.getCreatedAt().isEmpty());
        assertEquals(3, save("policy", "ci_policy", POLICY_V2).getVersion());

        AssetSummary fresh = save("prompt", "new_prompt", "{\"system_prompt\": \"hi\", \"model\": {\"max_tokens\": 800}}");
        assertEquals(1, fresh.getVersion());
        ResolvedAsset stored = svc.assets().getAsset(GetAssetRequest.newBuilder().setAssetType("prompt")
                .setName("new_prompt").setVersion(1).build()).getAsset();
        assertEquals(SeedFiles.struct("{\"name\": \"new_prompt\", \"system_prompt\": \"hi\", \"model\": {\"max_tokens\": 800}}"),
                stored.getContent());
        assertEquals("{\"max_tokens\": 800}",
                Sql.queryText(url, "SELECT content->'model' FROM ops.assets WHERE name = 'new_prompt'"));
        // the published version is untouched by saves
        assertEquals(1, resolvedPolicy().getVersion());
    }

    @Test
    void concurrentSavesOfOneNameGetDistinctVersions() throws Exception {
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return save("screen", "racy_screen", "{\"layout\": \"stack\"}").getVersion();
                }));
            }
            go.countDown();
            Set<Integer> versions = new HashSet<>();
            for (Future<Integer> f : results) {
                versions.add(f.get());
            }
            assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), versions);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidAssetsAreRefusedWithEveryPathAndNothingIsStored() {
        String msg = assertStatus(Status.Code.INVALID_ARGUMENT, () -> save("policy", "bad_policy", """
                {"budget": {"max_depth": 0}, "security": {"blocked_tables": ["users", 3]}}
                """));
        assertEquals("policy bad_policy is invalid: $.budget.max_depth: must be an integer >= 1;"
                + " $.security.blocked_tables[1]: must be a string", msg);
        assertEquals(0, count("name = 'bad_policy'"));

        String wrongName = assertStatus(Status.Code.INVALID_ARGUMENT,
                () -> save("policy", "ci_policy", "{\"name\": \"other_policy\"}"));
        assertTrue(wrongName.contains("$.name: must equal the asset name 'ci_policy'"), wrongName);
        assertTrue(assertStatus(Status.Code.INVALID_ARGUMENT, () -> save("widget", "w", "{}")).contains("widget"));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> save("policy", " ", "{}"));
        assertEquals(1, count("name = 'ci_policy'"));
    }

    @Test
    void aSourceWithAPlainPasswordIsRefused() {
        String msg = assertStatus(Status.Code.INVALID_ARGUMENT, () -> save("source", "pg_plain", """
                {"type": "postgres", "connection": {"host": "db", "user_ref": "PG_USER", "password": "hunter2"}}
                """));
        assertTrue(msg.startsWith("source pg_plain is invalid: "), msg);
        assertTrue(msg.contains("$.connection.password: secrets by reference only"), msg);
        assertFalse(msg.contains("hunter2"), msg);
        assertEquals(0, count("name = 'pg_plain'"));
        assertEquals(1, save("source", "pg_plain", """
                {"type": "postgres", "connection": {"host": "db", "user_ref": "PG_USER", "password_ref": "PG_PASSWORD"}}
                """).getVersion());
    }

    @Test
    void publishSwitchesThePublishedVersionAndArchivesTheOld() {
        save("policy", "ci_policy", POLICY_V2);
        PublishAssetResponse r = publish("policy", "ci_policy", 2);
        assertEquals("published", r.getAsset().getStatus());
        assertEquals(2, r.getAsset().getVersion());
        assertEquals(1, r.getArchivedVersion());
        assertEquals(List.of("ci_policy@2(published)", "ci_policy@1(archived)"), history("policy", "ci_policy"));
        ResolvedAsset resolved = resolvedPolicy();
        assertEquals(2, resolved.getVersion());
        assertEquals(SeedFiles.struct(POLICY_V2), resolved.getContent());

        // publishing the published version again changes nothing; rolling back to an archived one is allowed
        assertEquals(0, publish("policy", "ci_policy", 2).getArchivedVersion());
        assertEquals(2, publish("policy", "ci_policy", 1).getArchivedVersion());
        assertEquals(List.of("ci_policy@2(archived)", "ci_policy@1(published)"), history("policy", "ci_policy"));
        assertEquals(1, resolvedPolicy().getVersion());
    }

    @Test
    void publishOfAnUnknownVersionOrNameIsNotFound() {
        assertTrue(assertStatus(Status.Code.NOT_FOUND, () -> publish("policy", "ci_policy", 9))
                .contains("has no version 9"));
        assertTrue(assertStatus(Status.Code.NOT_FOUND, () -> publish("policy", "ghost", 1))
                .contains("no policy 'ghost' exists"));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> publish("policy", "ci_policy", 0));
        assertEquals(List.of("ci_policy@1(published)"), history("policy", "ci_policy"));
    }

    @Test
    void concurrentPublishesLeaveExactlyOnePublishedVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                int a = save("policy", "ci_policy", POLICY_V2).getVersion();
                int b = save("policy", "ci_policy", POLICY_V2).getVersion();
                CountDownLatch go = new CountDownLatch(1);
                Future<PublishAssetResponse> fa = pool.submit(() -> {
                    go.await();
                    return publish("policy", "ci_policy", a);
                });
                Future<PublishAssetResponse> fb = pool.submit(() -> {
                    go.await();
                    return publish("policy", "ci_policy", b);
                });
                go.countDown();
                PublishAssetResponse ra = fa.get();
                PublishAssetResponse rb = fb.get();
                assertEquals(1, count("asset_type = 'policy' AND name = 'ci_policy' AND status = 'published'"));
                // whichever ran second archived the first one's version
                assertTrue(ra.getArchivedVersion() == b || rb.getArchivedVersion() == a,
                        ra.getArchivedVersion() + " / " + rb.getArchivedVersion());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void archive() {
        save("policy", "ci_policy", POLICY_V2);
        assertEquals("archived", archive("policy", "ci_policy", 2).getStatus());
        assertEquals(List.of("ci_policy@2(archived)", "ci_policy@1(published)"), history("policy", "ci_policy"));
        assertStatus(Status.Code.NOT_FOUND, () -> archive("policy", "ci_policy", 7));
        assertStatus(Status.Code.NOT_FOUND, () -> archive("policy", "ghost", 1));

        String msg = assertStatus(Status.Code.FAILED_PRECONDITION, () -> archive("policy", "ci_policy", 1));
        assertTrue(msg.contains("is the published default for policy; publish another version first"), msg);
        assertEquals(1, resolvedPolicy().getVersion());

        // a published asset that is no type's default may be archived
        assertEquals("archived", archive("mapping", "ci_mapping", 1).getStatus());
        assertEquals(0, count("name = 'ci_mapping' AND status = 'published'"));
    }

    @Test
    void diffListsAddedRemovedAndChangedPaths() {
        save("policy", "ci_policy", POLICY_V2);
        List<AssetChange> changes = svc.assets().diffAssets(DiffAssetsRequest.newBuilder().setAssetType("policy")
                .setName("ci_policy").setFromVersion(1).setToVersion(2).build()).getChangesList();
        List<String> described = changes.stream().map(c -> c.getOp() + " " + c.getPath()).toList();
        assertEquals(List.of("changed $.budget.max_depth", "added $.budget.max_rows",
                "removed $.replan.auto_retry", "added $.security.blocked_tables[2]"), described);
        AssetChange depth = changes.get(0);
        assertEquals(Value.newBuilder().setNumberValue(3).build(), depth.getBefore());
        assertEquals(Value.newBuilder().setNumberValue(5).build(), depth.getAfter());
        assertEquals(Value.newBuilder().setBoolValue(true).build(), changes.get(2).getBefore());
        assertFalse(changes.get(2).hasAfter());
        assertFalse(changes.get(3).hasBefore());
        assertEquals(Value.newBuilder().setStringValue("secrets").build(), changes.get(3).getAfter());

        assertEquals(0, svc.assets().diffAssets(DiffAssetsRequest.newBuilder().setAssetType("policy")
                .setName("ci_policy").setFromVersion(2).setToVersion(2).build()).getChangesCount());
        assertStatus(Status.Code.NOT_FOUND, () -> svc.assets().diffAssets(DiffAssetsRequest.newBuilder()
                .setAssetType("policy").setName("ci_policy").setFromVersion(1).setToVersion(5).build()));
    }

    @Test
    void historyListsEveryVersionOfOneNameNewestFirst() {
        save("policy", "ci_policy", POLICY_V2);
        save("policy", "ci_policy", POLICY_V2);
        publish("policy", "ci_policy", 2);
        save("policy", "other_policy", "{}");
        assertEquals(List.of("ci_policy@3(draft)", "ci_policy@2(published)", "ci_policy@1(archived)"),
                history("policy", "ci_policy"));
        assertEquals(List.of("ci_policy@3(draft)"), svc.assets().listAssets(ListAssetsRequest.newBuilder()
                .setName("ci_policy").setStatus("draft").build()).getAssetsList().stream()
                .map(a -> a.getName() + "@" + a.getVersion() + "(" + a.getStatus() + ")").toList());
        assertEquals(List.of(), history("policy", "nope"));
    }
}
