package dev.opsuite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryBinding;
import dev.opsuite.model.asset.QueryTemplate;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every SQL template of the default Query asset passes the default Policy's guard, parsed for real. */
class DefaultQueriesTest {

    @Test
    void everyDefaultSqlTemplateIsAllowedByTheDefaultPolicy() throws Exception {
        JsonNode queries = ModelJson.MAPPER.readTree(Path.of("..", "assets", "defaults", "query", "ci_queries.json").toFile());
        JsonNode security = ModelJson.MAPPER.readTree(Path.of("..", "assets", "defaults", "policy", "ci_policy.json")
                .toFile()).path("security");
        SqlGuard guard = new SqlGuard(set(security.path("allowed_operations")), set(security.path("blocked_tables")),
                set(security.path("schema_allowlist")), set(security.path("allowed_functions")));
        int sql = 0;
        for (JsonNode q : queries.path("queries")) {
            if ("sql".equals(q.path("language").asText())) {
                SqlGuard.Verdict v = guard.check(q.path("statement").asText());
                assertTrue(v.allowed(), q.path("name").asText() + ": " + v.reason());
                sql++;
                for (JsonNode variant : q.path("variants")) { // VALIDATE checks every variant that could run
                    SqlGuard.Verdict vv = guard.check(variant.path("statement").asText());
                    assertTrue(vv.allowed(), q.path("name").asText() + " " + variant.path("name").asText() + ": "
                            + vv.reason());
                }
            }
        }
        assertTrue(sql >= 8, "templates checked: " + sql);
    }

    @Test
    void theRollupVariantsReadTheRollupTablesAndTheBlockedTablesRuleSeesThem() throws Exception {
        QueryAsset queries = QueryAsset.from(ModelJson.MAPPER.readTree(Path.of("..", "assets", "defaults", "query",
                "ci_queries.json").toFile()));
        Set<String> functions = set(ModelJson.MAPPER.readTree(Path.of("..", "assets", "defaults", "policy",
                "ci_policy.json").toFile()).path("security").path("allowed_functions"));
        SqlGuard open = new SqlGuard(Set.of("select"), Set.of(), Set.of("public"), functions);
        SqlGuard blocking = new SqlGuard(Set.of("select"), Set.of("ci_metric_daily"), Set.of("public"), functions);
        int rollups = 0;
        for (QueryTemplate q : queries.queries()) {
            for (QueryTemplate.Variant v : q.variants()) {
                if (!v.name().equals("rollup")) {
                    continue;
                }
                SqlGuard.Verdict allowed = open.check(v.statement());
                assertTrue(allowed.tables().containsAll(Set.of("ci_metric", "ci_metric_hourly", "ci_metric_daily",
                        "ci_metric_rollup_pending")), q.name() + ": " + allowed.tables());
                SqlGuard.Verdict denied = blocking.check(v.statement());
                assertEquals("blocked_tables", denied.rule(), q.name() + ": " + denied.reason());
                rollups++;
            }
        }
        assertEquals(5, rollups, "metric_agg, metric_top, metric_per_ci_agg, metric_compare_agg, metric_rank_among_agg");
    }

    @Test
    void everyTemplateAPlanCanBindToRunsForAScopedCaller() throws Exception {
        QueryAsset queries = QueryAsset.from(ModelJson.MAPPER.readTree(Path.of("..", "assets", "defaults", "query",
                "ci_queries.json").toFile()));
        int checked = 0;
        for (QueryBinding b : queries.bindings()) {
            if (b.when().serves("dictionary") || b.when().serves("dictionary_revision")) {
                continue; // the executor's own reads of the estate's names, never a plan's
            }
            QueryTemplate q = queries.template(b.query()).orElse(null);
            assertTrue(ScopedTemplates.problem(q).isEmpty(), b.query() + ": " + ScopedTemplates.problem(q));
            for (String outside : ScopedTemplates.outsideQuery(q).stream().toList()) {
                assertTrue(queries.template(outside).isPresent(), outside);
            }
            checked++;
        }
        assertTrue(checked >= 20, "templates checked: " + checked);
    }

    private static Set<String> set(JsonNode arr) {
        Set<String> s = new HashSet<>();
        arr.forEach(n -> s.add(n.asText()));
        return s;
    }
}
