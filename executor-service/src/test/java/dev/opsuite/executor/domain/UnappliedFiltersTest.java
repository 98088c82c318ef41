package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A filter no template run can apply is taken out of the answered plan and said, never shown as applied. */
class UnappliedFiltersTest {
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    private static PlanModel impact(List<PlanModel.Filter> filters) {
        PlanModel.Primary p = new PlanModel.Primary("ci", "SW-1", List.of(), filters, List.of(), 0, 0, List.of(),
                List.of(), "core-sw");
        return new PlanModel(Intent.EXPAND, View.IMPACT, p, null, new PlanModel.Graph(3, List.of(), "in", 200), null,
                null, null, "en", List.of(), List.of(), "", List.of(), null, List.of());
    }

    private ExecutionResult run(PlanModel plan) {
        PlanExecutorTest.FakePort graph = new PlanExecutorTest.FakePort(assets).rows("graph_impact",
                List.of("ci_code", "ci_name", "ci_type", "status", "depth", "via", "relation", "total"),
                List.of(List.of("APP-1", "pay-api", "app", "running", 2, "VM-1", "RUNS_ON", 1)));
        return new PlanExecutor(new PlanExecutorTest.FakePort(assets), graph)
                .execute(plan, List.of("graph_impact"), assets);
    }

    @Test
    void aStatusFilterOnAGraphExpansionIsSaidNotApplied() {
        ExecutionResult r = run(impact(List.of(new PlanModel.Filter("ci_type", "eq", List.of("app")),
                new PlanModel.Filter("status", "eq", List.of("stopped")))));
        assertEquals(List.of(new PlanModel.Filter("ci_type", "eq", List.of("app"))), r.resolvedPlan().primary().filters());
        assertEquals(List.of("unapplied:status=stopped:graph_impact"), r.resolvedPlan().adjustments());
    }

    @Test
    void filtersTheTemplateTakesStayWithoutANote() {
        ExecutionResult r = run(impact(List.of(new PlanModel.Filter("ci_type", "ne", List.of("vm")))));
        assertEquals(1, r.resolvedPlan().primary().filters().size());
        assertEquals(List.of(), r.resolvedPlan().adjustments());
    }
}
