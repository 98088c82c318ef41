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
 * Wordings met on a twenty-first estate (a ski-resort chain with resorts in Whistler and Newfoundland) and its writers
 * (a Québécois supervisor's "8 h 30", a director dictating, a lift crew on the radio, a courtly secretary): each case
 * failed before its fix, and each fix is a rule of reading, not a word of that estate. Asked on Tuesday 2039-03-15 at
 * 09:30 in Seoul, two days after North America's clocks sprang forward (Sunday 2039-03-13, a 23-hour day in Whistler
 * and in Newfoundland).
 */
class SkiResortWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2039-03-15T09:30:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("pg@lifts:5432", "Lift DB", "database"),
                ci("vm-ab12", "Lodge VM", "vm"), ci("gate.service", "Gate App", "app"));
        estate = new WordsEstate(NOW, new EntityDictionary(30, cis, List.of(Map.entry(0, "리프트 DB")), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void resortPlacesNameTheirZonesAcrossTheDaylightSavingSwitch() {
        PlanModel whistler = estate.plan("On Sunday 13 March 2039, our date in Whistler, what was the average CPU of the Lift DB?");
        at("2039-03-13T00:00-08:00", whistler.metric().timeFrom(), "the Whistler day begins on PST");
        at("2039-03-14T00:00-07:00", whistler.metric().timeTo(), "and ends on PDT, 23 hours later");
        PlanModel ko = estate.plan("휘슬러 현지 날짜로 3월 13일 일요일 하루 동안 리프트 DB 평균 CPU 사용률을 알려 주시기 바랍니다.");
        at("2039-03-13T00:00-08:00", ko.metric().timeFrom(), "휘슬러 is Whistler");
        PlanModel nfl = estate.plan("뉴펀들랜드 현지 시각 3월 14일 오후 1시부터 4시까지 리프트 DB 최대 CPU를 알려 주세요.");
        at("2039-03-14T13:00-02:30", nfl.metric().timeFrom(), "Newfoundland, half an hour off, on daylight time");
        at("2039-03-14T16:00-02:30", nfl.metric().timeTo(), "Newfoundland");
    }

    @Test
    void koreanNamesOfUtcAndThePacificZone() {
        PlanModel pdt = estate.plan("휘슬러 현지 시각 3월 13일 오전 8시부터 11시(태평양 서머타임)까지 Gate App 평균 오류율을 여쭈옵니다.");
        at("2039-03-13T08:00-07:00", pdt.metric().timeFrom(), "태평양 서머타임 is Pacific daylight time");
        PlanModel utc = estate.plan("협정 세계시 기준 3월 14일 Gate App 평균 오류율을 알려 주시기 바랍니다.");
        at("2039-03-14T00:00Z", utc.metric().timeFrom(), "협정 세계시 is UTC");
        at("2039-03-15T00:00Z", utc.metric().timeTo(), "a UTC day");
    }

    @Test
    void frenchClockTimesAreTimesOfDay() {
        PlanModel range = estate.plan("Lift DB max CPU between 1 h and 4 h in the night of Sunday 13 March, Pacific time.");
        at("2039-03-13T01:00-08:00", range.metric().timeFrom(), "1 h is 01:00 (still PST)");
        at("2039-03-13T04:00-07:00", range.metric().timeTo(), "4 h is 04:00 (already PDT): two real hours");
        PlanModel moment = estate.plan("The CPU of the Lodge VM at exactly 8 h 30 PDT on 13 March 2039?");
        assertEquals("last", moment.metric().agg(), moment.toString());
        at("2039-03-13T08:30:01-07:00", moment.metric().timeTo(), "exactly 8 h 30 is 08:30:00");
    }

    @Test
    void frenchMonthsWithTheirYearAreMonths() {
        PlanModel dec = estate.plan("Gate App, the average error rate in décembre 2038.");
        at("2038-12-01T00:00+09:00", dec.metric().timeFrom(), "décembre 2038");
        at("2039-01-01T00:00+09:00", dec.metric().timeTo(), "the whole month");
        PlanModel fev = estate.plan("Gate App max latency en fevrier 2039");
        at("2039-02-01T00:00+09:00", fev.metric().timeFrom(), "février without its accent");
    }

    @Test
    void aMeridiemWrittenOnceHoldsForBothEndsOfOneDayNamedTwice() {
        PlanModel p = estate.plan("어제(3월 14일) 오후 4시부터 5시까지 Gate App 최대 오류율을 아뢰어 주시옵소서.");
        at("2039-03-14T16:00+09:00", p.metric().timeFrom(), "오후 4시");
        at("2039-03-14T17:00+09:00", p.metric().timeTo(), "5시 is 오후 too, not 05:00 the next day");
        PlanModel twoDays = estate.plan("3월 13일 오후 10시부터 3월 14일 5시까지 Gate App 최대 오류율");
        at("2039-03-14T05:00+09:00", twoDays.metric().timeTo(), "on another day the hour stays as written");
    }

    @Test
    void aMomentWrittenToTheSecondOrSaidExactIsThatSecond() {
        PlanModel en = estate.plan("what was the Gate App latency at exactly 9:15 AM KST today question mark");
        at("2039-03-15T09:15:01+09:00", en.metric().timeTo(), "exactly 9:15: the sample at or before 09:15:00");
        PlanModel ko = estate.plan("본부, 금일 09시 20분 00초 정각 Gate App CPU 값 확인 바람. 이상.");
        at("2039-03-15T09:20:01+09:00", ko.metric().timeTo(), "00초 written: that second");
        PlanModel sharp = estate.plan("Gate App latency at 9:15 sharp today");
        at("2039-03-15T09:15:01+09:00", sharp.metric().timeTo(), "9:15 sharp");
        PlanModel minute = estate.plan("Gate App latency at 9:15 AM today");
        at("2039-03-15T09:16+09:00", minute.metric().timeTo(), "a minute alone is still its last sample");
    }

    @Test
    void pluralApiKeysAreSecrets() {
        PlanDecision d = estate.decide("um read me the API keys for the payment gateway config question mark");
        assertEquals("reject", d.kind(), d.toString());
    }
}
