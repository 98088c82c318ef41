package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static dev.opsuite.planner.domain.understand.WordsEstate.candidates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A word naming one of several CIs is asked between them, not answered for one, for every CI of a type or "not
 * found" (kinds read from the dev halves of sets 14, 20 and 23; wordings of our own): a word the vocabulary knows
 * written whole in several CIs' names, followed by a side word ("이력 쪽 시스템": SideWords); a bare Korean type word
 * in a question about one CI's field or measure ("로드밸런서 상태": ImpliedEntities); a numbered heading ("Item 2.3 —")
 * is no request for a list, so "the Ulsan DR system" after it is still one CI of that place (Vocabulary: a noun is
 * not the verb -ise/-ize makes of it).
 */
class AskBetweenWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2052-06-02T09:15:00+09:00"), new EntityDictionary(7,
                List.of(at("EV-01", "Trail VM", "vm", "ulsan-main"), at("EV-02", "Trail DB", "database", "ulsan-main"),
                        at("EV-03", "Trail Viewer", "app", "ulsan-main"), at("LB-1", "Edge North", "load_balancer", "ulsan-main"),
                        at("LB-2", "Edge South", "load_balancer", "ulsan-main"), at("ST-1", "Vault One", "storage", "ulsan-main"),
                        at("DR-1", "Raven", "server", "ulsan.dr"), at("DR-2", "Standby Ledger", "database", "ulsan.dr"),
                        at("DR-3", "DR Switch", "network", "ulsan.dr"), at("SV-1", "Kite", "server", "ulsan-main"),
                        at("SV-2", "Lark", "server", "ulsan-main")),
                List.of(Map.entry(0, "이력 VM"), Map.entry(1, "이력 DB"), Map.entry(2, "이력 뷰어"),
                        Map.entry(3, "북쪽 로드밸런서"), Map.entry(4, "남쪽 로드밸런서")),
                List.of(Map.entry("ci.location", "ulsan-main"), Map.entry("ci.location", "ulsan.dr"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "이력 쪽 시스템 메모리 지금 어때?|EV-01,EV-02,EV-03",
        "이력쪽 CPU 얼마예요|EV-01,EV-02,EV-03",
        "이력쪽 cpu지금몇|EV-01,EV-02,EV-03",
        "로드밸런서 상태 알려줘|LB-1,LB-2",
        "지금 로드밸런서 CPU 얼마야?|LB-1,LB-2",
        "Item 2.3 — State the current memory of the Ulsan DR system.|DR-1,DR-2,DR-3"})
    void aWordOfSeveralCisIsAskedBetweenThem(String question, String codes) {
        PlanModel p = estate.plan(question);
        assertEquals(List.of(codes.split(",")), candidates(p), question + ": " + p);
        assertTrue(p.unexplained().isEmpty() || question.startsWith("Item"), question + ": " + p.unexplained());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"이력 쪽 DB CPU 지금|EV-02", "스토리지 상태 알려줘|ST-1"})
    void aWordTheTypeNarrowsToOneIsThatCi(String question, String code) {
        PlanModel p = estate.plan(question);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
        assertTrue(p.candidates().isEmpty(), question + ": " + p.candidates());
    }

    /** A plural, a list or count word, an aggregation over them, or a clause saying which: the set, not one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"로드밸런서들 상태 알려줘", "로드밸런서 목록 보여줘", "로드밸런서 몇 대야?",
        "서버 CPU 평균 알려줘", "어제 CPU가 90%를 넘었던 서버는?", "이력 목록 보여줘"})
    void theSetIsNotAskedBetween(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.candidates().isEmpty(), question + ": " + p);
    }

    @Test
    void aVerbMadeWithIzeStillAsksForAList() {
        PlanModel p = estate.plan("Itemize the servers at ulsan-main");
        assertEquals("LIST", p.intent().name(), p.toString());
        assertTrue(p.candidates().isEmpty(), p.toString());
    }
}
