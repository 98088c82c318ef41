package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of state wordings (no set's questions), asked on 2044-07-02 09:10 in Seoul: "다 정상이야?" asked for a
 * CI ("정상" was no status word), "is everything running?" and "are all the vms healthy" listed the running ones, which
 * cannot show one that is not. Asked of everything (Prompt rules.understanding.all_well), the state is read negated: the
 * CIs not in it answer, and none means yes. "정상" is running (SchemaCatalog labels); with a CI named, or
 * without a word of all, the state is asked as before.
 */
class AllWellWordsTest {
    private static EntityDictionary.Entity ci(String code, String name, String type, String status) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", status));
    }

    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-07-02T09:10:00+09:00"),
            new EntityDictionary(5, List.of(ci("AW-1", "dock-api", "app", "running"), ci("AW-2", "dock-vm1", "vm", "stopped"),
                    ci("AW-3", "dock-vm2", "vm", "running")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"다 정상이야?|", "vm 모두 정상인가요?|vm", "전부 정상 작동 중이에요?|", "is everything running?|",
        "are all the vms running|vm", "is every vm running?|vm"})
    void everyCiInAStateIsAskedByTheOthers(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertEquals(List.of("running"), values(p, "status", "ne"), p.toString());
        assertEquals(type == null ? List.of() : List.of(type), values(p, "ci_type", "eq"), p.toString());
        assertEquals(List.of(), p.unexplained(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"정상인 vm 목록", "running vms", "how many running vms all up?"})
    void aStateWithoutAllIsAFilter(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(List.of("running"), values(p, "status", "eq"), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"dock-api 정상이야?", "is dock-api running"})
    void aNamedCiIsLookedUp(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("AW-1", p.primary().ciCode(), p.toString());
        assertEquals(List.of(), values(p, "status", "ne"), p.toString());
    }

    private static List<String> values(PlanModel p, String field, String op) {
        return p.primary().filters().stream().filter(f -> f.field().equals(field) && f.op().equals(op))
                .flatMap(f -> f.values().stream()).toList();
    }
}
