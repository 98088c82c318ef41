package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.executor.present.ScreenPresenter;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** low_evidence when a template needs a value the results lack; present_limit over max_table_rows. */
class ComposePresentTriggersTest {
    private static final PlanModel PLAN = new PlanModel(Intent.LOOKUP, View.SUMMARY,
            new PlanModel.Primary("ci", "SVR001", List.of(), List.of(), List.of(), 0, 0), null, null,
            new PlanModel.Metric("cpu_usage", "latest", "", "", "", "", 0, ""), null, null, "en", null, null, "");

    private static AssetBundle bundle(String mapping, String screen) throws Exception {
        return new AssetBundle(List.of(
                new AssetDoc("mapping", "m", 1, "published", ModelJson.MAPPER.readTree(mapping)),
                new AssetDoc("screen", "s", 1, "published", ModelJson.MAPPER.readTree(screen))));
    }

    private static ToolOutput rows(int n) {
        List<List<Object>> r = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(List.of("SVR00" + i, 1.5 * i));
        }
        return new ToolOutput("metric_executor", "q", List.of("ci_code", "value"), r, false, Map.of(), null, false);
    }

    @Test
    void aTemplateValueMissingFromTheResultsIsLowEvidence() throws Exception {
        AssetBundle assets = bundle("""
                {"rules":[{"query":"q","blocks":[{"type":"text","template":{"en":"{ci_code} is {value}, owner {owner}"}}]}]}""",
                "{}");
        AnswerComposer.Composed c = new AnswerComposer().compose(PLAN, List.of(rows(1)), assets);
        assertTrue(c.lowEvidence(), c.warnings().toString());
        // the gap is neither invented nor shown as a placeholder; the trace records it as low evidence
        assertEquals("SVR000 is 0.0, owner", c.answer());
        AnswerComposer.Composed ok = new AnswerComposer().compose(PLAN, List.of(rows(1)), bundle("""
                {"rules":[{"query":"q","blocks":[{"type":"text","template":{"en":"{ci_code} is {value}"}}]}]}""", "{}"));
        assertFalse(ok.lowEvidence());
    }

    @Test
    void aTableOverTheScreenLimitIsPresentLimit() throws Exception {
        AssetBundle assets = bundle("""
                {"rules":[{"query":"q","blocks":[{"type":"table"}]}]}""", "{\"max_table_rows\": 3}");
        AnswerComposer.Composed big = new AnswerComposer().compose(PLAN, List.of(rows(5)), assets);
        assertTrue(new ScreenPresenter().overLimit(big.blocks(), assets).isPresent());
        AnswerComposer.Composed small = new AnswerComposer().compose(PLAN, List.of(rows(3)), assets);
        assertFalse(new ScreenPresenter().overLimit(small.blocks(), assets).isPresent());
    }
}
