package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of threshold wordings (no set's questions), asked on 2045-02-11 15:00 in Seoul: "did X ever drop below
 * 10", "한 번이라도 10 아래로 떨어졌어?" were answered with the maximum — which says whether every sample was below, not
 * whether one was; "90 넘은 적 있어?" ("has it ever gone over 90") with the average. Words asking about any one sample
 * (Prompt rules.understanding.any_sample_words) are the range's maximum beside a threshold above and its minimum beside
 * one below.
 */
class AnySampleWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2045-02-11T15:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("AS-1", "gate-srv", "server"), ci("AS-2", "lane-db", "database")), List.of(),
                    List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "did gate-srv cpu ever drop below 10 today|min",
        "gate-srv cpu 오늘 한 번이라도 10 아래로 떨어졌어?|min",
        "lane-db 메모리 어제 20 밑으로 떨어진 적 있어?|min",
        "was gate-srv cpu under 5% at any point yesterday|min",
        "did gate-srv cpu ever go above 90 today|max",
        "gate-srv cpu 오늘 90 넘은 적 있어?|max",
        "lane-db 메모리 어제 80 넘은 적이 있었나요|max",
        "gate-srv cpu 오늘 한번이라도 90 넘었어?|max"})
    void anyOneSampleIsTheExtremeOnTheThresholdsSide(String question, String agg) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(agg, p.metric().agg(), p.toString());
        assertTrue(p.unexplained().stream().noneMatch(w -> w.contains("ever") || w.contains("적") || w.contains("번")
                || w.contains("point")), p.toString()); // the word is read ("drop" of "drop below" is not, as before)
    }
}
