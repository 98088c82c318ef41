package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A month said as a whole span — "7월 한 달", "7월 한달간", "7월 한 달 동안", "7월 내내", "the entire month of July" — is
 * that calendar month: the words saying "all of it" belong to the month (they had been left unexplained, said in the
 * answer as unread and lowering the reading's confidence), and "지난 한 달" / "last month" keep their own readings.
 */
class WholeMonthWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2041-09-10T10:00:00+09:00"), new EntityDictionary(1,
                List.of(WordsEstate.ci("app-tide", "Tide Planner", "app"), WordsEstate.ci("db-ledger", "Ledger DB", "database")),
                List.of(Map.entry(0, "조류 플래너"), Map.entry(1, "원장 DB")), List.of()));
    }

    private static void july(String question) {
        PlanModel p = estate.plan(question);
        assertEquals("2041-07-01T00:00+09:00", p.metric().timeFrom(), p.toString());
        assertEquals("2041-08-01T00:00+09:00", p.metric().timeTo(), p.toString());
        assertFalse(String.join(" ", p.unexplained()).contains("달"), "the whole month's words are read: " + p);
        assertFalse(p.unexplained().contains("내내"), "the whole month's words are read: " + p);
        assertFalse(p.unexplained().contains("month"), "the whole month's words are read: " + p);
    }

    @Test
    void aMonthSaidWholeIsThatMonth() {
        july("조류 플래너 7월 한 달 에러율 평균은?");
        july("7월 한달간 원장 DB CPU 최고치 알려줘");
        july("원장 DB 7월 한 달 동안 메모리 최대");
        july("7월 내내 조류 플래너 응답시간 평균이 어땠나요?");
        july("average error rate of Tide Planner for the entire month of July");
    }

    @Test
    void theLastMonthKeepsItsReading() {
        PlanModel last = estate.plan("지난달 원장 DB CPU 평균");
        assertEquals("2041-08-01T00:00+09:00", last.metric().timeFrom(), last.toString());
        PlanModel days = estate.plan("지난 한 달 원장 DB CPU 평균");
        assertFalse(days.metric().timeFrom().isEmpty(), days.toString());
        assertFalse(days.metric().timeFrom().startsWith("2041-07-01"), "not the month named July: " + days);
    }
}
