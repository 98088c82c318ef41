package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of failure wordings (no set's questions), asked on 2047-08-14 09:10 in Seoul: "which server failed
 * yesterday" listed every server with "yesterday" unread; "which dbs went down last night" listed the databases stopped
 * now. A type of CIs, a failure word and a time named ask for the failures then: the events of those CIs over that time.
 * Without a time, "which db is down" is still the status now, and "what breaks if X fails" an impact.
 */
class FailedThenWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-08-14T09:10:00+09:00"),
            new EntityDictionary(5, List.of(ci("FT-1", "scan-srv", "server"), ci("FT-2", "fleet-db", "database"),
                    ci("FT-3", "toll-api", "app")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which server failed yesterday|server",
        "which servers went down yesterday|server",
        "which db went down last night|database",
        "어제 장애난 서버 뭐야|server"})
    void aTypeThatFailedThenIsItsEvents(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("ci_type") && f.values().equals(List.of(type))),
                p.toString());
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")), p.toString());
        assertFalse(p.history().timeFrom().isEmpty(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void withoutATimeItIsTheStatusOrAnImpact() {
        PlanModel down = ESTATE.plan("which db is down");
        assertFalse(down.history().enabled(), down.toString());
        assertTrue(down.primary().filters().stream().anyMatch(f -> f.field().equals("status")), down.toString());
        assertEquals("IMPACT", ESTATE.plan("what breaks if fleet-db fails").view().name());
    }
}
