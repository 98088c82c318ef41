package dev.opsuite.planner.domain.understand;

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
 * Wordings met on an eleventh estate (a container terminal: apps called "Now" and "Hold", "TOS DB (Primary)"
 * beside an app aliased "TOS", incidents "INC-300516-01") and its writers (pasted logs and JSON, quarters
 * and halves, typos): each case failed before its fix, and each fix is a rule of reading, not a word of
 * this estate. The names here are made up for the test.
 */
class PortWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-03-30T23:50:00+09:00"); // a Sunday, late
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("X001/now", "Now", "app", "T1_YARD"), ci("X002/hold", "Hold", "app", "T1_YARD"),
                ci("X003/pier", "Pier Core", "app", "T1_PIER"), ci("pier.db/1", "PIER DB (Primary)", "database", "T1_DC"),
                ci("pier.db/2", "PIER DB (Standby)", "database", "T1_DC"), ci("msg.db/1", "Message Vault", "database", "T1_DC"),
                ci("0071.vm", "Yard VM", "vm", "T1_DC"), ci("0072.vm", "Pier VM", "vm", "T1_DC"),
                ci("X010/track", "Track Feed", "app", "T1_PIER"), ci("X011/lane", "Lane Cam", "app", "T1_GATE"),
                ci("X012/rfid", "RFID Reader", "app", "T1_GATE"));
        estate = new WordsEstate(NOW, new EntityDictionary(5, cis, List.of(Map.entry(2, "PIER")),
                List.of(Map.entry("ci.location", "T1_GATE"), Map.entry("ci.location", "T1_DC"))));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type, String location) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", "running", "ci.location", location));
    }

    @Test
    void aCiNamedLikeAFillerWordIsTheWordUnlessTheQuestionMarksTheName() {
        assertEquals("", estate.plan("bottom 2 vms by mem, now").primary().ciCode(), "'now' at the end is the time");
        assertEquals("", estate.plan("which apps are above 500 ms latency now?").primary().ciCode());
        assertEquals("X001/now", estate.plan("what does Now depend on?").primary().ciCode(), "the name's capitals mid-sentence");
        assertEquals("X001/now", estate.plan("Now 앱 이번 주 평균 응답시간").primary().ciCode(), "a word for its type beside it");
    }

    @Test
    void aTypeWordKeyedToTheNameDescribesIt() {
        PlanModel p = estate.plan("{\"app\":\"Now\"} -- what does Now depend on, transitively?");
        assertEquals("X001/now", p.primary().ciCode());
        assertEquals(List.of(), p.primary().filters(), "'app' is Now's type, not a filter of what it depends on");
    }

    @Test
    void quartersAndHalvesOfTheCalendar() {
        assertEquals("range:2031-01-01T00:00+09:00/2031-04-01T00:00+09:00",
                estate.plan("Pier VM 이번 분기 평균 메모리").metric().timeRange());
        assertEquals("range:2030-10-01T00:00+09:00/2031-01-01T00:00+09:00",
                estate.plan("avg cpu of Pier VM last quarter").metric().timeRange());
        assertEquals("range:2029-07-01T00:00+09:00/2030-01-01T00:00+09:00", estate.plan("0072.vm avg cpu H2 2029").metric().timeRange());
        assertEquals("range:2030-07-01T00:00+09:00/2031-01-01T00:00+09:00", estate.plan("작년 하반기 Pier VM CPU 평균").metric().timeRange());
        assertEquals("this_month", estate.plan("median latency of Track Feed this mo").metric().timeRange());
    }

    @Test
    void aLongTimeWordWithALetterLeftOut() {
        assertEquals("yesterday", estate.plan("what happened to Track Feed yestrday").history().timeRange());
    }

    @Test
    void thatDayIsTheWholeDayNamedBefore() {
        PlanModel p = estate.plan("2031-03-16 02:10 INC-310316-01 -- list everything that happened to Track Feed that day");
        assertEquals("day:2031-03-16", p.history().timeRange());
        assertEquals("", p.history().eventRef(), "the id pasted before is context: everything that day is asked");
        assertEquals("INC-310316-01", estate.plan("what happened in INC-310316-01?").history().eventRef(),
                "an incident id with a second number group is one id");
    }

    @Test
    void aNumberRangeAfterANounIsNoDate() {
        PlanModel p = estate.plan("INC-310303-01 lanes 3-6 queued -- what was changed before the Lane Cam incident?");
        assertEquals("INC-310303-01", p.history().eventRef());
        assertTrue(!p.history().timeRange().startsWith("day:"), p.history().toString());
        assertEquals("day:2031-03-06", estate.plan("what happened on 3-6 to Lane Cam?").history().timeRange());
        assertEquals("day:2031-03-06", estate.plan("Lane Cam (3-6) events").history().timeRange());
    }

    @Test
    void theClauseAskedIsTheOneWithTheQuestionMarkAndARangeIsNoSentenceEnd() {
        assertEquals("range:2031-03-29T13:00+09:00/2031-03-29T18:00+09:00", estate.plan("Yesterday afternoon, between 1 pm and 6 pm, "
                + "what was Track Feed's average latency? Sunday afternoons are our busiest hours.").metric().timeRange(),
                "a remark after the question names no time asked");
        assertEquals("range:2031-03-25T09:00+09:00/2031-03-25T13:00+09:00",
                estate.plan("Pier VM vs Yard VM avg cpu 2031-03-25T09:00+09:00 .. 2031-03-25T13:00+09:00").metric().timeRange());
        assertEquals("range:2031-02-28T09:00+09:00/2031-02-28T12:00+09:00", estate.plan("I was telling a colleague about the upload "
                + "on Feb 28, 2031. What was the average CPU of Pier VM from 09:00 to 12:00 KST that day?").metric().timeRange(),
                "the times asked with 'that day' stay");
    }

    @Test
    void theLastClauseDayAndFieldsWinOverThePastedContext() {
        assertEquals("day:2031-03-01", estate.plan("[2031-03-01T15:42Z] batch cpu high on Pier VM -- what was the max CPU on "
                + "the UTC day 2031-03-01?").metric().timeRange(), "a day asked: the pasted moment is context");
        assertEquals("today", estate.plan("06:30 5xx 경보 떴던데 Track Feed 오늘 이벤트 보여줘").history().timeRange(),
                "a background clause (-던데) is context");
        PlanModel stopped = estate.plan("state!=running -- list the VMs that are stopped or in maintenance");
        assertTrue(stopped.primary().filters().contains(new PlanModel.Filter("status", "eq", List.of("stopped", "maintenance"))),
                stopped.primary().filters().toString());
        assertEquals(List.of(), estate.plan("\"mem_high\" rule fired -- which VMs are above 70% memory now?").primary().mentions(),
                "a rule's name in the context is no CI asked after");
        PlanModel top = estate.plan("{\"panel\":\"lane cam\"} top 2 apps by latency at T1_GATE now?");
        assertEquals("", top.primary().ciCode(), "a ranking over a place: the context's CI is not its subject");
        assertEquals(2, top.metric().topN());
    }

    @Test
    void anExactNameBeforeAWordForAnotherTypeBeginsThoseNames() {
        PlanModel p = estate.plan("Please, what is the memory of the PIER DB at the moment?");
        assertNotEquals("X003/pier", p.primary().ciCode(), "'PIER' names the app, 'PIER DB' two databases");
        assertEquals("X003/pier", estate.plan("what is the cpu of PIER now?").primary().ciCode());
    }

    @Test
    void aPathOfMoreThanTwoNamesTakesTheSurestTwo() {
        PlanModel p = estate.plan("trace: Hold -> ? -> Message Vault, what is the path?");
        assertEquals(Intent.PATH, p.intent());
        assertEquals("X002/hold", p.primary().ciCode(), "not 'trace', one edit from Track Feed's word");
    }

    @Test
    void aDoubleFinalTypedWithoutShiftIsReadWithIt() {
        PlanModel p = estate.plan("Track Feed 장애나기전에 뭐바꼇어");
        assertEquals(List.of("deploy", "change"), p.history().eventTypes(), p.toString());
        assertEquals("X010/track", estate.plan("Track Feed 것 좀 보여줘").primary().ciCode(), "a word the assets do not know stays");
        assertEquals("", ShiftTypos.fix("웃어 것", WordsEstate.lexicon().phrases()).replace("웃어 것", ""));
    }

    @Test
    void aConnectionResetInAPastedLogIsNoCommand() {
        assertNotEquals("reject", estate.decide("로그에 pier db connection reset -- Message Vault 어느 VM에서 돌아?").kind());
        assertEquals("reject", estate.decide("reset the Pier VM").kind());
    }
}
