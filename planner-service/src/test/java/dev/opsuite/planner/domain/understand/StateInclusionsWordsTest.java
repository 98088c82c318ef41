package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A state the writer includes ("꺼진 것까지 다 포함해서", "including stopped ones") widens the answer: no status filter,
 * and the words are read, not left unexplained. A state asked for alone still filters.
 */
class StateInclusionsWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2031-03-02T10:00:00+09:00"), new EntityDictionary(5,
                List.of(at("QV-1", "ledger-vm", "vm", "Busan"), at("QV-2", "batch-vm", "vm", "Busan"),
                        at("QV-3", "web-vm", "vm", "Seoul")),
                List.of(), List.of(Map.entry("ci.location", "Busan"), Map.entry("ci.location", "Seoul"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Busan에 VM 몇 대야? 꺼진 것까지 다 포함해서", "부산 VM 목록 주세요, 중지된 것도 포함해서요",
        "how many VMs are there in Busan, including stopped ones?", "list the VMs in Busan, stopped ones included",
        "how many VMs in Busan, even the stopped ones"})
    void anIncludedStateFiltersNothing(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")), question + ": " + p);
        assertTrue(p.unexplained().stream().noneMatch(w -> w.contains("꺼") || w.contains("중지") || w.contains("stopped")),
                question + ": " + p.unexplained());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Busan에 꺼진 VM 몇 대야", "stopped VMs in Busan", "중지된 것만 보여줘, 부산 VM"})
    void aStateAskedForAloneStillFilters(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("status")
                && f.values().equals(List.of("stopped"))), question + ": " + p);
    }
}
