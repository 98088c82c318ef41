package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
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
 * Found by a grid of failure wordings (no set's questions), asked on 2052-08-14 19:20 in Seoul: "어제 죽은 서버",
 * "지난주에 멈춘 vm 있었어?" listed the CIs stopped now, the day unread; "which servers in Busan failed yesterday" listed
 * the servers there, and "… went down last night" asked what their outage would impact. A state word that is also a
 * failure word, or a failure word with a type and a place, with a past time named, is the failures of those CIs then.
 * With no time, the state is the state now.
 */
class StateThenWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(at("ST-1", "till-01", "server", "Busan DC"), at("ST-2", "till-02", "server", "Seoul DC"),
                    at("ST-3", "stock-pg", "database", "Seoul DC"), at("ST-4", "edge-vm", "vm", "Busan DC")), List.of(),
                    List.of(java.util.Map.entry("ci.location", "Busan DC"), java.util.Map.entry("ci.location", "Seoul DC"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "어제 죽은 서버|yesterday",
        "어제 죽은 서버 있어?|yesterday",
        "지난주에 멈춘 vm 있었어?|last_week",
        "which servers in Busan DC failed yesterday|yesterday",
        "which servers at Busan DC went down yesterday|yesterday"})
    void aFailureStateThenIsTheEventsThen(String question, String range) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertEquals(range, p.history().timeRange(), p.toString());
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void withNoTimeTheStateIsNow() {
        PlanModel p = ESTATE.plan("죽은 서버");
        assertFalse(p.history().enabled(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("status")), p.toString());
    }
}
