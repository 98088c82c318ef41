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
 * A time of day written beside "last night", read from set 29's dev half (its kind, not its wordings): the night is
 * yesterday's, so "last night at 11pm" is yesterday at 23:00 (not today's 23:00, still to come), "last night from 9pm
 * to 11pm" yesterday's window, and "last night at 1am" today at 01:00 (the night runs past
 * midnight). Each reads as the same question written with "yesterday" or "today". Asked on Thursday 2057-04-09 at
 * 20:15 in Seoul of an estate of its own.
 */
class LastNightClockWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2057-04-09T20:15:00+09:00"),
            new EntityDictionary(3, List.of(ci("SO-1", "sort-api", "app"), ci("SO-2", "parcel-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sort-api cpu last night at 11pm|sort-api cpu yesterday at 11pm",
        "parcel-db avg cpu last night from 9pm to 11pm|parcel-db avg cpu yesterday from 9pm to 11pm",
        "parcel-db cpu last night at 1am|parcel-db cpu today at 1am",
        "sort-api max latency last night between 10:30pm and 11:45pm|sort-api max latency yesterday between 10:30pm and 11:45pm"})
    void theNightIsYesterdays(String lastNight, String same) {
        PlanModel p = ESTATE.plan(lastNight);
        PlanModel q = ESTATE.plan(same);
        assertTrue(q.metric().timeStated(), same + ": " + q.metric());
        assertEquals(q.metric().timeFrom(), p.metric().timeFrom(), lastNight + ": " + p.metric());
        assertEquals(q.metric().timeTo(), p.metric().timeTo(), lastNight + ": " + p.metric());
    }
}
