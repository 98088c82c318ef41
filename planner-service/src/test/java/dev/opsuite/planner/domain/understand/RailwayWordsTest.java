package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a twelfth estate (a railway: names with Roman numerals, a metric word as a name, names half in
 * Korean) and its writers (Korean and English glued mid-word, voice transcripts, pasted tickets): each case failed
 * before its fix, and each fix is a rule of reading, not a word of this estate.
 */
class RailwayWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-09-01T00:05:00+09:00"); // a Monday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("app-0x12", "Peak", "app", "fares"), ci("app-0x1b", "Interlocking II", "app", "sig-eng"),
                ci("app-0x1c", "Interlocking III", "app", "sig-eng"), ci("8MV4P70", "CTC 서버", "server", "ops"),
                ci("app-0x1a", "CTC Console", "app", "ops"), ci("pg:pis", "PIS Content DB", "database", "pax"),
                ci("app-0x20", "Crew Roster", "app", "crew-sys"), ci("urn:daon:svc:crew", "승무 운영", "service", "crew-sys"),
                ci("4KQ7H93", "Node I", "server", "ops"), ci("tix-0b7c3", "Ticket Gateway", "vm", "ops"),
                ci("pg:seat.1", "Seat Inventory DB", "database", "seat"),
                ci("pg:seat.2", "Seat Inventory DB (Standby)", "database", "seat"));
        estate = new WordsEstate(NOW, new EntityDictionary(6, cis, List.of(Map.entry(4, "ctc")),
                List.of(Map.entry("ci.owner", "sig-eng"), Map.entry("ci.owner", "crew-sys"), Map.entry("ci.environment", "daon-dr"))));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type, String owner) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", "running", "ci.owner", owner));
    }

    @Test
    void koreanAndEnglishGluedAreTheirTwoWords() {
        PlanModel status = estate.plan("error상태인 앱 몇개예요?");
        assertEquals(List.of(new PlanModel.Filter("status", "eq", List.of("error")),
                new PlanModel.Filter("ci_type", "eq", List.of("app"))), status.primary().filters(), status.toString());
        assertTrue(estate.plan("sig-eng팀 소유 앱들 list 보여주세요").primary().filters()
                .contains(new PlanModel.Filter("owner", "eq", List.of("sig-eng"))));
        // "팀" is the owner's word, and the Korean gloss before it in "승무팀(crew-sys)" still glosses the team
        PlanModel glossed = estate.plan("승무팀(crew-sys) 앱 리스트 보여주세요");
        assertTrue(glossed.primary().ciCode().isEmpty() && glossed.primary().ciCodes().isEmpty(), glossed.toString());
        assertTrue(glossed.primary().filters().contains(new PlanModel.Filter("owner", "eq", List.of("crew-sys"))));
        PlanModel rate = estate.plan("에러rate 1% 넘는 앱들 지금 있어요?");
        assertEquals("error_rate", rate.metric().metricName(), rate.toString());
        assertEquals(1.0, rate.metric().threshold().value());
    }

    @Test
    void aWordThatAggregatesIsTheWordBeforeItsMeasure() {
        PlanModel p = estate.plan("Kindly advise the peak error rate of Interlocking III on 2031/07/19 between 14:00 and 16:00.");
        assertEquals("app-0x1c", p.primary().ciCode(), p.toString());
        assertEquals("max", p.metric().agg());
        assertEquals("app-0x12", estate.plan("8월 14일 Peak 이벤트 전부").primary().ciCode(), "marked by its capital");
    }

    @Test
    void aNumberInANameMaySayItsNumberAnotherWay() {
        PlanModel p = estate.plan("compare the cpu of interlocking two and interlocking three right now");
        assertEquals(List.of("app-0x1b", "app-0x1c"), p.primary().ciCodes(), p.toString());
        assertEquals("4KQ7H93", estate.plan("node 1 memory").primary().ciCode());
    }

    @Test
    void aNameHalfInTheOtherLanguageOrScript() {
        assertEquals("8MV4P70", estate.plan("What was the average CPU usage of the CTC server yesterday?").primary().ciCode());
        assertEquals("pg:pis", estate.plan("PIS 콘텐츠 디비 디스크 사용률").primary().ciCode());
        assertEquals("day:2031-08-25", estate.plan("팔월 이십오일 Peak 응답시간 최대값").metric().timeRange());
    }

    @Test
    void itsAndAWordOfASiblingName() {
        PlanModel p = estate.plan("DR-3109: compare disk usage of Seat Inventory DB and its standby right now");
        assertEquals(List.of("pg:seat.1", "pg:seat.2"), p.primary().ciCodes(), p.toString());
        assertTrue(p.unexplained().stream().noneMatch(w -> w.equals("st")), "a word of a name is never cut: " + p.unexplained());
    }

    @Test
    void aPastedTicketIsContextForWhatItsLastClauseAsks() {
        PlanModel ranked = estate.plan("Capacity ticket CAP-09: top 3 servers by peak CPU last week");
        assertEquals(3, ranked.metric().topN(), ranked.toString());
        assertTrue(ranked.primary().ciCodes().isEmpty() && ranked.primary().ciCode().isEmpty(), ranked.toString());
        PlanModel count = estate.plan("DR-3109: how many CIs are in daon-dr?");
        assertTrue(count.primary().mentions().isEmpty(), count.toString());
        PlanModel crew = estate.plan("티켓 #SR-31090104 | 요청자: 승무운영팀 | 내용: 교번표가 안 나옵니다 → Crew Roster 현재 에러율 확인 부탁드려요");
        assertEquals(Intent.LOOKUP, crew.intent(), crew.toString());
        assertEquals("app-0x20", crew.primary().ciCode());
    }

    @Test
    void abbreviationsOfAHurriedWriter() {
        PlanModel between = estate.plan("apps w/ lat b/w 100 & 300 ms atm");
        assertEquals("between", between.metric().threshold().op(), between.toString());
        assertEquals(300.0, between.metric().threshold().upper());
        assertEquals("reject", estate.decide("need sig fw admin pw asap").kind());
        assertEquals("month:2031-07", estate.plan("evts interlocking three, Jul 2031").history().timeRange());
    }
}
