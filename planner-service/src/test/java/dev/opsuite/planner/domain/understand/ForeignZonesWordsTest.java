package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A foreign place's date, clock or zone in kinds any estate meets: a country named in English or Korean (its one
 * zone from ICU, one clock when all its zones read alike, or asked which of several), a
 * zone called by its metazone's word ("Korean date", "중부유럽 시간"), a state or province, a word that two places of different zones end
 * with, a zone's bare word right after a time of day, the tail of an elided French word that spells an abbreviation,
 * a remark about the clocks changing, and the asker's possessive between
 * a connector and its time ("since our midnight"). Asked on Wednesday 2041-11-06 at 10:00 in Seoul (Tuesday evening in
 * the Americas; US clocks fell back on Sunday 2041-11-03).
 */
class ForeignZonesWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2041-11-06T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("db-ord-1", "Orders DB", "database"),
                ci("vm-77", "Billing VM", "vm"), ci("svc-pay", "Pay Gateway", "app"));
        estate = new WordsEstate(NOW, new EntityDictionary(31, cis, List.of(Map.entry(2, "결제 게이트웨이")), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void aCountryOfOneZoneNamesIt() {
        PlanModel kenya = estate.plan("Orders DB max CPU on 2 November 2041, Kenya date?");
        at("2041-11-02T00:00+03:00", kenya.metric().timeFrom(), "Kenya is on Africa/Nairobi (ICU)");
        at("2041-11-03T00:00+03:00", kenya.metric().timeTo(), "a whole Kenyan day");
        PlanModel peru = estate.plan("페루 현지 날짜 11월 2일 Pay Gateway 평균 지연 시간");
        at("2041-11-02T00:00-05:00", peru.metric().timeFrom(), "페루 is Peru, America/Lima");
    }

    @Test
    void aCountryWhoseZonesAllReadAlikeIsOneClock() {
        PlanModel argentina = estate.plan("Orders DB max CPU on 2 November 2041, Argentina date?");
        at("2041-11-02T00:00-03:00", argentina.metric().timeFrom(), "Argentina's zones all read UTC-3");
    }

    @Test
    void aZoneCalledByItsMetazonesWord() {
        PlanModel korean = estate.plan("Billing VM average CPU for 2 November 2041 in Korean date");
        at("2041-11-02T00:00+09:00", korean.metric().timeFrom(), "Korean date is the Korea zone's day");
        assertEquals("Asia/Seoul", korean.understanding().get("time_zone"));
        assertTrue(korean.unexplained().isEmpty(), korean.unexplained().toString());
        PlanModel cet = estate.plan("중부유럽 시간 기준 11월 2일 Orders DB 최대 CPU");
        at("2041-11-02T00:00+01:00", cet.metric().timeFrom(), "중부유럽 is ICU's Central European (Europe/Paris)");
        PlanModel ae = estate.plan("Pay Gateway error rate max on 2 November 2041, Australian Eastern time");
        at("2041-11-02T00:00+11:00", ae.metric().timeFrom(), "Australian Eastern, on daylight time in November");
    }

    @Test
    void aCountryOfSeveralZonesIsAskedNeverGuessed() {
        PlanDecision canada = estate.decide("Billing VM average CPU on 2 November 2041, Canada date");
        assertNull(canada.plan(), "asked, not answered");
        assertTrue(canada.directAnswer().contains("several time zones") && canada.directAnswer().contains("America/Toronto"),
                canada.directAnswer());
        PlanDecision us = estate.decide("미국 날짜로 11월 2일 Orders DB 최대 CPU");
        assertNull(us.plan(), "미국 has several zones");
        assertTrue(us.directAnswer().contains("America/Chicago"), us.directAnswer());
    }

    @Test
    void statesAndProvincesNameTheirZones() {
        PlanModel texas = estate.plan("What was the peak CPU of Billing VM on Sunday 11/3/2041, Texas date?");
        at("2041-11-03T00:00-05:00", texas.metric().timeFrom(), "Texas is on Central time, CDT at midnight");
        at("2041-11-04T00:00-06:00", texas.metric().timeTo(), "the 25-hour day ends on CST");
        PlanModel alberta = estate.plan("Alberta time 9 am to noon yesterday, Pay Gateway error rate max");
        at("2041-11-04T09:00-07:00", alberta.metric().timeFrom(), "Alberta is America/Edmonton (MST)");
        PlanModel qld = estate.plan("퀸즐랜드 현지 시간 기준 11월 4일 결제 게이트웨이 평균 오류율");
        at("2041-11-04T00:00+10:00", qld.metric().timeFrom(), "퀸즐랜드 is Queensland, no daylight time");
    }

    @Test
    void aWordTwoPlacesOfDifferentZonesEndWithIsAsked() {
        PlanDecision jersey = estate.decide("Pay Gateway error rate on 2 November 2041, Jersey date?");
        assertNull(jersey.plan(), "the island or New Jersey");
        assertTrue(jersey.directAnswer().contains("Europe/Jersey") && jersey.directAnswer().contains("new jersey"),
                jersey.directAnswer());
        PlanModel nj = estate.plan("Pay Gateway error rate on 2 November 2041, New Jersey date?");
        at("2041-11-02T00:00-04:00", nj.metric().timeFrom(), "the longer place written whole is read");
    }

    @Test
    void aZonesBareWordRightAfterATimeOfDay() {
        PlanModel pacific = estate.plan("Orders DB average latency since Sunday 11/3 midnight Pacific");
        at("2041-11-03T00:00-07:00", pacific.metric().timeFrom(), "midnight Pacific (still PDT)");
        PlanModel central = estate.plan("Billing VM max CPU yesterday from 9 am Central to 11 am Central");
        at("2041-11-04T09:00-06:00", central.metric().timeFrom(), "9 am Central");
        PlanModel ocean = estate.plan("Orders DB average CPU yesterday, Pacific region customers");
        at("2041-11-05T00:00+09:00", ocean.metric().timeFrom(), "Pacific beside no clock is no zone: the day stays Seoul's");
        assertEquals("Asia/Seoul", ocean.understanding().get("time_zone"));
    }

    @Test
    void theAskersPossessiveBetweenAConnectorAndItsTime() {
        PlanModel since = estate.plan("Since our midnight on 4 November 2041 (Texas time), what was the max CPU of Billing VM?");
        at("2041-11-04T00:00-06:00", since.metric().timeFrom(), "since our midnight, in Texas");
        at("2041-11-06T10:00+09:00", since.metric().timeTo(), "until now, not the hour after midnight");
        PlanModel from = estate.plan("Orders DB average CPU from my 9 am to my 11 am yesterday, New York time");
        at("2041-11-04T09:00-05:00", from.metric().timeFrom(), "from my 9 am (yesterday in New York is the 4th)");
        at("2041-11-04T11:00-05:00", from.metric().timeTo(), "to my 11 am");
    }

    @Test
    void theTailOfAnElidedFrenchWordIsNoZone() {
        PlanModel quoi = estate.plan("The CPU of the Billing VM at 8 h 30 PST on 4 November 2041, c'est quoi?");
        assertEquals("America/Los_Angeles", quoi.understanding().get("time_zone"), "'est' of c'est is no EST");
        PlanModel est = estate.plan("The CPU of the Billing VM at 8:30 EST on 4 November 2041?");
        assertEquals("America/New_York", est.understanding().get("time_zone"), "EST written alone still is");
    }

    @Test
    void aRemarkAboutTheClocksChangingIsNoRequest() {
        PlanModel lost = estate.plan("Sunday 3 November 2041, our date in Vancouver (the day we gained one hour): average CPU of the Billing VM?");
        assertEquals("avg", lost.metric().agg(), "'gained' and 'hour' are no measure nor impact: " + lost);
        at("2041-11-03T00:00-07:00", lost.metric().timeFrom(), "the Vancouver day");
        at("2041-11-04T00:00-08:00", lost.metric().timeTo(), "25 hours later");
        PlanModel fell = estate.plan("Pay Gateway max latency on 11/3/2041 when our clocks fell back, New York date");
        assertTrue(fell.unexplained().stream().noneMatch(w -> w.contains("clock") || w.contains("fell")), fell.unexplained().toString());
        assertNotNull(fell.metric().timeFrom());
    }
}
