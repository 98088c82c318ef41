package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holidays named in a question: the days they were, from the calendar of the Prompt asset. */
class HolidayWordsTest {
    private static final OffsetDateTime MONDAY_AFTER_CHUSEOK = OffsetDateTime.parse("2030-09-16T12:00:00+09:00");
    private static final WordsEstate ESTATE = new WordsEstate(MONDAY_AFTER_CHUSEOK, new EntityDictionary(4, List.of(
            new EntityDictionary.Entity("vm-queue-01", "queue vm", "vm", false, Map.of("ci.status", "running")),
            new EntityDictionary.Entity("gw-01", "민원 게이트웨이", "app", false, Map.of("ci.status", "running"))),
            List.of(), List.of()));

    private static String range(String question) {
        PlanModel p = ESTATE.plan(question);
        return p.metric().timeRange();
    }

    @Test
    void theLastBreakIsTheRunOfDaysOffAroundTheLastHoliday() {
        String chuseokBreak = "range:2030-09-11T00:00+09:00/2030-09-16T00:00+09:00";
        assertEquals(chuseokBreak, range("지난 연휴 동안 queue vm 평균 CPU"));
        assertEquals(chuseokBreak, range("average cpu of queue vm over the last long weekend"));
        PlanModel events = ESTATE.plan("지난 연휴 동안 민원 게이트웨이 이벤트 보여줘");
        assertEquals("2030-09-11T00:00+09:00", events.history().timeFrom().substring(0, 22), events.toString());
    }

    @Test
    void aNamedHolidayIsItsDaysOffOfTheLatestYearOrTheYearWritten() {
        assertEquals("range:2030-09-11T00:00+09:00/2030-09-14T00:00+09:00", range("추석 연휴 queue vm 최대 CPU"));
        assertEquals("range:2030-09-12T00:00+09:00/2030-09-13T00:00+09:00", range("추석 당일 queue vm 최대 CPU"));
        assertEquals("range:2030-02-02T00:00+09:00/2030-02-06T00:00+09:00", range("peak cpu of queue vm during Seollal"),
                "Sat 2 – Mon 4 February 2030, and Tuesday for the Sunday among them");
        assertEquals("range:2029-09-21T00:00+09:00/2029-09-25T00:00+09:00", range("작년 추석 queue vm 평균 cpu"),
                "Chuseok 2029 is Saturday the 22nd: Fri 21 – Sun 23, and Monday for the Sunday");
        assertEquals("range:2029-12-24T00:00+09:00/2029-12-25T00:00+09:00", range("queue vm cpu on Christmas Eve"));
        assertEquals("range:2025-01-28T00:00+09:00/2025-01-31T00:00+09:00", range("2025년 설 연휴 queue vm 최대 CPU"));
        assertEquals("range:2030-09-11T00:00+09:00/2030-09-14T00:00+09:00", range("추석에 queue vm 최대 CPU"));
    }

    @Test
    void aKoreanHolidayBeforeANounNamesAThingNotATime() {
        // "추석 승차권 예매" (the Chuseok ticket sale) is a title; "설정" and "개설에" hold no 설
        assertEquals("last_24h", range("추석 승차권 예매 queue vm 최대 CPU"), "the default range, said in the reading");
        assertEquals("last_24h", range("queue vm 설정 개설에 따른 최대 CPU"));
    }

    @Test
    void datesWrittenBesideAHolidayAreWhatIsAsked() {
        assertEquals("range:2025-01-28T00:00+09:00/2025-01-31T00:00+09:00",
                range("큐 vm 2025년 설 연휴(1/28~1/30) 최대 CPU"));
        assertEquals("day:2030-09-12", range("queue vm 추석 당일(9/12) CPU 평균은?"));
        PlanModel outside = ESTATE.plan("queue vm 추석 연휴(9/5) 최대 CPU");
        assertEquals("day:2030-09-05", outside.metric().timeRange(), "the date written, which the reading states");
    }
}
