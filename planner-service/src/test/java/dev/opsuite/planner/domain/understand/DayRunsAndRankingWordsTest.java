package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run of days written with its month after it keeps its own end after "from" and may carry a weekday on each
 * end ("from 2 to 6 June", "Saturday 9 and Sunday 10 June"); and a ranking of CIs named by place or type with
 * no range ranks their current values even when its order word is also an aggregation ("highest", "worst"); "the
 * calls of X" and the command line's "calls --ci X" are the calls X makes, "what calls X" its callers; "주간조" (the day shift) is no week.
 */
class DayRunsAndRankingWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2040-06-20T10:00:00+09:00"), new EntityDictionary(3,
                List.of(ci("db-tern", "Tern DB", "database"), ci("app-gull", "Gull App", "app"),
                        ci("app-wren", "Wren App", "app")), List.of(), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void fromARunOfDaysIsThatRunNotSinceItsFirstDay() {
        PlanModel p = estate.plan("Tern DB peak memory from 2 to 6 June 2040?");
        at("2040-06-02T00:00+09:00", p.metric().timeFrom(), "from the 2nd");
        at("2040-06-07T00:00+09:00", p.metric().timeTo(), "to the end of the 6th, not now");
        PlanModel since = estate.plan("Tern DB peak memory since 2 June 2040");
        at("2040-06-20T10:00+09:00", since.metric().timeTo(), "a single day after 'since' still runs to now");
        PlanModel instant = estate.plan("Tern DB peak memory since 2040-06-19T00:00Z");
        at("2040-06-20T10:00+09:00", instant.metric().timeTo(), "an instant after 'since' runs to now, not its hour");
    }

    @Test
    void weekdaysOnBothEndsOfARunOfDays() {
        PlanModel p = estate.plan("Gull App average latency over Saturday 9 and Sunday 10 June 2040");
        at("2040-06-09T00:00+09:00", p.metric().timeFrom(), "Saturday the 9th");
        at("2040-06-11T00:00+09:00", p.metric().timeTo(), "through Sunday the 10th");
        PlanDecision wrong = estate.decide("Gull App average latency over Monday 9 and Tuesday 10 June 2040");
        assertEquals("direct", wrong.kind(), "a weekday that does not fall on its day is said: " + wrong);
        assertTrue(wrong.directAnswer().contains("monday"), wrong.directAnswer());
    }

    @Test
    void anOrderWordThatIsAlsoAnAggregateRanksCurrentValues() {
        PlanModel now = estate.plan("which two apps have the highest CPU right now?");
        assertEquals("latest", now.metric().agg(), now.toString());
        assertEquals(2, now.metric().topN(), now.toString());
        PlanModel worst = estate.plan("which app has the worst latency at the moment?");
        assertEquals("latest", worst.metric().agg(), worst.toString());
        PlanModel ranged = estate.plan("which two apps had the highest CPU yesterday?");
        assertEquals("max", ranged.metric().agg(), "a range named keeps the maximum over it: " + ranged);
    }

    @Test
    void theCallsOfACiAreTheCallsItMakes() {
        PlanModel noun = estate.plan("List the direct calls (one hop) of Gull App");
        assertEquals("out", noun.graph().direction(), "calls of X: what X calls: " + noun);
        PlanModel cli = estate.plan("ops calls --ci \"Gull App\" --depth 1");
        assertEquals("out", cli.graph().direction(), "the calls subcommand lists what the CI calls: " + cli);
        PlanModel verb = estate.plan("what calls Gull App?");
        assertEquals("in", verb.graph().direction(), "the verb with X after it asks for its callers: " + verb);
    }

    @Test
    void aShiftGluedToTheWordForWeekIsNoWeek() {
        PlanModel shift = estate.plan("6월 12일 주간조(오전 8시부터 오후 4시까지) Tern DB CPU 평균");
        at("2040-06-12T08:00+09:00", shift.metric().timeFrom(), "주간조 is the day shift, not the week of 12 June");
        at("2040-06-12T16:00+09:00", shift.metric().timeTo(), "to 16:00 the same day");
        PlanModel week = estate.plan("6월 12일 주간 Tern DB CPU 평균");
        at("2040-06-11T00:00+09:00", week.metric().timeFrom(), "주간 alone is still the week holding the day");
    }
}
