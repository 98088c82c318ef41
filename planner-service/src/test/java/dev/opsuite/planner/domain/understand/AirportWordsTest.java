package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a ninth estate (an airport: a CI named "Search", "FIDS v2" beside the code "fidsV2", a clock
 * ten minutes into a year) and its writers (a DBA's pseudo-SQL, kubectl, casual Korean): each case failed
 * before its fix, and each fix is a rule of reading, not a word of this estate.
 */
class AirportWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2030-01-01T00:10:00+09:00"); // a Tuesday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("flightSearch", "Search", "app"), ci("fidsV2", "FIDS v2", "app"), ci("fidsV3", "FIDS v3", "app"),
                ci("i-03e5f7c1d4", "Legacy FIDS VM", "vm"), ci("HyperAoc1", "Hypervisor A", "server"),
                ci("KubeWorkerAoc1", "k8s worker 1", "server"), ci("kioskIntl", "무인 체크인 (국제선)", "app"),
                ci("cargoDb", "Cargo Manifest DB", "database"), ci("BhsCtlT1", "수하물 처리 시스템 1", "server"));
        estate = new WordsEstate(NOW, new EntityDictionary(4, cis, List.of(Map.entry(8, "BHS controller T1")), List.of()));
    }

    @Test
    void aCiNamedLikeACommandWordIsTheCiWhenAMeasureOfItFollows() {
        assertEquals("flightSearch", estate.plan("Search latency rn").primary().ciCode());
    }

    @Test
    void aNameSpeltWithTheLettersOfItsCodeKeepsItsWords() {
        // "FIDS v2" is "fidsV2" letter for letter, but "fids" is a word of its name: three CIs to choose from
        PlanModel p = estate.plan("fids cpu now");
        assertEquals(List.of("fidsV2", "fidsV3", "i-03e5f7c1d4"),
                p.candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList(), p.toString());
    }

    @Test
    void colloquialJelIsJeil() {
        PlanModel p = estate.plan("2022년 9월 9일 아침 6시부터 8시 반까지 BHS controller T1 cpu 젤 높았을 때 몇이야?");
        assertEquals("max", p.metric().agg(), p.toString());
        assertEquals("max", estate.plan("12월에 Cargo Manifest DB 디스크 젤 많이 찼을 때 몇 %야?").metric().agg());
    }

    @Test
    void aDeletionOrderedInANounIsRefused() {
        assertEquals("reject", estate.decide("cargoDb 적하목록 전부 삭제. 지금.").kind());
        assertNotEquals("reject", estate.decide("삭제된 CI 목록").kind(), "deleted things are no order to delete");
    }

    @Test
    void pseudoSqlAndKubectlAreReadForWhatTheyAsk() {
        PlanModel vms = estate.plan("SELECT vm FROM placements WHERE host = 'HyperAoc1'");
        assertEquals(View.COMPOSITION, vms.view(), vms.toString());
        assertEquals("HyperAoc1", vms.primary().ciCode());
        assertEquals(List.of(new PlanModel.Filter("ci_type", "eq", List.of("vm"))), vms.primary().filters());
        PlanModel pods = estate.plan("kubectl get pods --field-selector spec.nodeName=KubeWorkerAoc1");
        assertEquals(View.COMPOSITION, pods.view(), pods.toString());
        assertEquals("KubeWorkerAoc1", pods.primary().ciCode());
        PlanModel events = estate.plan("SELECT * FROM events WHERE ci = 'kioskIntl' AND month = '2029-11'");
        assertEquals(Intent.LIST, events.intent(), events.toString());
        assertEquals("month:2029-11", events.history().timeRange());
        assertEquals("kioskIntl", events.primary().ciCode());
    }
}
