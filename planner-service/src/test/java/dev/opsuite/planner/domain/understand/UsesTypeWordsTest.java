package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "X가 쓰는 DB": a Korean word of using ("쓰는", "사용하는") with the CI its subject and a type asked is what the CI
 * depends on, at any depth, as "which DBs does X use" is — not only what it calls in one hop; "직접" keeps one hop,
 * and "X를 쓰는 앱" still asks for its callers (weak sets' dev halves, issue 12: colloquial relations).
 */
class UsesTypeWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-03-02T10:00:00+09:00"),
            new EntityDictionary(1, List.of(WordsEstate.ci("sv-1", "Parcel Desk", "service"),
                    WordsEstate.ci("ap-1", "desk-api", "app"), WordsEstate.ci("db-1", "desk-db", "database")),
                    List.of(), List.of()));

    @Test
    void aCiThatUsesCisOfATypeDependsOnThemAtAnyDepth() {
        PlanModel service = ESTATE.plan("Parcel Desk 서비스가 쓰는 데이터베이스 알려줘");
        assertEquals(View.DEPENDENCY, service.view(), service.toString());
        assertEquals("out", service.graph().direction(), service.toString());
        assertTrue(service.graph().depth() > 1, "not one hop only: " + service);
        PlanModel app = ESTATE.plan("desk-api가 사용하는 DB 전부");
        assertTrue(app.graph().depth() > 1, "not one hop only: " + app);
    }

    @Test
    void directlyOrTheCallersStayAsTheyWere() {
        PlanModel direct = ESTATE.plan("desk-api가 직접 쓰는 DB");
        assertEquals(1, direct.graph().depth(), direct.toString());
        PlanModel callers = ESTATE.plan("desk-db를 쓰는 앱들");
        assertEquals(Intent.EXPAND, callers.intent(), callers.toString());
        assertEquals("in", callers.graph().direction(), callers.toString());
    }
}
