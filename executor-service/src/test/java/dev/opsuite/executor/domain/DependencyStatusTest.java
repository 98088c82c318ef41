package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.compose.AnswerComposer;
import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The health check's dependencies (#20): what X depends on, each with its status, whether a measure of it left its
 * normal in the range (the same detector) and its critical events; those that need a look come first and are named.
 */
class DependencyStatusTest {
    private static final List<String> COLUMNS = List.of("ts", "value", "ci_code", "ci_name", "metric_name", "depth",
            "parent", "neighbourhood", "status", "status_down", "critical_events");
    private static final OffsetDateTime FROM = OffsetDateTime.parse("2031-05-04T00:00Z");
    private static final OffsetDateTime TO = FROM.plusDays(1);
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    /**
     * A day of history and the range in 15-minute steps: DB001 (error), DB002 whose memory spikes in the range,
     * APP003 quiet with a critical event when {@code critical}, VM004 quiet; {@code spike} off makes DB002 quiet.
     */
    private static List<List<Object>> rows(boolean spike, boolean critical, boolean error) {
        List<List<Object>> rows = new ArrayList<>();
        Random random = new Random(11);
        Object[][] cis = {{"DB001", "ledger-db", error ? "error" : "running", error, 0},
                {"DB002", "orders-db", "running", false, 0}, {"APP003", "pay-gw", "running", false, critical ? 1 : 0},
                {"VM004", "vm-4", "running", false, 0}};
        for (Object[] ci : cis) {
            for (int i = 0; i < 2 * 96; i++) {
                boolean up = spike && ci[0].equals("DB002") && (i == 96 + 40 || i == 96 + 41);
                rows.add(Arrays.asList(FROM.minusDays(1).plusMinutes(15L * i).toString(),
                        up ? 99.0 : 50 + random.nextGaussian(), ci[0], ci[1], "mem_usage", 1, "APP001", 4, ci[2], ci[3],
                        ci[4]));
            }
        }
        return rows;
    }

    private static SqlPort.Tabular table(List<List<Object>> rows) {
        return new SqlPort.Tabular(COLUMNS, rows, false);
    }

    @Test
    void theDependenciesThatNeedALookComeFirstWithWhy() {
        DependencyStatus.Result r = DependencyStatus.of(table(rows(true, true, true)), "APP001", FROM, TO,
                DetectorSettings.DEFAULTS);
        List<String> codes = r.rows().rows().stream().map(x -> String.valueOf(x.get(0))).toList();
        assertEquals(List.of("APP003", "DB001", "DB002", "VM004"), codes, r.rows().rows().toString());
        assertEquals(List.of("pay-gw(APP003)", "ledger-db(DB001)", "orders-db(DB002)"), r.troubled());
        List<Object> db2 = r.rows().rows().get(2);
        assertEquals("mem_usage", db2.get(DependencyStatus.COLUMNS.indexOf("unusual")), db2.toString());
        assertEquals("APP001 → DB002", db2.get(DependencyStatus.COLUMNS.indexOf("via")));
        assertEquals("error", r.rows().rows().get(1).get(DependencyStatus.COLUMNS.indexOf("status")));
        assertEquals(1L, r.rows().rows().get(0).get(DependencyStatus.COLUMNS.indexOf("critical_events")));
        assertEquals("yes", r.rows().rows().get(0).get(DependencyStatus.COLUMNS.indexOf("trouble")));
        assertEquals(null, r.rows().rows().get(3).get(DependencyStatus.COLUMNS.indexOf("trouble")));
        assertEquals(null, r.rows().rows().get(0).get(DependencyStatus.COLUMNS.indexOf("quiet")));
        assertEquals(4, r.cis());
        assertEquals(4, r.found());
    }

    @Test
    void quietDependenciesAreSaidToBeWell() {
        DependencyStatus.Result r = DependencyStatus.of(table(rows(false, false, false)), "APP001", FROM, TO,
                DetectorSettings.DEFAULTS);
        assertEquals(List.of(), r.troubled());
        assertEquals("yes", r.rows().rows().get(0).get(DependencyStatus.COLUMNS.indexOf("quiet")));
        assertTrue(r.judged() > 0);
    }

    @Test
    void aTemplateWithoutTheStatusColumnsIsRefused() {
        SqlPort.Tabular wrong = new SqlPort.Tabular(List.of("ts", "value", "ci_code", "ci_name", "metric_name", "depth",
                "parent"), List.of(), false);
        assertThrows(IllegalArgumentException.class, () -> DependencyStatus.of(wrong, "APP001", FROM, TO,
                DetectorSettings.DEFAULTS));
    }

    private String answer(String lang, List<List<Object>> rows) {
        PlanModel health = new PlanModel(Intent.LIST, View.SUMMARY,
                new PlanModel.Primary("ci", "APP001", List.of(), List.of(), List.of(), 0, 0), null, null,
                new PlanModel.Metric("", "anomaly", "last_24h", FROM.toString(), TO.toString(), "", 0, ""),
                new PlanModel.History(true, List.of(), List.of(), "last_24h", FROM.toString(), TO.toString(), 0, false,
                        "", 0, ""), null, lang, null, null, "");
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets).rows("ci_dependency_status", COLUMNS, rows);
        ExecutionResult r = new PlanExecutor(sql, sql).execute(health, List.of("ci_dependency_status"), assets);
        return new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer();
    }

    @Test
    void theAnswerNamesThoseThatNeedALookInBothLanguages() {
        String en = answer("en", rows(true, false, true));
        assertTrue(en.contains("Of the 4 CIs APP001 depends on, these need a look over")
                && en.contains("ledger-db(DB001), orders-db(DB002)"), en);
        String ko = answer("ko", rows(true, false, true));
        assertTrue(ko.contains("의존하는 CI 4개 중 살펴봐야 할 것") && ko.contains("ledger-db(DB001), orders-db(DB002)"), ko);
        String quiet = answer("en", rows(false, false, false));
        assertTrue(quiet.contains("The 4 CIs APP001 depends on are all up, within their normal"), quiet);
    }
}
