package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by grids of everyday wordings (no set's questions), asked Tuesday 2042-11-18 20:15 in Seoul:
 * "before 9am", "prior to 2pm", "9시 전" were read as that hour or the last value at it — the day up to that time was
 * asked (Prompt connectors end_before / end_after, times of day only); "죽은 서버", "다운된 db", "멈춘 vm" listed every CI
 * of the type, the state word claimed as a failure word and honoured nowhere (SchemaCatalog status labels); "가장 CPU
 * 높은 서버" asked for five, the superlative parted from its adjective by the measure (Prompt top_n patterns); "몇 대야"
 * left its count words unread (Prompt count words).
 */
class BeforeDeadAndMostWordsTest {
    private static EntityDictionary.Entity ci(String code, String name, String type, String status) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", status));
    }

    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2042-11-18T20:15:00+09:00"),
            new EntityDictionary(5, List.of(ci("BD-1", "tally-3", "server", "running"), ci("BD-2", "tally-4", "server", "stopped"),
                    ci("BD-3", "ink-db", "database", "stopped"), ci("BD-4", "spool-vm", "vm", "running")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "average cpu of tally-3 before 9am today|2042-11-18T00:00+09:00|2042-11-18T09:00+09:00",
        "tally-3 cpu before noon|2042-11-18T00:00+09:00|2042-11-18T12:00+09:00",
        "tally-3 cpu yesterday before 6pm|2042-11-17T00:00+09:00|2042-11-17T18:00+09:00",
        "tally-3 avg cpu prior to 2 pm|2042-11-18T00:00+09:00|2042-11-18T14:00+09:00",
        "tally-3 cpu 9시 전 평균|2042-11-18T00:00+09:00|2042-11-18T09:00+09:00",
        "어제 오후 6시 전 tally-3 cpu 평균|2042-11-17T00:00+09:00|2042-11-17T18:00+09:00"})
    void beforeATimeOfDayEndsTheDayThere(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"tally-3 cpu 3시간 전|2042-11-18T16:15+09:00", "tally-3 cpu 10분 전|2042-11-18T19:05+09:00"})
    void agoStaysAMoment(String question, String from) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"죽은 서버 있나요|server", "다운된 db 알려줘|database", "멈춘 vm 있어?|vm",
        "지금 죽어있는 서버 있어?|server", "멈춰 있는 서버 목록|server"})
    void aDeadOrStoppedTypeIsTheStatus(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(List.of("stopped"), values(p, "status"), p.toString());
        assertEquals(List.of(type), values(p, "ci_type"), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"가장 CPU 높은 서버는?|1|desc", "제일 메모리 낮은 서버|1|asc", "가장 CPU 높은 서버 3개|3|desc"})
    void aSuperlativeBeforeTheMeasureRanks(String question, int top, String order) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(top, p.metric().topN(), p.toString());
        assertEquals(order, p.metric().order(), p.toString());
        assertEquals(List.of(), p.unexplained(), p.toString());
    }

    /** "몇 대야": the analyser reads 대야 as one noun (a basin), so the count words "몇 대" were unread before a copula. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"서버 몇 대야", "멈춰 있는 vm 몇대야?", "db 몇 대인지 알려줘"})
    void aCountOfMachinesBeforeACopulaIsRead(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(true, p.output().count(), p.toString());
        assertEquals(List.of(), p.unexplained(), p.toString());
    }

    private static List<String> values(PlanModel p, String field) {
        return p.primary().filters().stream().filter(f -> f.field().equals(field)).flatMap(f -> f.values().stream()).toList();
    }
}
