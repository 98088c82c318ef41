package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetSeedTest {

    @Test
    void seedIsLoadedOnceAndNeverOverwritesWhatAnOperatorWrote(@TempDir Path seedDir) throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        TraceConfig cfg = TestDatabase.config(url).withAssetSeedDir(SeedFiles.standard(seedDir));
        try (RunningService first = RunningService.start(cfg)) {
            assertEquals(7, first.assets().listAssets(ListAssetsRequest.getDefaultInstance()).getAssetsCount());
            assertEquals(7, first.assets().listAssets(ListAssetsRequest.newBuilder().setStatus("published").build())
                    .getAssetsCount());
        }

        // Meanwhile an operator publishes ci_policy v2 and re-points the query default ...
        Sql.run(url,
                "UPDATE ops.assets SET status = 'archived' WHERE asset_type = 'policy' AND name = 'ci_policy'",
                "INSERT INTO ops.assets (asset_type, name, version, status, content, published_at)"
                        + " VALUES ('policy', 'ci_policy', 2, 'published', '{\"name\": \"ci_policy\", \"v\": 2}', now())",
                "INSERT INTO ops.assets (asset_type, name, version, status, content, published_at)"
                        + " VALUES ('query', 'ci_lookup_v2', 1, 'published', '{\"name\": \"ci_lookup_v2\"}', now())",
                "UPDATE ops.asset_defaults SET name = 'ci_lookup_v2' WHERE asset_type = 'query'",
                // ... and starts editing the resolver (a draft beside the seeded published version)
                "INSERT INTO ops.assets (asset_type, name, version, status, content)"
                        + " VALUES ('resolver', 'ci_resolver', 2, 'draft', '{\"name\": \"ci_resolver\", \"mine\": 1}')");
        // ... and the shipped seed changes: edited files, a new asset, a new default, a changed default.
        SeedFiles.write(seedDir, "query/ci_lookup.json", "{\"name\": \"ci_lookup\", \"edited\": true}");
        SeedFiles.write(seedDir, "policy/ci_policy.json", "{\"name\": \"ci_policy\", \"edited\": true}");
        SeedFiles.write(seedDir, "resolver/ci_resolver.json", "{\"name\": \"ci_resolver\", \"edited\": true}");
        SeedFiles.write(seedDir, "screen/ci_screen.json", "{\"name\": \"ci_screen\", \"layout\": \"stack\"}");
        SeedFiles.write(seedDir, "defaults.json", """
                {"source": "postgres_main", "schema": "ci_schema", "resolver": "ci_resolver", "query": "ci_lookup",
                 "policy": "ci_policy", "screen": "ci_screen"}
                """);

        try (RunningService second = RunningService.start(cfg)) {
            // nobody but the seed wrote ci_lookup: it follows the shipped defaults, the old version archived
            ResolvedAsset query = get(second, "query", "ci_lookup", 0);
            assertEquals(2, query.getVersion());
            assertEquals("{\"name\": \"ci_lookup\", \"edited\": true}".replace(" ", ""),
                    com.google.protobuf.util.JsonFormat.printer().omittingInsignificantWhitespace().print(query.getContent())
                            .replace(" ", ""), "an untouched seeded asset follows the seed");
            assertEquals("archived", get(second, "query", "ci_lookup", 1).getStatus());
            ResolvedAsset policy = get(second, "policy", "ci_policy", 0);
            assertEquals(2, policy.getVersion(), "operator's publish survives");
            assertFalse(policy.getContent().containsFields("edited"), "and the seed's edit does not reach it");
            assertEquals(1, get(second, "resolver", "ci_resolver", 0).getVersion(), "an operator's draft holds the seed off");
            assertFalse(get(second, "resolver", "ci_resolver", 0).getContent().containsFields("edited"));
            assertEquals(1, get(second, "screen", "ci_screen", 0).getVersion(), "new seed assets are added");

            List<String> resolved = second.assets().resolveAssets(ResolveAssetsRequest.getDefaultInstance())
                    .getAssetsList().stream().map(a -> a.getAssetType() + ":" + a.getName() + "@" + a.getVersion())
                    .toList();
            assertEquals(List.of("source:neo4j_main@1", "source:postgres_main@1", "schema:ci_schema@1",
                    "resolver:ci_resolver@1", "query:ci_lookup_v2@1", "policy:ci_policy@2", "screen:ci_screen@1"),
                    resolved, "operator's default kept, new default added");
        }
        // a third start with the same seed changes nothing more
        try (RunningService third = RunningService.start(cfg)) {
            assertEquals(2, get(third, "query", "ci_lookup", 0).getVersion());
        }
    }

    /** The repository's shipped default assets (assets/defaults) load and resolve as a whole. */
    @Test
    void shippedDefaultSeedLoadsAndResolves() throws Exception {
        Path shipped = Path.of("..", "assets", "defaults").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(shipped.resolve("defaults.json")), "no shipped seed at " + shipped);
        TraceConfig cfg = TestDatabase.config(TestDatabase.freshDatabaseUrl()).withAssetSeedDir(shipped);
        try (RunningService svc = RunningService.start(cfg)) {
            Set<String> resolved = svc.assets().resolveAssets(ResolveAssetsRequest.getDefaultInstance())
                    .getAssetsList().stream().map(a -> a.getAssetType() + ":" + a.getName()).collect(Collectors.toSet());
            Set<String> want = new HashSet<>();
            JsonNode defaults = new ObjectMapper().readTree(shipped.resolve("defaults.json").toFile());
            defaults.fields().forEachRemaining(e -> want.add(e.getKey() + ":" + e.getValue().asText()));
            try (Stream<Path> sources = Files.list(shipped.resolve("source"))) {
                sources.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .forEach(n -> want.add("source:" + n.substring(0, n.length() - 5)));
            }
            assertEquals(want, resolved);
        }
    }

    @Test
    void aDefaultWithoutPublishedVersionIsReportedClearly(@TempDir Path seedDir) throws Exception {
        SeedFiles.write(seedDir, "query/q.json", "{\"name\": \"q\"}");
        SeedFiles.write(seedDir, "defaults.json", "{\"query\": \"q\", \"prompt\": \"missing_prompt\"}");
        TraceConfig cfg = TestDatabase.config(TestDatabase.freshDatabaseUrl()).withAssetSeedDir(seedDir);
        try (RunningService svc = RunningService.start(cfg)) {
            String msg = assertStatus(Status.Code.INTERNAL,
                    () -> svc.assets().resolveAssets(ResolveAssetsRequest.getDefaultInstance()));
            assertTrue(msg.contains("prompt 'missing_prompt'"), msg);
            assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.assets().resolveAssets(
                    ResolveAssetsRequest.newBuilder().putOverrides("prompt", "missing_prompt").build()));
        }
    }

    @Test
    void malformedSeedsFailTheStartNamingTheFile(@TempDir Path dir) {
        String url = TestDatabase.freshDatabaseUrl();
        SeedFiles.write(dir, "a/query/wrong_name.json", "{\"name\": \"other\"}");
        SeedFiles.write(dir, "b/query/not_object.json", "[1, 2]");
        SeedFiles.write(dir, "c/query/broken.json", "{\"name\": ");
        SeedFiles.write(dir, "d/defaults.json", "{\"widget\": \"x\"}");
        SeedFiles.write(dir, "e/query/no_name.json", "{\"sql\": \"select 1\"}");
        for (String[] c : new String[][] {{"a", "wrong_name.json"}, {"b", "not_object.json"},
                {"c", "broken.json"}, {"d", "widget"}, {"e", "no_name.json"}}) {
            TraceConfig cfg = TestDatabase.config(url).withAssetSeedDir(dir.resolve(c[0]));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceServiceApp.start(cfg));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        TraceConfig missing = TestDatabase.config(url).withAssetSeedDir(dir.resolve("nowhere"));
        assertThrows(IllegalArgumentException.class, () -> TraceServiceApp.start(missing));
    }

    private static ResolvedAsset get(RunningService svc, String type, String name, int version) {
        return svc.assets().getAsset(GetAssetRequest.newBuilder().setAssetType(type).setName(name)
                .setVersion(version).build()).getAsset();
    }
}
