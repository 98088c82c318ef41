package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.MappingAsset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #14: for every query of the default Mapping asset (so every executor: metric, history, graph, CI
 * lookup) a failed call is stated — store, source, what could not be answered, in Korean and
 * English — and never read as the rule's "no data" text.
 */
class ToolFailuresTest {
    private static final AssetBundle ASSETS = new AssetBundle(DefaultAssets.docs());
    private static final AnswerComposer COMPOSER = new AnswerComposer();

    private static PlanModel plan(String lang, List<String> missing) {
        PlanModel.Primary primary = new PlanModel.Primary("ci", "DB003", List.of("payment-db"), List.of(), List.of(), 0,
                0, List.of(), List.of(), "payment-db");
        return new PlanModel(Intent.EXPAND, View.IMPACT, primary, null, new PlanModel.Graph(3, List.of(), "in", 200),
                null, null, new PlanModel.Output(List.of("text"), "text", false), lang, missing, List.of(), "",
                List.of(), Map.of(), List.of());
    }

    private static ToolOutput failed(String tool, String query, String code) {
        return new ToolOutput(tool, query, List.of(), List.of(), false, Map.of("source", "some_source",
                "error_code", code), "connection refused", "UNAVAILABLE".equals(code));
    }

    @Test
    void everyQueryOfTheMappingSaysWhichSourceFailedAndWhatIsMissing() {
        int checked = 0;
        for (MappingAsset.Rule rule : ASSETS.mapping().rules()) {
            String query = rule.query();
            String tool = toolOf(query);
            for (String lang : List.of("ko", "en")) {
                for (String code : List.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL")) {
                    AnswerComposer.Composed c = COMPOSER.compose(plan(lang, List.of()),
                            List.of(failed(tool, query, code)), ASSETS);
                    String where = query + " " + lang + " " + code + ": " + c.answer();
                    assertEquals(ToolFailures.WARNING, c.blocks().get(0).type(), where);
                    assertTrue(c.answer().contains("(some_source)"), where);
                    assertTrue(c.answer().contains("ko".equals(lang) ? "조회하지 못했습니다" : "could not be answered"), where);
                    assertFalse(c.answer().matches("(?s).*\\{[a-z_:/]+}.*"), where);
                    String store = ASSETS.mapping().messages().store(tool).in(lang);
                    assertFalse(store.isEmpty(), "a store label for " + tool);
                    assertTrue(c.answer().toLowerCase().contains(store.toLowerCase()), where);
                    // the rule's own blocks (its "no data" text among them) are not composed at all
                    assertTrue(c.blocks().stream().allMatch(b -> b.type().equals(ToolFailures.WARNING)
                            || "reading".equals(b.title())), where + " " + c.blocks());
                    assertEquals(c.blocks().get(0).data().get("reason"), switch (code) {
                        case "UNAVAILABLE" -> "unavailable";
                        case "DEADLINE_EXCEEDED" -> "timeout";
                        default -> "failed";
                    });
                    checked++;
                }
            }
        }
        assertTrue(checked >= 120, "checked " + checked);
    }

    @Test
    void aFailedNameLookupIsNotNoCiMatches() {
        for (String lang : List.of("ko", "en")) {
            AnswerComposer.Composed c = COMPOSER.compose(plan(lang, List.of("primary.ci")),
                    List.of(failed("ci_resolver", "ci_resolve", "UNAVAILABLE")), ASSETS);
            assertEquals(1, c.blocks().stream().filter(b -> b.type().equals(ToolFailures.WARNING)).count(), c.answer());
            assertTrue(c.answer().contains("payment-db") && c.answer().contains("(some_source)"), c.answer());
            assertFalse(c.answer().contains("No CI matches") || c.answer().contains("찾지 못했습니다"), c.answer());
        }
    }

    @Test
    void aPartialAnswerStatesTheFailureFirstAndKeepsWhatWasAnswered() {
        ToolOutput ok = new ToolOutput("graph_executor", "graph_impact", List.of("ci_code", "ci_name", "ci_type", "status",
                "depth", "via", "relation", "total"), List.of(List.of("APP001", "payment-api", "app", "running", 1, "DB003",
                "DEPENDS_ON", 1)), false, Map.of("source", "neo4j_graph"), null, false);
        AnswerComposer.Composed c = COMPOSER.compose(plan("en", List.of()), List.of(ok,
                failed("hist_executor", "events_list", "UNAVAILABLE")), ASSETS);
        assertEquals(ToolFailures.WARNING, c.blocks().get(0).type());
        assertTrue(c.answer().startsWith("The event history store (some_source) is unavailable, so the events could not "
                + "be answered."), c.answer());
        assertTrue(c.answer().contains("payment-api"), "what was answered stays: " + c.answer());
        assertTrue(c.blocks().stream().anyMatch(b -> b.type().equals("table")), c.blocks().toString());
    }

    @Test
    void aFailedSummaryIsStatedAboveTheTemplateText() {
        Block b = ToolFailures.summary("HTTP 500 from the model", ASSETS.mapping().messages(), "ko");
        assertEquals(ToolFailures.WARNING, b.type());
        assertTrue(b.content().contains("언어 모델 요약"), b.content());
        assertEquals("llm_summary", b.data().get("tool"));
    }

    private static String toolOf(String query) {
        for (JsonNode q : ASSETS.content("query").path("queries")) {
            if (q.path("name").asText().equals(query)) {
                return q.path("tool").asText();
            }
        }
        throw new AssertionError(query);
    }
}
