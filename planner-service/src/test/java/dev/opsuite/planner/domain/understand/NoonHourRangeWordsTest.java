package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hour ranges whose end is written smaller than their start, read from set 32's dev half (a kind, not its wording): a
 * range from 12 with no meridiem starts at noon and ends that afternoon ("12시부터 3시 사이", "from 12 to 3", "12시 반부터
 * 2시까지"), and a start in the evening whose meridiem would put the end before it runs past midnight ("밤 11시부터
 * 2시까지" ends at 02:00, not 14:00); "저녁 7시부터 9시까지" still ends at 21:00. Asked of an estate of its own, on
 * Tuesday 2058-03-05.
 */
class NoonHourRangeWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2058-03-05T10:00:00+09:00"),
            new EntityDictionary(2, List.of(ci("KL-1", "kiln-ctl", "server")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "어제 12시부터 3시 사이 kiln-ctl cpu 평균|2058-03-04T12:00+09:00|2058-03-04T15:00+09:00",
        "kiln-ctl average cpu yesterday from 12 to 3|2058-03-04T12:00+09:00|2058-03-04T15:00+09:00",
        "어제 12시 30분부터 2시까지 kiln-ctl 메모리 최대|2058-03-04T12:30+09:00|2058-03-04T14:00+09:00",
        "어제 밤 11시부터 2시까지 kiln-ctl cpu 평균|2058-03-04T23:00+09:00|2058-03-05T02:00+09:00",
        "어제 저녁 7시부터 9시까지 kiln-ctl cpu 평균|2058-03-04T19:00+09:00|2058-03-04T21:00+09:00"})
    void theEndOfAnHourRange(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), question + ": " + p);
        assertEquals(to, p.metric().timeTo(), question + ": " + p);
    }
}
