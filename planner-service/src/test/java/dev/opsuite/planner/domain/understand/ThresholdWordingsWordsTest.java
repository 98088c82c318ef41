package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of threshold wordings (no set's questions), asked on 2052-08-14 10:20 in Seoul. Wrong before:
 * "servers not above 50% cpu" and "cpu 50 넘지 않는 서버" were read as above 50 — the negation dropped, the opposite
 * answered with confidence; "greater than or equal to 80%", "at or above", "no more than" left the level unread;
 * "slower than 0.5 seconds" lost its measure; a bare range in percent ("40~60%", "40-60% servers", "40 to 60 percent")
 * was no range; "less than 10% free disk" was read as under 10 % used, "free" unread — the full disks asked about
 * left out. A free share of a measure kept in percent is the rest of it (Prompt rules.understanding.free_share).
 */
class ThresholdWordingsWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T10:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("TW-1", "ingest-node", "server"), ci("TW-2", "orders-pg", "database"),
                    ci("TW-3", "checkout-api", "app"), ci("TW-4", "batch-node", "server")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "servers not above 50% cpu|cpu_usage|le|50|0",
        "which servers have cpu no more than 30 percent|cpu_usage|le|30|0",
        "databases with memory not below 40%|mem_usage|ge|40|0",
        "servers with cpu greater than or equal to 80%|cpu_usage|ge|80|0",
        "servers with cpu at or above 75 percent|cpu_usage|ge|75|0",
        "databases whose disk is less than or equal to 60%|disk_usage|le|60|0",
        "cpu 50 넘지 않는 서버|cpu_usage|le|50|0",
        "메모리 70% 넘지 않은 db|mem_usage|le|70|0",
        "apps slower than 0.5 seconds|latency_ms|gt|500|0",
        "apps faster than 120ms|latency_ms|lt|120|0",
        "cpu가 40~60%인 서버|cpu_usage|between|40|60",
        "cpu 40-60% servers|cpu_usage|between|40|60",
        "servers with 35 to 55 percent memory|mem_usage|between|35|55",
        "servers with less than 10% free disk|disk_usage|gt|90|0",
        "디스크 여유 10% 미만 서버|disk_usage|gt|90|0",
        "디스크 여유 공간이 15% 이하인 db|disk_usage|ge|85|0",
        "남은 메모리 20% 미만인 서버|mem_usage|gt|80|0",
        "servers where free memory is over 60 percent|mem_usage|lt|40|0"})
    void theLevelIsReadAsWritten(String question, String metric, String op, double value, double upper) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertNotNull(p.metric().threshold(), p.toString());
        assertEquals(op, p.metric().threshold().op(), p.toString());
        assertEquals(value, p.metric().threshold().value(), 1e-9, p.toString());
        assertEquals(upper, p.metric().threshold().upper(), 1e-9, p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "servers with less than 10% disk|lt|10",
        "디스크 10% 미만 서버|lt|10",
        "free memory below 2 GB servers|lt|2"})
    void noFreeShareWhereNoneIsWrittenOrTheUnitIsNoPercent(String question, String op, double value) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(op, p.metric().threshold().op(), p.toString());
        assertEquals(value, p.metric().threshold().value(), 1e-9, p.toString());
        // "free memory below 2 GB" is no share of 100: its free word is said unread, not turned into usage
        assertEquals(question.contains("free"), p.unexplained().contains("free"), p.toString());
    }
}
