package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of comparison wordings (no set's questions), asked on 2047-11-20 16:45 in Seoul: "X cpu at the same time
 * yesterday", "어제 이 시간 X cpu" were the average over all of yesterday with "same time" / "이 시간" unread; "is X cpu higher
 * than usual", "X cpu 평소보다 높아?" the value now with "than usual" / "평소" unread. The same time a day or a week ago is
 * that moment (Prompt time atoms same_time_yesterday, same_time_last_week: now less 24 or 168 hours); a measure against
 * its usual is its anomalies against its own baseline (Prompt anomaly words "than usual", "평소보다").
 */
class UsualAndSameTimeWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-11-20T16:45:00+09:00"),
            new EntityDictionary(5, List.of(ci("UT-1", "mint-srv", "server"), ci("UT-2", "pier-db", "database")), List.of(),
                    List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mint-srv cpu at the same time yesterday|2047-11-19T16:45+09:00",
        "what was pier-db memory this time yesterday|2047-11-19T16:45+09:00",
        "mint-srv 어제 이 시간 cpu|2047-11-19T16:45+09:00",
        "pier-db 메모리 어제 이맘때 얼마였어?|2047-11-19T16:45+09:00",
        "mint-srv cpu same time last week|2047-11-13T16:45+09:00",
        "지난주 이맘때 mint-srv cpu|2047-11-13T16:45+09:00"})
    void theSameTimeADayOrAWeekAgoIsThatMoment(String question, String moment) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(OffsetDateTime.parse(moment).plusMinutes(1), OffsetDateTime.parse(p.metric().timeTo()), p.toString());
        assertEquals("last", p.metric().agg(), p.toString());
        assertEquals(List.of(), p.unexplained(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "is mint-srv cpu higher than usual|cpu_usage",
        "pier-db memory lower than normal?|mem_usage",
        "mint-srv cpu 평소보다 높아?|cpu_usage",
        "pier-db 메모리 평소에 비해 어때|mem_usage"})
    void aMeasureAgainstItsUsualIsItsAnomalies(String question, String metric) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertEquals(PlanModel.Metric.ANOMALY, p.metric().agg(), p.toString());
    }
}
