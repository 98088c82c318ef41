package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.guard.PlanValidator;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.RulesPlanner;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Events named by their id (rules.references): the anchor of "what changed before", a filter of events. */
class EventReferencesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-27T15:00:00+09:00");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static AssetBundle assets;
    private static EntityDictionary dict;

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
        dict = new EntityDictionary(1, List.of(
                new EntityDictionary.Entity("app.ledger", "ledger-api", "app", false),
                new EntityDictionary.Entity("DB-LEDGER", "ledger-db", "database", false),
                new EntityDictionary.Entity("biz.inout", "입출고 운영", "service", false)), List.of(), List.of());
    }

    private static PlanModel plan(String question) {
        return new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "what changed before INC-5327?|INC-5327",
        "INC-5328 전에 배포된 거 있어?|INC-5328",
        "inc 5327 전에 바뀐 거|''", // no id without its digits glued on: an incident word, not a reference
        "prb-0042 이전 변경 사항|PRB-0042"})
    void anIncidentNamedByItsIdIsTheAnchorWithoutACi(String question, String ref) {
        PlanModel p = plan(question);
        if (ref.isEmpty()) {
            assertEquals("", p.history().eventRef(), question + ": " + p.history());
            return;
        }
        assertEquals(ref, p.history().eventRef(), question + ": " + p.history());
        assertFalse(p.history().anchor().isEmpty(), question + ": " + p.history());
        assertTrue(p.history().eventTypes().containsAll(List.of("deploy", "change")), p.history().toString());
        assertTrue(p.missingSlots().isEmpty(), "the id names the CI: " + p.missingSlots());
        assertEquals("last_90d", p.history().timeRange(), "looked for over rules.defaults.reference_range");
        assertFalse(p.unexplained().contains(ref), p.unexplained().toString());
    }

    @Test
    void aTimeOfDayBesideTheIdIsTheIncidentsOwnNotToday() {
        PlanModel p = plan("INC-5327 on ledger-api at 14:10 - list deploys and changes upstream before it");
        assertEquals("INC-5327", p.history().eventRef());
        assertEquals("app.ledger", p.primary().ciCode());
        assertEquals("last_90d", p.history().timeRange(), p.history().toString());
        // not silently: the reading is told the time of day was taken as the incident's own
        assertEquals("at 14:10", p.understanding().get("ref_time"), p.understanding().toString());
        // a day named with it still bounds the search
        PlanModel dated = plan("INC-5327 on ledger-api on 2026-11-26 at 14:10 - deploys and changes before it");
        assertTrue(dated.history().timeFrom().startsWith("2026-11-26T14:10"), dated.history().toString());
        assertTrue(dated.history().timeStated());
        assertFalse(dated.understanding().containsKey("ref_time"));
    }

    @Test
    void besideAnIdAPartialNameIsAWordOfTheIncidentNotItsCi() {
        PlanModel p = plan("야간 출고 웨이브 실패(INC-8120) 직전에 수행된 배포 및 변경 작업 내역을 보고하십시오.");
        assertEquals("INC-8120", p.history().eventRef());
        assertEquals("", p.primary().ciCode(), "출고 only partly names 입출고 운영: " + p.primary());
        assertTrue(p.unexplained().contains("출고"), p.unexplained().toString());
        // a CI spelt out in full still narrows the search
        assertEquals("app.ledger", plan("ledger-api INC-5327 전에 바뀐 거").primary().ciCode());
    }

    @Test
    void eventsThatNameAnIdAreAnyTypeAndSeverity() {
        PlanModel p = plan("what happened in INC-5330?");
        assertTrue(p.history().enabled());
        assertEquals("INC-5330", p.history().eventRef());
        assertTrue(p.history().anchor().isEmpty());
        assertEquals(List.of(), p.history().eventTypes());
        assertEquals(List.of(), p.history().severities());
        assertEquals("CHG-7758", plan("CHG-7758 어떤 변경이었어?").history().eventRef());
    }

    @Test
    void anIdThePlanDoesNotUseIsSaidNotUnderstood() {
        PlanModel p = plan("CPU of ledger-api during INC-5327");
        assertEquals("", p.history().eventRef());
        assertTrue(p.unexplained().contains("INC-5327"), p.unexplained().toString());
    }

    @Test
    void aQueryAssetWithoutAnIdTemplateRefusesRatherThanListingEveryEvent() {
        PlanModel p = plan("what changed before INC-5327?");
        PlanValidator.Result ok = new PlanValidator().validate(p, assets, List.of("viewer"));
        assertTrue(ok.allowed(), ok.decisions().toString());
        assertEquals(List.of("events_before_ref"), ok.queries());
        assertEquals(List.of("events_by_ref"), new PlanValidator().validate(plan("what happened in INC-5330?"), assets,
                List.of("viewer")).queries());
        // an operator's Query asset saved before ids were read: its bindings know no event_ref
        ObjectNode older = assets.content("query").deepCopy();
        ArrayNode bindings = (ArrayNode) older.path("bindings");
        for (int i = bindings.size() - 1; i >= 0; i--) {
            if (bindings.get(i).path("when").has("event_ref")) {
                bindings.remove(i);
            }
        }
        List<AssetDoc> docs = new java.util.ArrayList<>();
        for (String type : List.of("schema", "resolver", "mapping", "prompt", "policy", "screen")) {
            assets.get(type).ifPresent(docs::add);
        }
        docs.addAll(assets.sources().values());
        docs.add(new AssetDoc("query", "ci_queries", 9, "published", older));
        PlanValidator.Result refused = new PlanValidator().validate(p, new AssetBundle(docs), List.of("viewer"));
        assertFalse(refused.allowed());
        assertTrue(refused.decisions().stream().anyMatch(d -> d.rule().equals("query_binding")
                && d.reason().contains("INC-5327")), refused.decisions().toString());
    }

    @Test
    void twoCisBesideOnePresupposedIncidentAreEitherNotTheFirstNamed() {
        PlanModel p = plan("Customers saw ledger-db time out and I was told ledger-api was to blame. "
                + "Was anything deployed or changed before that?");
        assertFalse(p.history().anchor().isEmpty(), p.history().toString());
        assertEquals("", p.primary().ciCode(), "not the first named by order: " + p.primary());
        assertEquals(List.of("DB-LEDGER", "app.ledger"),
                p.candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList());
        assertEquals(List.of("primary.ci"), p.missingSlots());
        assertFalse(p.unexplained().contains("ledger-api"), p.unexplained().toString());
        // one CI named: that one, as before
        assertEquals("app.ledger", plan("ledger-api 장애 전에 바뀐 거 있어?").primary().ciCode());
    }
}
