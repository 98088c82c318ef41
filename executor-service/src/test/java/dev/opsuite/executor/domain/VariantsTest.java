package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.QueryTemplate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which statement of a template runs: the first variant whose extension, range, agg and depth conditions hold. */
class VariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QueryTemplate template() throws Exception {
        return QueryTemplate.from(JSON.readTree("""
                {"name": "t", "statement": "RAW",
                 "variants": [
                   {"requires_extension": "timescaledb", "min_range_seconds": 3600, "statement": "TS"},
                   {"name": "rollup", "min_range_seconds": 10800, "aggs": ["avg", "max"], "statement": "ROLLUP"}]}"""));
    }

    private static SqlPort withExtensions(Set<String> installed) {
        return new SqlPort() {
            @Override
            public Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows, int timeout) {
                throw new AssertionError("not run");
            }

            @Override
            public boolean hasExtension(AssetDoc source, String extension) {
                return installed.contains(extension);
            }
        };
    }

    private static Map<String, Object> values(String agg, long hours) {
        OffsetDateTime to = OffsetDateTime.parse("2026-11-20T10:17:00+09:00");
        Map<String, Object> v = new HashMap<>();
        v.put("agg", agg);
        v.put("time_from", to.minusHours(hours).toString()); // as the plan gives it: RFC 3339 text
        v.put("time_to", to);                                // or already bound
        return v;
    }

    @Test
    void theFirstVariantWhoseConditionsAllHoldRuns() throws Exception {
        QueryTemplate t = template();
        SqlPort plain = withExtensions(Set.of());
        SqlPort timescale = withExtensions(Set.of("timescaledb"));
        assertEquals(new Variants.Choice("ROLLUP", Optional.of("rollup")), Variants.choose(t, null, plain, values("avg", 24)));
        assertEquals(new Variants.Choice("TS", Optional.of("variant 1")), Variants.choose(t, null, timescale, values("avg", 24)));
        assertEquals("ROLLUP", Variants.statement(t, null, plain, values("max", 3)), "exactly the shortest range");
        assertEquals(new Variants.Choice("RAW", Optional.empty()), Variants.choose(t, null, plain, values("avg", 2)),
                "a range shorter than min_range_seconds");
        assertEquals("RAW", Variants.statement(t, null, plain, values("p95", 24)), "an agg the variant does not list");
        assertEquals("RAW", Variants.statement(t, null, plain, values("last", 24 * 7)));
        assertEquals("TS", Variants.statement(t, null, timescale, values("p95", 24)), "no agg condition on the first");
        Map<String, Object> noRange = values("avg", 24);
        noRange.remove("time_from");
        assertEquals("RAW", Variants.statement(t, null, plain, noRange), "a range condition without a range fails");
        Map<String, Object> badTime = values("avg", 24);
        badTime.put("time_from", "yesterday");
        assertEquals("RAW", Variants.statement(t, null, plain, badTime));
        assertEquals(List.of("avg", "max"), t.variants().get(1).aggs());
    }

    @Test
    void aGraphWalkRunsTheShallowestVariantThatReachesTheDepthAsked() throws Exception {
        QueryTemplate t = QueryTemplate.from(JSON.readTree("""
                {"name": "impact", "language": "cypher", "statement": "WALK6",
                 "variants": [{"name": "depth 1", "max_depth": 1, "statement": "WALK1"},
                              {"name": "depth 3", "max_depth": 3, "statement": "WALK3"}]}"""));
        SqlPort none = withExtensions(Set.of());
        assertEquals(new Variants.Choice("WALK1", Optional.of("depth 1")), Variants.choose(t, null, none, Map.of("depth", 1)));
        assertEquals("WALK3", Variants.statement(t, null, none, Map.of("depth", 2)));
        assertEquals("WALK3", Variants.statement(t, null, none, Map.of("depth", 3L)), "exactly the deepest it answers");
        assertEquals("WALK6", Variants.statement(t, null, none, Map.of("depth", 4)), "deeper than every variant");
        assertEquals("WALK6", Variants.statement(t, null, none, Map.of()), "a depth condition without a depth fails");
        assertEquals("WALK6", Variants.statement(t, null, none, Map.of("depth", "2")), "a depth that is no number fails");
    }
}
