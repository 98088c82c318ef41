package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A measure or a sample misread (kinds read from the dev halves of sets 20 and 14; wordings of our own): "95% 값" is
 * the 95th percentile said in Korean words (Prompt aggregations), never a threshold or an unread number; an ISO
 * instant written with its seconds ("at exactly 2052-06-01T08:30:00+09:00") is the sample at that second, not the
 * last one of its minute (TimeComposer; Prompt time atom iso_datetime reads "exactly" before it).
 */
class PercentileAndSecondWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2052-06-02T09:15:00+09:00"), new EntityDictionary(2,
                List.of(ci("AP-7", "pay-api", "app"), ci("SV-9", "Heron", "server")), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"pay-api 어제 응답시간 95% 값 알려줘|p95", "지난주 Heron CPU 99%값은?|p99",
        "pay-api 응답시간 90% 수치 지난 3일|p90"})
    void aPercentSaidWithValueIsThatPercentile(String question, String agg) {
        PlanModel p = estate.plan(question);
        assertEquals(agg, p.metric().agg(), question + ": " + p);
        assertTrue(p.unexplained().isEmpty(), question + ": " + p.unexplained());
    }

    /** "몇" ending a question right after a measure asks its value; after a type or a threshold, how many. */
    @Test
    void aBareHowManyAfterAMeasureAsksItsValue() {
        PlanModel value = estate.plan("Heron cpu지금몇");
        assertEquals("SV-9", value.primary().ciCode(), value.toString());
        assertTrue(!value.output().count(), value.toString());
        PlanModel count = estate.plan("CPU 90% 넘는 서버 몇?");
        assertTrue(count.output().count(), count.toString());
    }

    @Test
    void aThresholdIsStillAThreshold() {
        PlanModel p = estate.plan("CPU 95% 넘는 서버 있어?");
        assertNotNull(p.metric().threshold(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pay-api latency at exactly 2052-06-01T08:30:00+09:00|2052-06-01T08:30:01+09:00",
        "Heron cpu 2052-06-01T08:30:00+09:00|2052-06-01T08:30:01+09:00",
        "Heron cpu at exactly 2052-06-01 08:30:45|2052-06-01T08:30:46+09:00",
        "Heron cpu at 2052-06-01T08:30+09:00|2052-06-01T08:31+09:00"})
    void anInstantWithItsSecondsIsThatSecond(String question, String to) {
        PlanModel p = estate.plan(question);
        assertEquals("last", p.metric().agg(), question + ": " + p);
        assertTrue(OffsetDateTime.parse(to).isEqual(OffsetDateTime.parse(p.metric().timeTo())), question + ": " + p.metric());
        assertTrue(!p.unexplained().contains("exactly"), question + ": " + p.unexplained());
    }
}
