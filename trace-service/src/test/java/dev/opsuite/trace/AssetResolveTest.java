package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AssetSummary;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssetResolveTest {
    private RunningService svc;

    @BeforeAll
    void start(@TempDir Path seedDir) {
        String url = TestDatabase.freshDatabaseUrl();
        svc = RunningService.start(TestDatabase.config(url).withAssetSeedDir(SeedFiles.standard(seedDir)));
        // What an operator would have done since: more versions in every status.
        Sql.run(url,
                "INSERT INTO ops.assets (asset_type, name, version, status, content) VALUES"
                        + " ('query', 'ci_lookup', 2, 'archived', '{\"name\": \"ci_lookup\", \"v\": 2}'),"
                        + " ('query', 'ci_lookup', 3, 'draft', '{\"name\": \"ci_lookup\", \"v\": 3}'),"
                        + " ('query', 'ci_lookup', 4, 'draft', '{\"name\": \"ci_lookup\", \"v\": 4}'),"
                        + " ('query', 'ci_lookup_v6', 1, 'draft', '{\"name\": \"ci_lookup_v6\"}'),"
                        + " ('source', 'postgres_main', 2, 'draft', '{\"name\": \"postgres_main\", \"v\": 2}'),"
                        + " ('source', 'new_source', 1, 'draft', '{\"name\": \"new_source\"}')");
    }

    @AfterAll
    void stop() throws InterruptedException {
        svc.close();
    }

    private List<ResolvedAsset> resolve(Map<String, String> overrides) {
        return svc.assets().resolveAssets(ResolveAssetsRequest.newBuilder().putAllOverrides(overrides).build())
                .getAssetsList();
    }

    /** "type:name@version(status)" per asset, in response order. */
    private static List<String> describe(List<ResolvedAsset> assets) {
        return assets.stream()
                .map(a -> a.getAssetType() + ":" + a.getName() + "@" + a.getVersion() + "(" + a.getStatus() + ")")
                .toList();
    }

    @Test
    void defaultsResolveToPublishedVersionsPlusEveryPublishedSource() {
        List<ResolvedAsset> assets = resolve(Map.of());
        assertEquals(List.of("source:neo4j_main@1(published)", "source:postgres_main@1(published)",
                "schema:ci_schema@1(published)", "resolver:ci_resolver@1(published)",
                "query:ci_lookup@1(published)", "policy:ci_policy@1(published)"), describe(assets));
        ResolvedAsset pg = assets.get(1);
        assertEquals(SeedFiles.struct(SeedFiles.POSTGRES_MAIN), pg.getContent());
    }

    @Test
    void referencesOnlyNamesTheSameVersionsWithoutContent() {
        Map<String, String> overrides = Map.of("query", "ci_lookup(draft)");
        List<ResolvedAsset> full = resolve(overrides);
        List<ResolvedAsset> refs = svc.assets().resolveAssets(ResolveAssetsRequest.newBuilder()
                .putAllOverrides(overrides).setReferencesOnly(true).build()).getAssetsList();
        assertEquals(describe(full), describe(refs));
        assertTrue(refs.stream().noneMatch(ResolvedAsset::hasContent), refs.toString());
        assertTrue(full.stream().allMatch(a -> a.getContentOrBuilder().getFieldsCount() > 0));
        // each reference fetches exactly the content the full answer carried
        for (int i = 0; i < refs.size(); i++) {
            ResolvedAsset r = refs.get(i);
            assertEquals(full.get(i).getContent(), svc.assets().getAsset(GetAssetRequest.newBuilder()
                    .setAssetType(r.getAssetType()).setName(r.getName()).setVersion(r.getVersion()).build())
                    .getAsset().getContent(), r.getName());
        }
    }

    @Test
    void overrideByNameVersionAndDraft() {
        assertEquals("query:ci_lookup@1(published)", queryOf(resolve(Map.of("query", "ci_lookup"))));
        assertEquals("query:ci_lookup@2(archived)", queryOf(resolve(Map.of("query", "ci_lookup@2"))));
        assertEquals("query:ci_lookup@4(draft)", queryOf(resolve(Map.of("query", "ci_lookup(draft)"))));
        assertEquals("query:ci_lookup_v6@1(draft)", queryOf(resolve(Map.of("query", "ci_lookup_v6(draft)"))));
        List<ResolvedAsset> v3 = resolve(Map.of("query", " ci_lookup@3 "));
        assertEquals("query:ci_lookup@3(draft)", queryOf(v3));
        assertEquals(SeedFiles.struct("{\"name\": \"ci_lookup\", \"v\": 3}"),
                v3.stream().filter(a -> a.getAssetType().equals("query")).findFirst().orElseThrow().getContent());
    }

    @Test
    void sourceOverrideReplacesTheSameNamedSourceOnly() {
        assertEquals(List.of("source:neo4j_main@1(published)", "source:postgres_main@2(draft)"),
                sources(resolve(Map.of("source", "postgres_main(draft)"))));
        assertEquals(List.of("source:neo4j_main@1(published)", "source:new_source@1(draft)",
                        "source:postgres_main@1(published)"),
                sources(resolve(Map.of("source", "new_source(draft)"))));
        assertEquals(List.of("source:neo4j_main@1(published)", "source:postgres_main@1(published)"),
                sources(resolve(Map.of("source", "postgres_main"))));
    }

    @Test
    void overrideForATypeWithoutDefaultAddsIt() {
        List<String> d = describe(resolve(Map.of("mapping", "ci_mapping", "query", "ci_lookup@3")));
        assertTrue(d.contains("mapping:ci_mapping@1(published)"), d.toString());
        assertTrue(d.contains("query:ci_lookup@3(draft)"), d.toString());
        assertEquals(7, d.size(), d.toString());
    }

    @Test
    void badOverridesAreInvalidArgumentNamingTheOverride() {
        assertBad(Map.of("widget", "x"), "widget");
        assertBad(Map.of("query", "nope"), "query=\"nope\"", "no query 'nope' exists");
        assertBad(Map.of("query", "ci_lookup@99"), "query=\"ci_lookup@99\"", "has no version 99");
        assertBad(Map.of("policy", "ci_policy(draft)"), "policy=\"ci_policy(draft)\"", "has no draft");
        assertBad(Map.of("query", "ci_lookup_v6"), "ci_lookup_v6", "has no published version");
        assertBad(Map.of("source", "ghost"), "source=\"ghost\"", "no source 'ghost' exists");
        assertBad(Map.of("query", "ci_lookup@0"), "ci_lookup@0", "positive integer");
        assertBad(Map.of("query", "ci_lookup@x"), "ci_lookup@x", "positive integer");
        assertBad(Map.of("query", ""), "query=\"\"", "name is required");
        assertBad(Map.of("query", "(draft)"), "(draft)", "name is required");
    }

    private void assertBad(Map<String, String> overrides, String... fragments) {
        String msg = assertStatus(Status.Code.INVALID_ARGUMENT, () -> resolve(overrides));
        for (String f : fragments) {
            assertTrue(msg.contains(f), () -> "'" + msg + "' should mention " + f);
        }
    }

    @Test
    void listFiltersByTypeAndStatus() {
        assertEquals(List.of("ci_lookup@4:draft", "ci_lookup@3:draft", "ci_lookup@2:archived",
                        "ci_lookup@1:published", "ci_lookup_v6@1:draft"),
                list("query", ""));
        assertEquals(List.of("ci_lookup@4:draft", "ci_lookup@3:draft", "ci_lookup_v6@1:draft"), list("query", "draft"));
        assertEquals(13, list("", "").size());
        assertEquals(7, list("", "published").size());
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> list("widgets", ""));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> list("", "live"));
        AssetSummary one = svc.assets().listAssets(ListAssetsRequest.newBuilder().setAssetType("policy").build())
                .getAssets(0);
        assertEquals("policy", one.getAssetType());
        assertTrue(!one.getCreatedAt().isEmpty());
    }

    private List<String> list(String type, String status) {
        return svc.assets().listAssets(ListAssetsRequest.newBuilder().setAssetType(type).setStatus(status).build())
                .getAssetsList().stream().map(a -> a.getName() + "@" + a.getVersion() + ":" + a.getStatus()).toList();
    }

    @Test
    void getAssetByVersionOrPublished() {
        ResolvedAsset published = get("policy", "ci_policy", 0);
        assertEquals(1, published.getVersion());
        assertEquals(SeedFiles.struct(SeedFiles.CI_POLICY), published.getContent());
        assertEquals(SeedFiles.struct(SeedFiles.CI_MAPPING), get("mapping", "ci_mapping", 0).getContent());
        assertEquals("draft", get("query", "ci_lookup", 3).getStatus());
        assertStatus(Status.Code.NOT_FOUND, () -> get("query", "ci_lookup", 9));
        assertStatus(Status.Code.NOT_FOUND, () -> get("query", "ci_lookup_v6", 0));
        assertStatus(Status.Code.NOT_FOUND, () -> get("query", "nope", 0));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> get("", "ci_lookup", 0));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> get("widget", "ci_lookup", 0));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> get("query", "", 0));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> get("query", "ci_lookup", -1));
    }

    private ResolvedAsset get(String type, String name, int version) {
        return svc.assets().getAsset(GetAssetRequest.newBuilder().setAssetType(type).setName(name)
                .setVersion(version).build()).getAsset();
    }

    private static String queryOf(List<ResolvedAsset> assets) {
        List<String> q = describe(assets).stream().filter(s -> s.startsWith("query:")).toList();
        assertEquals(1, q.size(), q.toString());
        return q.get(0);
    }

    private static List<String> sources(List<ResolvedAsset> assets) {
        return describe(assets).stream().filter(s -> s.startsWith("source:")).toList();
    }
}
