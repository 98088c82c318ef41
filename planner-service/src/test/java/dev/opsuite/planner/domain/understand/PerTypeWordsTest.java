package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of per-CI wordings (no set's questions), asked on 2047-09-09 10:00 in Seoul: "db별 메모리", "DB별 메모리
 * 사용량", "각 db 메모리" asked which of the databases was meant, and "vm별 cpu" answered the one VM of the estate — a type
 * word with 별 ("per") after it or 각 ("each") before it names every CI of the type, as 들 does; "per" and "each" are
 * read, not left unexplained.
 */
class PerTypeWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-09-09T10:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("PT-1", "cargo-db", "database"), ci("PT-2", "route-db", "database"),
                    ci("PT-3", "yard-vm", "vm")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"db별 메모리|database", "DB별 메모리 사용량|database", "각 db 메모리|database",
        "vm별 cpu|vm", "memory per db|database", "memory of each db|database"})
    void aTypePerOrEachIsEveryCiOfIt(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertEquals(List.of(type), p.primary().filters().stream().filter(f -> f.field().equals("ci_type"))
                .flatMap(f -> f.values().stream()).toList(), p.toString());
        assertEquals(List.of(), p.unexplained(), p.toString());
    }
}
