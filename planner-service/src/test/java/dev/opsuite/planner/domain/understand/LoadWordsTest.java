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
 * Found by a grid of measure wordings (no set's questions): "X 부하 어때?", "X load right now", "is X under heavy load",
 * "과부하 걸린 서버" left the measure unread (X's attributes, or every server) — a server's load is its CPU in the
 * default schema, as "cpu load" and "how busy" already were; "page load time" is the response time, and a load
 * balancer stays a type.
 */
class LoadWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("LW-1", "press-01", "server"), ci("LW-2", "shop-web", "app"),
                    ci("LW-3", "front-lb", "load_balancer")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "press-01 부하 어때?|cpu_usage",
        "press-01 load right now|cpu_usage",
        "is press-01 under heavy load|cpu_usage",
        "과부하 걸린 서버 있어?|cpu_usage",
        "부하 제일 높은 서버|cpu_usage",
        "page load time of shop-web|latency_ms",
        "shop-web 로딩 시간|latency_ms"})
    void loadIsTheMeasureNamed(String question, String metric) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"부하분산기 목록", "list the load balancers"})
    void aLoadBalancerStaysAType(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("", p.metric().metricName(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.values().contains("load_balancer")), p.toString());
    }
}
