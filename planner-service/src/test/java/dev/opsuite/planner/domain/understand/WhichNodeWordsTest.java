package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Which node is X on", asked the way it is typed: "어느 노드에 있어", glued ("어느노드에"), with a phone's 있 slip ("잇음"),
 * with the English word in Korean ("어느 node에서 running 중") — where X runs (RUNS_ON, outwards), not a summary of X.
 * Read from set 31's dev half (a kind, not its wording); asked of an estate of its own.
 */
class WhichNodeWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2059-04-16T14:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("FX-1", "fare-api", "app"), ci("FX-2", "fare-redis", "database"),
                    ci("FX-3", "kube-a1", "server"), ci("FX-4", "kube-a2", "server")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fare-api 어느 노드에 있어?|FX-1",
        "fare-api 어느노드에 잇음?|FX-1",
        "fare-redis 어느 node에서 running 중이에요?|FX-2",
        "fare-redis 지금 어느 서버에 떠 있어요?|FX-2",
        "which node is fare-api running?|FX-1"})
    void whereItRuns(String question, String code) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertEquals(code, p.primary().ciCode(), p.toString());
        assertTrue(p.graph().relationTypes().contains("RUNS_ON"), p.toString());
    }
}
