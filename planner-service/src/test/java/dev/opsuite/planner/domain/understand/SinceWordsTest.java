package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of "since" wordings (no set's questions), asked on 2047-06-02 19:30 in Seoul: "since this morning",
 * "오늘 아침부터", "since last night" were read as the part of the day alone (06:00–12:00), silently dropping the hours
 * from then to now — the connector written with a part of a day was lost unless a day word carried it; and "over 80
 * since yesterday" left its threshold unread (the "s" of "since" was taken for a unit of seconds).
 */
class SinceWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2047-06-02T19:30:00+09:00");
    private static final WordsEstate ESTATE = new WordsEstate(NOW,
            new EntityDictionary(5, List.of(ci("SN-1", "lamp-srv", "server"), ci("SN-2", "bill-db", "database")), List.of(),
                    List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lamp-srv cpu since this morning|2047-06-02",
        "lamp-srv cpu 오늘 아침부터|2047-06-02",
        "bill-db memory since last night|2047-06-01",
        "bill-db 메모리 어제 저녁부터|2047-06-01",
        "lamp-srv cpu since yesterday morning|2047-06-01"})
    void aPartOfADayAfterSinceRunsToNow(String question, String day) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(NOW, OffsetDateTime.parse(p.metric().timeTo()), p.toString());
        OffsetDateTime from = OffsetDateTime.parse(p.metric().timeFrom());
        assertEquals(day, from.toLocalDate().toString(), p.toString());
        assertTrue(from.getHour() > 0, p.toString()); // the part's first hour, not the day's
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lamp-srv cpu over 80 since yesterday|gt",
        "bill-db memory below 40 since monday|lt",
        "was lamp-srv cpu above 90 since 9am|gt"})
    void aThresholdBeforeSinceIsRead(String question, String op) {
        PlanModel p = ESTATE.plan(question);
        assertNotNull(p.metric().threshold(), p.toString());
        assertEquals(op, p.metric().threshold().op(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }
}
