package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of everyday wordings of one question (no set's): a name's number typed without its padding zeros
 * ("web-1" for web-01 — was no CI at all) is that CI unless another CI is called so; and the Korean rate suffix
 * spelt with the other of 율/률 ("에러률", "메모리 사용율" — the first found no measure, the second left 사용 unread) is
 * read as spelt right (Resolver rate_spelling_*).
 */
class UnpaddedNumbersAndRateSpellingWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2041-05-10T19:30:00+09:00"),
            new EntityDictionary(5, List.of(ci("K-1", "web-01", "server"), ci("K-2", "order-db", "database"),
                    ci("K-3", "web-02", "server"), ci("K-4", "db-007", "database"), ci("K-5", "app-1", "app"),
                    ci("K-6", "app-01", "app")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "web-1 cpu | K-1", "what is the memory of web-2 now | K-3", "db-7 메모리 | K-4", "db7 cpu now | K-4",
        "app-1 cpu | K-5", "app-01 cpu | K-6"})
    void aNumberTypedWithoutItsZerosNamesTheCi(String question, String code) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(code, p.primary().ciCode(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "web-01 에러률 | error_rate", "web-01 오류률 지금 | error_rate", "web-01 메모리 사용율 | mem_usage",
        "web-01 cpu 사용율 | cpu_usage", "web-01 에러율 | error_rate", "web-01 메모리 사용률 | mem_usage"})
    void eitherSpellingOfTheRateIsTheMeasure(String question, String metric) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }
}
