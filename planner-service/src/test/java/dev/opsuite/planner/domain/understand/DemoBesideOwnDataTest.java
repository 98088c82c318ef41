package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.RulesPlanner;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An imported estate beside the demo: a question about one's own estate never competes with demo names. */
class DemoBesideOwnDataTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T15:00:00+09:00");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static AssetBundle assets;
    private static EntityDictionary dict;

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
        dict = new EntityDictionary(1, List.of(
                new EntityDictionary.Entity("SB-DB-LEDGER", "ledger-db", "database", false, Map.of("ci.owner", "dba-sora")),
                new EntityDictionary.Entity("sb:app:ledger", "ledger-api", "app", false, Map.of("ci.owner", "core-team")),
                new EntityDictionary.Entity("APP060", "audit-logger", "app", true, Map.of("ci.owner", "sec-team")),
                new EntityDictionary.Entity("DB026", "audit-db", "database", true, Map.of("ci.owner", "dba-team")),
                new EntityDictionary.Entity("SVC002", "order", "service", true, Map.of("ci.owner", "commerce-team")),
                new EntityDictionary.Entity("APP_Cart", "cart.svc", "app", false, Map.of("ci.owner", "order-squad")),
                new EntityDictionary.Entity("sb:app:settle", "정산 배치", "app", false, Map.of()),
                new EntityDictionary.Entity("svc/settlement", "일일 정산", "service", false, Map.of()),
                new EntityDictionary.Entity("SVC009", "settlement", "service", true, Map.of()),
                new EntityDictionary.Entity("SVC013", "review", "service", true, Map.of())),
                List.of(Map.entry(6, "settlement batch"), Map.entry(7, "daily settlement")), List.of(Map.entry("ci.owner", "dba-sora"), Map.entry("ci.owner", "core-team"),
                        Map.entry("ci.owner", "sec-team"), Map.entry("ci.owner", "dba-team"),
                        Map.entry("ci.owner", "commerce-team"), Map.entry("ci.owner", "order-squad")));
    }

    private static PlanModel plan(String question) {
        return new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
    }

    @Test
    void aPartialDemoNameBesideAnOwnValueIsNotACi() {
        PlanModel p = plan("For the audit file, how many configuration items are registered to the owner dba-sora?");
        assertEquals(List.of(), p.candidates(), "audit only partly names demo CIs: " + p.candidates());
        assertEquals(List.of(), p.missingSlots());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("owner")
                && f.values().equals(List.of("dba-sora"))), p.primary().filters().toString());
        assertTrue(p.unexplained().stream().anyMatch(w -> w.contains("audit")), "said, not dropped: " + p.unexplained());
    }

    @Test
    void aDemoNameInTheContextIsNotTheCiAskedAbout() {
        PlanModel p = plan("CHG-310903 risk review: which apps are impacted if ledger-db is down?");
        assertEquals("SB-DB-LEDGER", p.primary().ciCode(), "the own CI the asking clause names: " + p);
        assertEquals(dev.opsuite.model.View.IMPACT, p.view());
        // read as on an estate without the demo: the word is said among the context's words ("risk review")
        assertTrue(p.unexplained().stream().anyMatch(w -> w.contains("review")), "the demo's name set aside and said: "
                + p.unexplained());
        assertEquals("SVC013", plan("which apps are impacted if review is down?").primary().ciCode(),
                "asked about, the demo CI is what it is");
    }

    @Test
    void withoutOwnDataInTheQuestionTheDemoIsStillAskedAbout() {
        PlanModel p = plan("audit 상태 알려줘");
        assertEquals(List.of("APP060", "DB026"), p.candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList());
        // spelt out in full, a demo CI is still what it is
        assertEquals("APP060", plan("audit-logger 상태 알려줘").primary().ciCode());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"fastest 2 order-squad apps by current latency_ms",
        "How many business services does the order squad own?", "order-squad 팀 앱 목록"})
    void aValueSpeltAcrossALongerSpanBeatsACiNamedByPartOfIt(String question) {
        PlanModel p = plan(question);
        assertEquals("", p.primary().ciCode(), "not the demo CI 'order': " + p.primary());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("owner")
                && f.values().equals(List.of("order-squad"))), question + ": " + p.primary().filters());
    }

    @Test
    void aCiNamedAloneIsStillThatCi() {
        assertEquals("SVC002", plan("order 서비스 상태").primary().ciCode());
    }

    @Test
    void aDemoNameThatIsAWordOfOwnCisIsAskedAboutNotAnswered() {
        PlanModel p = plan("Is the settlement OK right now?");
        // the operator's own CIs before the demo's, as with any partial name
        assertEquals(List.of("sb:app:settle", "svc/settlement"),
                p.candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList(), p.primary().toString());
        // the whole own name is still that CI, and the demo's own name alone without own words is the demo's
        assertEquals("sb:app:settle", plan("settlement batch 상태").primary().ciCode());
        assertEquals("APP060", plan("audit-logger 상태 알려줘").primary().ciCode());
    }
}
