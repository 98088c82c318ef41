package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A capped result with a "total" column is told by its total, in the sentence and in "and N more". */
class ListTotalTest {
    private static final PlanModel PLAN = new PlanModel(Intent.LIST, View.SUMMARY,
            new PlanModel.Primary("ci", "DB001", List.of(), List.of(), List.of(), 0, 0), null, null, null, null, null,
            "en", null, null, "");
    private static final String MAPPING = """
            {"rules":[{"query":"graph_impact","list_limit":3,"blocks":[
              {"type":"text","template":{"en":"{total} CIs are impacted ({row_count} shown): {list}."}},
              {"type":"table"}]}],
             "messages":{"more":{"en":" and {n} more"}}}""";

    private static ToolOutput rows(int n, Long total, boolean truncated) {
        List<String> cols = new ArrayList<>(List.of("ci_code", "ci_name"));
        if (total != null) {
            cols.add("total");
        }
        List<List<Object>> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(List.of("APP" + i, "app-" + i));
            if (total != null) {
                row.add(total);
            }
            r.add(row);
        }
        return new ToolOutput("graph_executor", "graph_impact", cols, r, truncated, Map.of(), null, false);
    }

    private static AnswerComposer.Composed compose(ToolOutput out) throws Exception {
        AssetBundle assets = new AssetBundle(List.of(
                new AssetDoc("mapping", "m", 1, "published", ModelJson.MAPPER.readTree(MAPPING))));
        return new AnswerComposer().compose(PLAN, List.of(out), assets);
    }

    @Test
    void theTotalCountsEveryMatchNotOnlyTheRowsReturned() throws Exception {
        AnswerComposer.Composed c = compose(rows(50, 1809L, true));
        assertEquals("1809 CIs are impacted (50 shown): app-0(APP0), app-1(APP1), app-2(APP2) and 1806 more.",
                c.answer());
        Block table = c.blocks().stream().filter(b -> b.type().equals("table")).findFirst().orElseThrow();
        assertEquals(1809L, table.data().get("total"));
        assertEquals(true, table.data().get("truncated"));
    }

    @Test
    void withoutATotalTheRowsReturnedAreTheCount() throws Exception {
        AnswerComposer.Composed c = compose(rows(5, null, false));
        assertEquals("5 CIs are impacted (5 shown): app-0(APP0), app-1(APP1), app-2(APP2) and 2 more.", c.answer());
        Block table = c.blocks().stream().filter(b -> b.type().equals("table")).findFirst().orElseThrow();
        assertEquals(false, table.data().get("truncated"));
    }
}
