package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everyday words read from set 24's dev half (kinds, not its wordings): a country or region said as a word beside a
 * name several CIs share ("the korean zone server" among zone-server-kr and zone-server-jp) names the CI whose name
 * or code spells that region another way (Prompt {@code rules.understanding.name_word_equivalents}).
 */
class GameWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2049-03-21T20:50:00+09:00"), new EntityDictionary(4,
                List.of(ci("RG-1", "lobby-node-kr", "app"), ci("RG-2", "lobby-node-jp", "app"),
                        ci("RG-3", "Relay EU", "app"), ci("RG-4", "Relay US", "app"),
                        ci("RG-5", "cache-a", "database"), ci("RG-6", "cache-b", "database")),
                List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "what was the average latency of the korean lobby node yesterday?|RG-1",
        "japanese lobby node cpu rn|RG-2",
        "Lobby node (Japan) error rate now|RG-2",
        "일본 lobby node 응답시간 알려줘|RG-2",
        "european relay latency last 1h|RG-3",
        "미국 relay 에러율 지금 얼마야|RG-4"})
    void aRegionWordBesideASharedNameNamesTheCiOfThatRegion(String question, String code) {
        PlanModel p = estate.plan(question);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
        assertTrue(p.candidates().isEmpty(), question + ": " + p.candidates());
        assertTrue(p.unexplained().isEmpty(), question + ": " + p.unexplained());
    }

    /** A region no candidate is named for narrows nothing: the question still asks between them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"korean cache cpu now", "the chinese relay latency now"})
    void aRegionNoCandidateHasDoesNotPick(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.candidates().size() >= 2, question + ": " + p);
    }
}
