package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.QueryBinding.Condition;
import dev.opsuite.model.asset.QueryBinding.When;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QueryAssetTest {
    @Test
    void anEmptyTemplateReadsAsTheDeclaredDefaults() {
        QueryTemplate t = QueryTemplate.from(json("{'name': 'q'}"));
        assertEquals("q", t.name());
        assertEquals(QueryTemplate.DEFAULT_LANGUAGE, t.language());
        assertEquals("", t.statement());
        assertEquals("", t.source());
        assertEquals("q", t.title(), "the title defaults to the name");
        assertEquals(QueryTemplate.DEFAULT_TOOL, t.tool());
        assertEquals(OptionalInt.empty(), t.maxRows());
        assertEquals(List.of(), t.params());
        assertEquals(List.of(), t.variants());
        assertEquals(Optional.empty(), t.scope());
        assertEquals(Optional.empty(), t.result());
        assertEquals(List.of(), t.fixtures());
        assertEquals(new QueryTemplate.Search(5, 700, "ci_code", "ci_type", List.of(), List.of()), t.search());
        assertFalse(t.resolvesCis());
        assertEquals(QueryAsset.EMPTY, QueryAsset.from(null));
        assertEquals(QueryAsset.EMPTY, QueryAsset.of(null));
        assertEquals(List.of(), QueryAsset.EMPTY.queries());
    }

    @Test
    void theToolAndStatementDefaultByLanguage() {
        QueryTemplate search = QueryTemplate.from(json("{'name': 'd', 'language': 'search'}"));
        assertEquals(QueryTemplate.SEARCH_TOOL, search.tool());
        assertEquals(QueryTemplate.Search.DEFAULT_STATEMENT, search.statement());
        assertEquals(QueryTemplate.REDIS_TOOL, QueryTemplate.from(json("{'language': 'redis'}")).tool());
        assertEquals(QueryTemplate.DEFAULT_TOOL, QueryTemplate.from(json("{'language': 'cypher'}")).tool());
        assertEquals("ci_resolver", QueryTemplate.from(json("{'language': 'redis', 'tool': 'ci_resolver'}")).tool());
    }

    @Test
    void wrongKindsReadAsDefaults() {
        QueryTemplate t = QueryTemplate.from(json("{'name': 'q', 'language': 7, 'tool': true, 'title': 3, "
                + "'statement': ['x'], 'max_rows': '10', 'params': [{'name': 'a', 'type': 5, 'default_seconds_ago': "
                + "'300'}, 'b'], 'variants': 'v', 'search': {'top_k': '9', 'passage_chars': null, 'kinds': 'runbook', "
                + "'tags': [1, 'x']}, 'scope': 'yes', 'result': [1], 'fixtures': {}}"));
        assertEquals("sql", t.language());
        assertEquals("sql_executor", t.tool());
        assertEquals("q", t.title());
        assertEquals("", t.statement());
        assertEquals(OptionalInt.empty(), t.maxRows(), "\"10\" is not read as 10");
        assertEquals(List.of(new QueryTemplate.Param("a", "string", Optional.empty(), java.util.OptionalLong.empty())),
                t.params(), "an element that is no object is left out");
        assertEquals(List.of(), t.variants());
        assertEquals(new QueryTemplate.Search(5, 700, "ci_code", "ci_type", List.of(), List.of("x")), t.search());
        assertEquals(Optional.empty(), t.scope());
        assertEquals(Optional.empty(), t.result());
        assertEquals(List.of(), t.fixtures());

        QueryBinding b = QueryAsset.from(json("{'bindings': [{'query': 5, 'also': 'x', 'when': {'needs': 3}},"
                + " {'query': 'q', 'when': {'metric': 'true', 'intent': 1, 'view': 'SUMMARY'}}, 'z']}")).bindings().get(1);
        assertEquals(new QueryBinding("q", List.of(), new When(Optional.empty(), List.of(
                new Condition("metric", "true", false), new Condition("intent", "", false),
                new Condition("view", "SUMMARY", false)))), b, "each condition keeps its place; \"true\" is no true");
        QueryAsset a = QueryAsset.from(json("{'bindings': [{'query': 5, 'also': 'x', 'when': {'needs': 3}}, 'z']}"));
        assertEquals(1, a.bindings().size());
        assertEquals(new QueryBinding("", List.of(), new When(Optional.of(""), List.of())), a.bindings().get(0),
                "a needs of another kind still marks the binding as the product's own");
    }

    @Test
    void aFullTemplateReadsEveryMember() {
        QueryTemplate t = QueryTemplate.from(json("{'name': 'live', 'language': 'redis', 'source': 'redis_live', "
                + "'statement': 'HGETALL ci:{ci_code}:queue', 'title': 'Queue', 'max_rows': 20.0, "
                + "'params': [{'name': 'ci_code', 'default': null}, {'name': 'from', 'type': 'timestamp', "
                + "'default_seconds_ago': 300}], 'variants': [{'requires_extension': 'timescaledb', 'statement': 'S'}, {'name': 'rollup', "
                + "'min_range_seconds': 10800, 'aggs': ['avg', 'max'], 'statement': 'R'}, {'min_range_seconds': -5, 'max_depth': -1}, "
                + "{'max_depth': 3, 'statement': 'D3'}], "
                + "'scope': {'outside': 'o'}, 'result': {'row': true, 'fields': ['depth'], 'params': ['ci_code'], "
                + "'columns': {'depth': 'value', 'n': 3}, 'numbers': ['value'], 'times': ['ts']}, "
                + "'fixtures': [{'params': {'ci_code': 'APP001'}, 'columns': ['ci_code', 'value'], 'rows': [['APP001', 4]]},"
                + " {'columns': ['x'], 'rows': []}]}"));
        assertEquals(OptionalInt.of(20), t.maxRows());
        assertEquals("redis_executor", t.tool());
        assertTrue(t.params().get(0).byDefault().orElseThrow().isNull(), "a default given as null is given");
        assertEquals(java.util.OptionalLong.of(300), t.params().get(1).defaultSecondsAgo());
        assertTrue(t.declares("from"));
        assertEquals(List.of(new QueryTemplate.Variant("variant 1", "timescaledb", 0, List.of(), 0, "S"),
                new QueryTemplate.Variant("rollup", "", 10800, List.of("avg", "max"), 0, "R"),
                new QueryTemplate.Variant("variant 3", "", 0, List.of(), 0, ""),
                new QueryTemplate.Variant("variant 4", "", 0, List.of(), 3, "D3")), t.variants(),
                "unnamed variants are numbered; a negative range or depth reads as none");
        assertEquals(new QueryTemplate.Scope(List.of(), false, "o"), t.scope().orElseThrow());
        assertEquals(new QueryTemplate.Result(true, List.of("depth"), List.of("ci_code"), Map.of("depth", "value"),
                List.of("value"), List.of("ts")), t.result().orElseThrow());
        assertEquals(2, t.fixtures().size());
        assertEquals("APP001", t.fixtures().get(0).params().get("ci_code").textValue());
        assertEquals(4, t.fixtures().get(0).rows().get(0).get(1).intValue());
        assertEquals(Map.of(), t.fixtures().get(1).params(), "no params: any call");
    }

    @Test
    void theDefaultAssetParsesWithItsTemplatesAndBindings() throws Exception {
        QueryAsset q = QueryAsset.from(TestJson.defaultAsset("query", "ci_queries.json"));
        assertEquals(51, q.queries().size());
        assertEquals(45, q.bindings().size());
        assertEquals(35, q.queries().stream().filter(t -> t.language().equals(QueryTemplate.SQL)).count());
        assertEquals(11, q.queries().stream().filter(t -> t.language().equals(QueryTemplate.CYPHER)).count());
        assertEquals(4, q.queries().stream().filter(t -> t.language().equals(QueryTemplate.REDIS)).count());
        assertEquals(1, q.queries().stream().filter(t -> t.language().equals(QueryTemplate.SEARCH)).count());
        assertEquals(42, q.queries().stream().filter(t -> t.scope().isPresent()).count());
        assertEquals(List.of("metric_anomalies", "ci_health_anomalies", "metric_anomalies_among", "ci_anomalies_among"), q.queries().stream().filter(QueryTemplate::anomalyWindows)
                .map(QueryTemplate::name).toList());
        assertEquals(List.of("ci_root_cause"), q.queries().stream().filter(QueryTemplate::rootCause)
                .map(QueryTemplate::name).toList());
        assertEquals(16, q.queries().stream().mapToInt(t -> t.fixtures().size()).sum());
        assertEquals(38, q.bindings().stream().filter(b -> b.when().needs().isEmpty()).count());
        assertEquals(2, q.serving(When.DICTIONARY).size());
        assertEquals(List.of("ci_resolve"), q.serving(When.RESOLVE));
        assertEquals(List.of("doc_search"), q.serving(When.DOCUMENTS));
        assertTrue(q.servingTemplate(When.RESOLVE).orElseThrow().resolvesCis());
        assertEquals(OptionalInt.of(2000), q.template("metric_series").orElseThrow().maxRows());
        for (QueryBinding b : q.bindings()) {
            assertTrue(q.template(b.query()).isPresent(), b.query());
            b.also().forEach(also -> assertTrue(q.template(also).isPresent(), also));
        }
    }

    @Test
    void anAppliedVersionIsParsedOnce() {
        AssetDoc doc = new AssetDoc("query", "ci_queries", 1, "published", json("{'queries': [{'name': 'q'}]}"));
        assertSame(QueryAsset.of(doc), QueryAsset.of(doc));
        assertEquals(Optional.empty(), QueryAsset.of(doc).template("other"));
    }
}
