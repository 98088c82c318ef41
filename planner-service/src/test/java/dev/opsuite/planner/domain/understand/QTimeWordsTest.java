package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Times written the way kdb+/q writes them (Resolver rules kdb_*): ".z.d" is today and ".z.d-3" three days ago,
 * "time>.z.p-06:00" the last six hours, and a q timestamp "2041.03.02D08:15:30.000" that moment.
 */
class QTimeWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2041-03-04T16:00:00+09:00"), new EntityDictionary(4,
                List.of(ci("kdb-rt", "Quote Feed", "app"), ci("kdb-hist", "Quote History", "database")), List.of(), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void todayMinusDaysIsThatDay() {
        PlanModel p = estate.plan("select avg cpu_usage from metrics where ci=`Quote Feed, date=.z.d-3");
        at("2041-03-01T00:00+09:00", p.metric().timeFrom(), ".z.d-3");
        at("2041-03-02T00:00+09:00", p.metric().timeTo(), "one whole day");
        PlanModel today = estate.plan("select max mem_usage from metrics where ci=`Quote History, date=.z.d");
        at("2041-03-04T00:00+09:00", today.metric().timeFrom(), ".z.d is today");
    }

    @Test
    void nowMinusHoursIsTheLastHours() {
        PlanModel p = estate.plan("max latency_ms of Quote Feed where time>.z.p-06:00");
        assertEquals("last_6h", p.metric().timeRange(), p.toString());
    }

    @Test
    void aQTimestampIsThatMoment() {
        PlanModel p = estate.plan("cpu_usage of Quote Feed at exactly 2041.03.02D08:15:30.000");
        at("2041-03-02T08:15:31+09:00", p.metric().timeTo(), "the sample at or before 08:15:30");
    }
}
