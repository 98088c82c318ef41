package dev.opsuite.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsuite.model.errors.OpsException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner strategy's words: a request's three, a Prompt asset's four (with the old name). */
class PlannerStrategyTest {
    @Test
    void aRequestNamesOneOfThreeWordsOrNone() {
        assertEquals(Optional.empty(), PlannerStrategy.ofRequest(""));
        assertEquals(Optional.of(PlannerStrategy.RULES_ONLY), PlannerStrategy.ofRequest("rules_only"));
        assertEquals(Optional.of(PlannerStrategy.LLM_ONLY), PlannerStrategy.ofRequest("llm_only"));
        for (String bad : new String[] {"RULES_ONLY", "rules_then_llm", " rules_first", "llm"}) {
            OpsException e = assertThrows(OpsException.class, () -> PlannerStrategy.ofRequest(bad), bad);
            assertEquals("planner_strategy", e.field());
        }
    }

    @Test
    void anAssetMayHoldTheOldNameAndBlankFallsBack() {
        assertEquals(PlannerStrategy.RULES_FIRST, PlannerStrategy.ofAsset("rules_then_llm", PlannerStrategy.LLM_ONLY));
        assertEquals(PlannerStrategy.RULES_ONLY, PlannerStrategy.ofAsset(" Rules_Only ", PlannerStrategy.LLM_ONLY));
        assertEquals(PlannerStrategy.LLM_ONLY, PlannerStrategy.ofAsset("", PlannerStrategy.LLM_ONLY));
        assertThrows(OpsException.class, () -> PlannerStrategy.ofAsset("turbo", PlannerStrategy.RULES_FIRST),
                "an unknown word is refused, never read as the fallback");
    }
}
