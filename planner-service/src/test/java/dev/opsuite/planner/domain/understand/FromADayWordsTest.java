package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of my own wordings, asked on 2052-08-14 19:20 in Seoul: "alerts from yesterday" and "kiln-api
 * deploys from last week" were read as since yesterday / since last week, up to now. "from" before a day standing
 * alone is that day ({@link FromADay}); with an end ("to now", "until Friday", "onwards") or "since", "부터", a start.
 */
class FromADayWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("FD-1", "kiln-api", "app")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "alerts from yesterday|2052-08-13T00:00+09:00|2052-08-14T00:00+09:00",
        "kiln-api deploys from last week|2052-08-05T00:00+09:00|2052-08-12T00:00+09:00",
        "kiln-api incidents from August 3|2052-08-03T00:00+09:00|2052-08-04T00:00+09:00",
        "alerts from yesterday onwards|2052-08-13T00:00+09:00|2052-08-14T19:20+09:00",
        "alerts since yesterday|2052-08-13T00:00+09:00|2052-08-14T19:20+09:00",
        "어제부터 알람|2052-08-13T00:00+09:00|2052-08-14T19:20+09:00"})
    void fromADayAloneIsThatDay(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.history().timeFrom(), p.toString());
        assertEquals(to, p.history().timeTo(), p.toString());
    }
}
