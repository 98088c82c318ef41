package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two kinds of wording of the weakest sets' dev halves, asked on Sunday 2044-03-06 19:00 in Seoul of an estate of
 * their own. A type word inside an inclusion ("서비스도 포함해서", "counting the services too"), when it is the only
 * type asked, widens the answer to every type — it is no filter (StateInclusions, the Prompt's state_inclusions
 * patterns). The plain verb "붙어" / "붙나" ("X는 어디에 붙어?") asks what X calls, as "붙어 있는" already did (Prompt
 * intent calls).
 */
class IncludedTypesAndAttachWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-06T19:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("IN-1", "Tide Gauge", "app"), ci("IN-2", "tide-pg", "database"),
                    ci("IN-3", "Harbour Watch", "service"), ci("IN-4", "quay-vm2", "vm")), List.of(), List.of()));

    private static List<String> types(PlanModel p) {
        return p.primary().filters().stream().filter(f -> f.field().equals("ci_type")).flatMap(f -> f.values().stream())
                .sorted().toList();
    }

    /** The included type is no filter when it is the only one; beside another it joins it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "등록된 CI 전부 몇 개야? 서비스도 포함해서|",
        "CI 몇 개 있어? 서비스까지 다 쳐서|",
        "how many CIs do we have, including services?|",
        "how many CIs in total, counting the services|",
        "서비스 몇 개야?|service",
        "how many services do we run|service",
        "how many apps are there, including the services|app service"})
    void anIncludedTypeWidensTheAnswer(String question, String expected) {
        PlanModel p = ESTATE.plan(question);
        List<String> want = expected == null ? List.of() : List.of(expected.split(" "));
        assertEquals(want, types(p), p.toString());
    }

    /** "어디에 붙어?": what it calls (out); "X에 붙어 있는 거": what calls it (in). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Tide Gauge는 어디에 직접 붙어?|out",
        "Tide Gauge 어디에 붙어 있어?|out",
        "Tide Gauge 어디 붙나?|out",
        "Tide Gauge에 붙어 있는 거|in"})
    void attachingAsksWhatItCalls(String question, String direction) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("IN-1", p.primary().ciCode(), p.toString());
        assertEquals(direction, p.graph().direction(), p.toString());
        assertEquals(1, p.graph().depth(), p.toString());
    }
}
