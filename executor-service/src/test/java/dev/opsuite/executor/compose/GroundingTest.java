package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.PlanModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a summary may say: only timestamps, names and numbers the results hold. */
class GroundingTest {
    private final ToolOutput cpu = new ToolOutput("metric_executor", "metric_latest",
            List.of("ci_code", "ci_name", "value", "ts"),
            List.of(List.of("SVR001", "srv-seoul-01", 87.234, "2026-11-25T21:25:00+09:00"),
                    List.of("SVR002", "srv-seoul-02", 12.5, "2026-11-25T21:25:00+09:00")),
            false, Map.of(), "", false);
    private final PlanModel plan = new PlanModel(null, null,
            new PlanModel.Primary("ci", "", List.of("서버A"), null, null, 0, 0), null, null,
            new PlanModel.Metric("cpu_usage", "avg", "last_24h", "", "", "", 3, ""), null, null, "en", null, null, "q");

    @Test
    void valuesRoundedAsWrittenNamesAndTimesOfTheResultsAreGrounded() {
        assertEquals(List.of(), Grounding.ungrounded(
                "SVR001 (srv-seoul-01) is at 87.2% and SVR002 at 12.5% over the last 24 hours, top 3, 2 CIs, "
                        + "as of 2026-11-25 21:25.", List.of(cpu), plan));
    }

    @Test
    void inventedNumbersNamesAndTimesAreNot() {
        assertEquals(List.of("03:00", "DB999", "97.3"), Grounding.ungrounded(
                "SVR001 is at 97.3% and DB999 went down at 03:00.", List.of(cpu), plan));
        assertEquals(List.of("87.3"), Grounding.ungrounded("SVR001 is at 87.3%", List.of(cpu), plan));
    }
}
