package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of count wordings (no set's questions), asked on 2052-08-14 19:20 in Seoul: "which CI had the most
 * incidents last month", "지난달 장애가 가장 많았던 서버", "top 3 CIs by number of alerts this week" listed the events (or
 * counted them all) with the superlative read and honoured nowhere. With no CI named, the most events rank the CIs by
 * their number over the range, and a CI named keeps its events. The fewest ("which server had the fewest alerts last
 * week", "지난주 알람이 가장 적었던 서버") were listed with "fewest" unread — or, in Korean, with nothing said unread at
 * all: they rank the CIs the other way, a CI with none counting 0 (the Query starts from the CIs).
 */
class EventsRankWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("ER-1", "gate-node", "server"), ci("ER-2", "fares-pg", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which CI had the most incidents last month|incident|5",
        "지난달 장애가 가장 많았던 서버|incident|5",
        "top 3 CIs by number of alerts this week|alert|3",
        "이번 주 알람 제일 많은 거 3개|alert|3"})
    void theMostEventsRankTheCis(String question, String type, int n) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertEquals(List.of(type), p.history().eventTypes(), p.toString());
        assertEquals(n, p.metric().topN(), p.toString());
        assertEquals("desc", p.metric().order(), p.toString());
        assertFalse(p.output().count(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which server had the fewest alerts last week|alert",
        "지난주 알람이 가장 적었던 서버|alert",
        "CIs with the least incidents this month|incident"})
    void theFewestEventsRankTheCisTheOtherWay(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertEquals(List.of(type), p.history().eventTypes(), p.toString());
        assertEquals("asc", p.metric().order(), p.toString());
        assertTrue(p.metric().topN() > 0, p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void aCiNamedKeepsItsEventsAndANumberAloneIsCounted() {
        assertEquals(0, ESTATE.plan("gate-node incidents last month").metric().topN());
        PlanModel counted = ESTATE.plan("how many incidents were there last week");
        assertTrue(counted.output().count(), counted.toString());
        assertEquals(0, counted.metric().topN(), counted.toString());
    }
}
