package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.opsuite.guard.PlanValidator;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.errors.OpsException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Fuzz target of the planner (#13): any question of up to 2 000 characters (the gateway's bound) is
 * planned without an exception other than a refusal, and whatever plan comes out is validated
 * without one. Under `mvn test` it replays its seed inputs (PlannerFuzzTestInputs/); fuzz for real
 * with `JAZZER_FUZZ=1 mvn -pl planner-service test -Dtest=PlannerFuzzTest`.
 */
class PlannerFuzzTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T21:30:00+09:00");
    private static AssetBundle assets;
    private static final RulesPlanner PLANNER = new RulesPlanner();
    private static final PlanValidator VALIDATOR = new PlanValidator();

    @FuzzTest(maxDuration = "60s")
    void anyQuestionIsPlannedOrRefusedNeverCrashes(FuzzedDataProvider data) throws Exception {
        if (assets == null) {
            assets = DefaultAssets.load();
        }
        String question = data.consumeString(2000);
        try {
            PlanDecision d = PLANNER.plan(question, assets, NOW);
            assertNotNull(d.kind());
            if (d.plan() != null && d.plan().intent() != null) {
                assertNotNull(VALIDATOR.validate(d.plan(), assets, List.of("viewer")).decisions());
            }
        } catch (OpsException refused) {
            // a refusal with a message is an answer
            assertNotNull(refused.getMessage());
        }
    }
}
