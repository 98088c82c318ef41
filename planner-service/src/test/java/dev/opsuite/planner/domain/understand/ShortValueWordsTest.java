package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An estate that writes the schema's environments short ("prd", "stg"): the schema's staging or production said in
 * a question ("스테이징 환경", "production boxes") is that value of the estate, not a value none of its CIs holds
 * (weak sets, issue 12).
 */
class ShortValueWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2055-03-09T10:00:00+09:00");

    private static WordsEstate estate() {
        List<EntityDictionary.Entity> cis = List.of(
                new EntityDictionary.Entity("k-1", "kiln-web", "app", false,
                        Map.of("ci.status", "running", "ci.environment", "prd")),
                new EntityDictionary.Entity("k-2", "kiln-web-next", "app", false,
                        Map.of("ci.status", "running", "ci.environment", "stg")),
                new EntityDictionary.Entity("k-3", "kiln-vm-t", "vm", false,
                        Map.of("ci.status", "running", "ci.environment", "stg")));
        return new WordsEstate(NOW, new EntityDictionary(4, cis, List.of(),
                List.of(Map.entry("ci.environment", "prd"), Map.entry("ci.environment", "stg"))));
    }

    private static List<String> environments(PlanModel p) {
        return p.primary().filters().stream().filter(f -> f.field().equals("environment"))
                .flatMap(f -> f.values().stream()).toList();
    }

    @Test
    void stagingIsTheEstatesStg() {
        PlanModel p = estate().plan("스테이징 환경에 있는 장비 목록 보여줘");
        assertTrue(environments(p).contains("stg"), p.toString());
    }

    @Test
    void productionIsTheEstatesPrd() {
        PlanModel p = estate().plan("list the production apps");
        assertTrue(environments(p).contains("prd"), p.toString());
    }
}
