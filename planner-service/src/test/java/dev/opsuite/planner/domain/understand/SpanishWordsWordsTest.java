package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spanish words an operator mixes into an English question, the way French month names already are: the aggregate
 * (promedio, máximo, mínimo), a day ("el 3 de marzo de 2056"), a month ("en agosto 2055", "de todo julio 2055") and
 * "esta semana", the measures (disco, memoria, latencia, tasa de error) and "¿qué cambió?"; and CPU spelt as it is said
 * in Korean (씨퓨). Asked on Wednesday 2056-03-15 at 16:00 in Seoul.
 */
class SpanishWordsWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2056-03-15T16:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("cr-1", "Cosecha API", "app"), ci("cr-2", "Granero DB", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(5, cis, List.of(Map.entry(0, "코세차 API")), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void aDayWrittenInSpanish() {
        PlanModel p = estate.plan("Granero DB CPU promedio el 3 de marzo de 2056?");
        assertEquals("avg", p.metric().agg(), p.toString());
        at("2056-03-03T00:00+09:00", p.metric().timeFrom(), "3 March");
        at("2056-03-04T00:00+09:00", p.metric().timeTo(), "the whole day");
    }

    @Test
    void aMonthWrittenInSpanish() {
        PlanModel max = estate.plan("Cosecha API latency máximo en agosto 2055");
        assertEquals("max", max.metric().agg(), max.toString());
        at("2055-08-01T00:00+09:00", max.metric().timeFrom(), "August 2055");
        at("2055-09-01T00:00+09:00", max.metric().timeTo(), "to its end");
        PlanModel min = estate.plan("Granero DB memory mínimo de todo julio 2055");
        assertEquals("min", min.metric().agg(), min.toString());
        at("2055-07-01T00:00+09:00", min.metric().timeFrom(), "all of July 2055");
    }

    @Test
    void thisWeekInSpanish() {
        PlanModel p = estate.plan("Cosecha API error rate promedio de esta semana");
        at("2056-03-13T00:00+09:00", p.metric().timeFrom(), "from this week's Monday");
    }

    @Test
    void measuresAndWhatChangedInSpanish() {
        PlanModel disk = estate.plan("Granero DB vs Cosecha API, ¿cuál tiene más disco usado ahora?");
        assertEquals("disk_usage", disk.metric().metricName(), disk.toString());
        PlanModel latency = estate.plan("Cosecha API latencia promedio ayer");
        assertEquals("latency_ms", latency.metric().metricName(), latency.toString());
        PlanModel es = estate.plan("La caída de Cosecha API ayer a las 3 pm: ¿qué cambió antes?");
        PlanModel en = estate.plan("La caída de Cosecha API ayer a las 3 pm: what changed before?");
        assertEquals(en.intent(), es.intent(), es.toString());
        assertEquals(en.history().toString(), es.history().toString());
    }

    @Test
    void cpuSpeltTheWayItIsSaid() {
        PlanModel p = estate.plan("Granero DB 오늘 씨퓨 평균");
        assertEquals("cpu_usage", p.metric().metricName(), p.toString());
    }
}
