package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name written without the gloss in brackets at its end ("quota-store" for "quota-store (main)") is that CI's whole
 * name, even beside a CI whose longer name holds it ("quota-store standby"); two CIs that share the name before their
 * glosses ("relay (north)", "relay (south)") are still asked between (weak sets' dev halves, issue 12).
 */
class NameWithoutGlossWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2048-09-14T08:00:00+09:00"),
            new EntityDictionary(1, List.of(WordsEstate.ci("q-1", "quota-store (main)", "database"),
                    WordsEstate.ci("q-2", "quota-store standby", "database"),
                    WordsEstate.ci("r-1", "relay (north)", "app"), WordsEstate.ci("r-2", "relay (south)", "app")),
                    List.of(), List.of()));

    @Test
    void aNameWithoutItsGlossIsThatCi() {
        PlanModel p = ESTATE.plan("what is the memory of quota-store right now");
        assertEquals("q-1", p.primary().ciCode(), p.toString());
        PlanModel spaced = ESTATE.plan("Olga's quota store CPU now?");
        assertEquals("q-1", spaced.primary().ciCode(), spaced.toString());
        PlanModel longer = ESTATE.plan("quota-store standby cpu now");
        assertEquals("q-2", longer.primary().ciCode(), longer.toString());
    }

    @Test
    void twoNamesAlikeBeforeTheirGlossesAreAskedBetween() {
        PlanModel p = ESTATE.plan("relay cpu now");
        assertTrue(p.primary().ciCode().isEmpty(), p.toString());
        assertEquals(List.of("r-1", "r-2"), WordsEstate.candidates(p), p.toString());
    }
}
