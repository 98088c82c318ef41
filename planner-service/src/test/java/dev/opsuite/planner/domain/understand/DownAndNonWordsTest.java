package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of list wordings (no set's questions): "which db is down" asks for the stopped databases — it was
 * read as "what does a failure impact" and then asked for a CI; "non prod vms" negates prod only — "non" negated
 * every word within 20 characters after it, so it asked for CIs that are not VMs; written "non-prod", the compound was
 * taken for a name-shaped word and left unread (all VMs were listed).
 */
class DownAndNonWordsTest {
    private static EntityDictionary.Entity ci(String code, String name, String type, String status, String env) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", status, "ci.environment", env));
    }

    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2041-05-10T19:30:00+09:00"),
            new EntityDictionary(5, List.of(ci("K-1", "web-01", "server", "running", "prod"),
                    ci("K-2", "order-db", "database", "stopped", "prod"), ci("K-3", "vm-7", "vm", "stopped", "dev"),
                    ci("K-4", "ledger-db", "database", "running", "stage")), List.of(),
                    List.of(Map.entry("ci.environment", "prod"), Map.entry("ci.environment", "dev"),
                            Map.entry("ci.environment", "stage"))));

    private static List<String> filter(PlanModel p, String field, String op) {
        return p.primary().filters().stream().filter(f -> f.field().equals(field) && f.op().equals(op))
                .flatMap(f -> f.values().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"which db is down | database | false", "which server is down right now | server | false",
        "how many vms are down | vm | true"})
    void aStateAskedOfATypeIsAList(String question, String type, boolean count) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertEquals(List.of(type), filter(p, "ci_type", "eq"), p.toString());
        assertEquals(List.of("stopped"), filter(p, "status", "eq"), p.toString());
        assertEquals(count, p.output().count(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what breaks if order-db is down", "order-db is down, what is affected"})
    void aNamedCiDownIsStillAnImpact(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertEquals("K-2", p.primary().ciCode(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"non prod vms", "list non prod vms please", "non-prod vms", "all non-prod vms now"})
    void nonNegatesTheWordAfterItOnly(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(List.of("vm"), filter(p, "ci_type", "eq"), p.toString());
        assertEquals(List.of("prod"), filter(p, "environment", "ne"), p.toString());
        assertTrue(filter(p, "ci_type", "ne").isEmpty(), p.toString());
        assertTrue(p.unexplained().stream().noneMatch(w -> w.startsWith("non")), p.unexplained().toString());
    }
}
