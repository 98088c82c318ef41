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
 * Who calls whom when a type word is asked beside a CI of a lower layer: "which services does the quote-app call"
 * names the quote-app as the subject of calling (a do-word before it; in Korean 가/는 on it), so the services are
 * what it calls — not, by their layer above an app, what depends on it. The CI as the object ("which services call
 * the quote-app", "quote-app을 호출하는 서비스") or a use verb with no subject ("Ledger DB 쓰는 서비스") still asks
 * what stands above it.
 */
class CallSubjectWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-14T10:00:00+09:00"),
            new EntityDictionary(1, List.of(ci("QA-1", "quote-app", "app"), ci("QA-2", "rates-svc", "service"),
                    ci("QA-3", "Ledger DB", "database"), ci("QA-4", "pricing-svc", "service")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which services does quote-app call? | DEPENDENCY | out",
        "what services does the quote-app call directly | DEPENDENCY | out",
        "quote-app이 호출하는 서비스 목록 | DEPENDENCY | out",
        "quote-app는 어떤 서비스를 부르나요? | DEPENDENCY | out",
        "which services call quote-app | IMPACT | in",
        "quote-app을 호출하는 서비스는? | IMPACT | in",
        "Ledger DB 쓰는 서비스 | IMPACT | in"})
    void theSubjectOfCallingDecidesTheDirection(String question, String view, String direction) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(view, p.view().name(), p.toString());
        assertEquals(direction, p.graph().direction(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.values().contains("service")), p.toString());
    }
}
