package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of threshold wordings (no set's questions), asked on 2047-03-19 16:40 in Seoul: "how long was X over
 * 80% cpu today" was read as X's latency ("how long" is a word of response time) — a measure nobody asked for, answered
 * with confidence; "80% 넘은 시간이 얼마나 돼?" as the current value with "시간" unread. Beside a threshold on a measure
 * the question names, a word asking how long (Prompt rules.understanding.duration_words) asks for the samples over the
 * threshold — counted, with the time they cover — not for another measure.
 */
class DurationOverThresholdWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-03-19T16:40:00+09:00"),
            new EntityDictionary(5, List.of(ci("DT-1", "kiosk-srv", "server"), ci("DT-2", "fare-db", "database"),
                    ci("DT-3", "route-api", "app")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "how long was kiosk-srv over 80% cpu today|cpu_usage|gt",
        "how long has fare-db memory been above 90|mem_usage|gt",
        "for how many hours was kiosk-srv cpu above 70 yesterday|cpu_usage|gt",
        "how many minutes was fare-db cpu under 5% today|cpu_usage|lt",
        "kiosk-srv cpu 80% 넘은 시간이 얼마나 돼?|cpu_usage|gt",
        "fare-db 메모리 오늘 90 이상이었던 시간이 얼마나 되나요|mem_usage|ge",
        "kiosk-srv cpu가 어제 몇 시간 동안 70 넘었어?|cpu_usage|gt",
        "fare-db cpu 10 밑으로 얼마 동안 있었어?|cpu_usage|lt"})
    void howLongBesideAThresholdCountsTheSamplesOverIt(String question, String metric, String op) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertEquals("count", p.metric().agg(), p.toString());
        assertNotNull(p.metric().threshold(), p.toString());
        assertEquals(op, p.metric().threshold().op(), p.toString());
        assertFalse(p.output().count(), p.toString()); // the samples of the measure, not a number of CIs
        assertTrue(p.unexplained().stream().noneMatch(w -> w.contains("long") || w.contains("시간") || w.contains("hour")
                || w.contains("minute") || w.contains("동안")), p.toString());
    }

    @Test
    void howLongWithoutAThresholdIsStillTheResponseTime() {
        PlanModel p = ESTATE.plan("how long does route-api take to respond");
        assertEquals("latency_ms", p.metric().metricName(), p.toString());
        assertEquals("latency_ms", ESTATE.plan("how long is route-api taking right now").metric().metricName());
    }
}
