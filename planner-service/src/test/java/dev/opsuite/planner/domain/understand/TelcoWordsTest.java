package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a seventh estate (a telecom: "dns resolver 1/2", a clock 13 minutes before midnight on the
 * last day of a month, 2019 dates): each case failed before its fix, and each fix is a rule of reading, not a
 * word of this estate.
 */
class TelcoWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-10-31T23:47:00+09:00"); // a Saturday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("kr.sbt.dns.res-a", "dns resolver 1", "app"), ci("kr.sbt.dns.res-b", "dns resolver 2", "app"),
                ci("N1104", "ddi-vm.1", "vm"), ci("S10-0040", "Headend Encoder 40", "server"),
                ci("S10-0036", "nms-bm.36", "server"), ci("rtr-dj01-core", "core-rtr.dunsan", "network"),
                ci("kr.sbt.cdn.cache-cj", "CDN Cache 청주", "app"), ci("kr.sbt.iptv.headend", "IPTV 헤드엔드", "app"));
        estate = new WordsEstate(NOW, new EntityDictionary(4, cis,
                List.of(Map.entry(2, "DHCP VM"), Map.entry(3, "transcoder box"), Map.entry(5, "dunsan core router"),
                        Map.entry(6, "청주 캐시"), Map.entry(7, "iptv headend")),
                List.of(Map.entry("ci.location", "dunsan-co"))));
    }

    @Test
    void theOneThatDoesAThingIsNoCommandToDoIt() {
        // "resolver" stems to "resolv", as the command verb "resolve" does: it was refused as a write
        PlanDecision d = estate.decide("path from dns resolver 2 to the dunsan core router");
        assertNotEquals("reject", d.kind(), d.toString());
        assertEquals(Intent.PATH, d.plan().intent());
        assertNotEquals("reject", estate.decide("dns resolver 지연 지금").kind());
        assertEquals("reject", estate.decide("resolve the open alerts of dns resolver 1").kind(), "the verb itself still is");
    }

    @Test
    void sinceAMomentOnAPastDayRunsToNow() {
        PlanModel p = estate.plan("10월 13일 오전 10시부터 지금까지 DHCP VM 메모리 평균");
        assertEquals("2026-10-13T10:00+09:00", p.metric().timeFrom().toString(), p.toString());
        assertEquals("2026-10-31T23:47+09:00", p.metric().timeTo().toString(), p.toString());
    }

    @Test
    void aYearWrittenAloneDatesTheDayWrittenWithoutOne() {
        PlanModel p = estate.plan("How hard was the transcoder box pushed on Lunar New Year's Day 2019, February 5th? Peak CPU please.");
        assertEquals("day:2019-02-05", p.metric().timeRange(), p.toString());
    }

    @Test
    void aQuarterIsItsThreeMonths() {
        PlanModel p = estate.plan("compare mean CPU across S10-0040 and S10-0036 for Q1 2019");
        assertEquals("2019-01-01T00:00+09:00", p.metric().timeFrom().toString(), p.toString());
        assertEquals("2019-04-01T00:00+09:00", p.metric().timeTo().toString(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
        assertEquals("2019-04-01T00:00+09:00", estate.plan("2019년 1분기 S10-0040 평균 cpu").metric().timeTo().toString());
    }

    @Test
    void colloquialChangeAndFailureWordsAskWhatChangedBeforeAndAShortTypoOfAnIntentWordIsRead() {
        PlanModel p = estate.plan("청주 캐시 버퍼링 터지기 전에 뭐 바꼈어요?");
        assertTrue(p.history().enabled() && p.history().eventTypes().contains("deploy"), p.toString());
        assertEquals("problem", p.history().anchor(), p.toString());
        PlanModel e = estate.plan("anything hapen to the iptv headend today");
        assertTrue(e.history().enabled(), e.toString());
        assertEquals("today", e.history().timeRange());
    }

    @Test
    void aBareCountOfDaysBeforeASpanWordIsThatManyDays() {
        assertEquals("last_30d", estate.plan("N1104 메모리 30일 추이").metric().timeRange());
        // a bare day before any other word stays the day of the month
        assertEquals("day:2026-10-30", estate.plan("N1104 메모리 30일 평균").metric().timeRange());
    }
}
