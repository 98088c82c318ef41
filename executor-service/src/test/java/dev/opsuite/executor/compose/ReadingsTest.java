package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading line names every filter the plan applies, and reads well when no CI is named. */
class ReadingsTest {
    private static final AssetBundle ASSETS = new AssetBundle(DefaultAssets.docs());

    private static PlanModel plan(Intent intent, PlanModel.Primary primary, PlanModel.Metric metric,
                                  PlanModel.History history, String lang) {
        return new PlanModel(intent, View.SUMMARY, primary, null, new PlanModel.Graph(3, List.of(), "in", 200), metric,
                history, new PlanModel.Output(List.of("text"), "text", false), lang, List.of(), List.of(), "", List.of(),
                Map.of("time_zone", "Asia/Seoul"), List.of());
    }

    private static String read(PlanModel p, String lang) {
        return Readings.render(p, ASSETS.mapping(), Map.of("time_range", "the last 2 days"), lang);
    }

    @Test
    void eventsOfTheWholeEstateNameTheirSeverityAndTypeAndNoMissingCi() {
        PlanModel.Primary none = new PlanModel.Primary("ci", "", List.of(), List.of(), List.of(), 0, 0, List.of(),
                List.of(), "");
        PlanModel.History h = new PlanModel.History(true, List.of("alert"), List.of("critical"), "last_2d",
                "2026-12-01T00:00+09:00", "2026-12-03T00:00+09:00", 0, true, "", 0, "");
        assertEquals("Read as: critical alert events over the last 2 days, Asia/Seoul",
                read(plan(Intent.LIST, none, null, h, "en"), "en"));
        assertEquals("해석: the last 2 days critical alert 이벤트 (Asia/Seoul)", read(plan(Intent.LIST, none, null, h, "ko"), "ko"));
    }

    @Test
    void aQuestionAboutOneCiWithNoneNamedSaysSo() {
        PlanModel.Primary none = new PlanModel.Primary("ci", "", List.of(), List.of(), List.of(), 0, 0, List.of(),
                List.of(), "");
        assertEquals("Read as: no CI named", read(plan(Intent.LOOKUP, none, null, null, "en"), "en"));
        assertEquals("해석: 어떤 CI에 대한 질문인지 정하지 못함", read(plan(Intent.LOOKUP, none, null, null, "ko"), "ko"));
    }

    @Test
    void aConditionOnNamedCisNamesThem() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "DB_FLEET", List.of(), List.of(), List.of(), 0, 0,
                List.of("DB_FLEET"), List.of(), "fleet-db");
        PlanModel.Metric m = new PlanModel.Metric("cpu_usage", "latest", "", "", "", "", 0, "", false,
                new PlanModel.Threshold("gt", 80, 0));
        String en = read(plan(Intent.LIST, one, m, null, "en"), "en");
        assertEquals(true, en.startsWith("Read as: CIs (ci_code=DB_FLEET) with "), en);
    }

    @Test
    void aTimeOfDayTakenAsTheIncidentsOwnIsSaid() {
        PlanModel.Primary none = new PlanModel.Primary("ci", "", List.of(), List.of(), List.of(), 0, 0, List.of(),
                List.of(), "");
        PlanModel.History h = new PlanModel.History(true, List.of(), List.of(), "last_90d",
                "2026-09-01T00:00+09:00", "2026-12-01T00:00+09:00", 0, false, "", 0, "INC-5330");
        PlanModel p = new PlanModel(Intent.LIST, View.SUMMARY, none, null, new PlanModel.Graph(3, List.of(), "in", 200),
                null, h, new PlanModel.Output(List.of("text"), "text", false), "en", List.of(), List.of(), "",
                List.of(), Map.of("time_zone", "Asia/Seoul", "ref_time", "at 14:10"), List.of());
        String en = read(p, "en");
        assertEquals(true, en.endsWith(" · 'at 14:10' taken as the time of INC-5330, not as a bound of the search"), en);
        assertEquals(false, read(plan(Intent.LIST, none, null, h, "en"), "en").contains("taken as"));
    }

    @Test
    void timesReadAsContextAreSaid() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "DB_FLEET", List.of(), List.of(), List.of(), 0, 0,
                List.of("DB_FLEET"), List.of(), "fleet-db");
        PlanModel.Metric avg = new PlanModel.Metric("cpu_usage", "avg", "last_month", "2026-11-01T00:00+09:00",
                "2026-12-01T00:00+09:00", "", 0, "", true, null);
        PlanModel p = new PlanModel(Intent.LOOKUP, View.SUMMARY, one, null, null, avg, null,
                new PlanModel.Output(List.of("text"), "text", false), "en", List.of(), List.of(), "", List.of(),
                Map.of("time_zone", "Asia/Seoul", "context_times", List.of("the year-end", "at 04:10")), List.of());
        String en = read(p, "en");
        assertEquals(true, en.endsWith(" · 'the year-end', 'at 04:10' read as context, not as the time asked"), en);
        assertEquals(true, read(p, "ko").contains("맥락으로 본 시간: 'the year-end', 'at 04:10'"), read(p, "ko"));
        assertEquals(false, read(plan(Intent.LOOKUP, one, avg, null, "en"), "en").contains("context"));
    }

    @Test
    void wordsTakenBackAreSaid() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "PH", List.of(), List.of(), List.of(), 0, 0,
                List.of("PH"), List.of(), "Penthouse");
        PlanModel.Metric disk = new PlanModel.Metric("disk_usage", "latest", "", "", "", "", 0, "", false, null);
        PlanModel p = new PlanModel(Intent.LOOKUP, View.SUMMARY, one, null, null, disk, null,
                new PlanModel.Output(List.of("text"), "text", false), "en", List.of(), List.of(), "", List.of(),
                Map.of("time_zone", "Asia/Seoul", "corrections", List.of("memory → disk usage")), List.of());
        String en = read(p, "en");
        assertEquals(true, en.endsWith(" · read as corrected: 'memory → disk usage'"), en);
        assertEquals(true, read(p, "ko").contains("고쳐 말한 대로 읽음: 'memory → disk usage'"), read(p, "ko"));
        assertEquals(false, read(plan(Intent.LOOKUP, one, disk, null, "en"), "en").contains("corrected"));
    }

    @Test
    void samplesOverAThresholdAndARangedAggregateNameWhatTheyCount() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "DB_FLEET", List.of(), List.of(), List.of(), 0, 0,
                List.of("DB_FLEET"), List.of(), "fleet-db");
        PlanModel.Metric count = new PlanModel.Metric("cpu_usage", "count", "day:2014-04-17", "2014-04-17T00:00Z",
                "2014-04-18T00:00Z", "", 0, "", true, new PlanModel.Threshold("gt", 90, 0));
        PlanModel p = plan(Intent.LIST, one, count, null, "en");
        assertEquals("count_over", Readings.shape(p));
        assertEquals(dev.opsuite.guard.QuerySelector.select(p, ASSETS.query()).get(0), "metric_count_over");
        PlanModel.Metric avg = new PlanModel.Metric("cpu_usage", "avg", "day:2014-04-17", "2014-04-17T00:00Z",
                "2014-04-18T00:00Z", "", 0, "", true, new PlanModel.Threshold("gt", 90, 0));
        assertEquals("per_ci_agg", Readings.shape(plan(Intent.LIST, one, avg, null, "en")));
        assertEquals(true, read(plan(Intent.LIST, one, avg, null, "en"), "en").contains(" over the last 2 days"));
    }

    @Test
    void oneSampleAtAMomentIsReadAsThatAndSaysWhenItWasTaken() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "DB_FLEET", List.of(), List.of(), List.of(), 0, 0,
                List.of(), List.of(), "fleet-db");
        PlanModel.Metric m = new PlanModel.Metric("cpu_usage", "last", "range:2014-04-17T13:30Z/2014-04-17T14:31Z",
                "2014-04-17T13:30Z", "2014-04-17T14:31Z", "", 0, "", true, null);
        PlanModel p = plan(Intent.AGGREGATE, one, m, null, "en");
        String en = Readings.render(p, ASSETS.mapping(), Map.of("time_range", "2014-04-17 13:30–14:31"), "en");
        assertEquals(true, en.contains("its last sample over 2014-04-17 13:30–14:31"), en);
        dev.opsuite.executor.domain.ToolOutput out = new dev.opsuite.executor.domain.ToolOutput("metric_executor",
                "metric_agg", List.of("ci_code", "ci_name", "metric_name", "value", "at_ts", "samples", "ts_from", "ts_to"),
                List.of(java.util.Arrays.asList("DB_FLEET", "fleet-db", "cpu_usage", 97.5, "2014-04-17T14:30:00Z", 13,
                        "2014-04-17T13:30:00Z", "2014-04-17T14:30:00Z")), false, Map.of(), null, false);
        String answer = new AnswerComposer().compose(p, List.of(out), ASSETS).answer();
        assertEquals(true, answer.contains("was 97.5") && answer.contains("at 2014-04-17 14:30"), answer);
    }

    @Test
    void aColumnNoRowHoldsAValueInIsNotShown() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "DB_FLEET", List.of(), List.of(), List.of(), 0, 0,
                List.of(), List.of(), "fleet-db");
        PlanModel.Metric m = new PlanModel.Metric("cpu_usage", "avg", "day:2014-04-17", "2014-04-17T00:00Z",
                "2014-04-18T00:00Z", "", 0, "", true, null);
        PlanModel p = new PlanModel(Intent.AGGREGATE, View.SUMMARY, one, null, new PlanModel.Graph(3, List.of(), "in", 200),
                m, null, new PlanModel.Output(List.of("text", "table"), "text", false), "en", List.of(), List.of(), "",
                List.of(), Map.of("time_zone", "UTC"), List.of());
        dev.opsuite.executor.domain.ToolOutput out = new dev.opsuite.executor.domain.ToolOutput("metric_executor",
                "metric_agg", List.of("ci_code", "ci_name", "metric_name", "value", "at_ts", "samples", "ts_from", "ts_to"),
                List.of(java.util.Arrays.asList("DB_FLEET", "fleet-db", "cpu_usage", 45.2, null, 288,
                        "2014-04-17T00:00:00Z", "2014-04-17T23:55:00Z")), false, Map.of(), null, false);
        Block table = new AnswerComposer().compose(p, List.of(out), ASSETS).blocks().stream()
                .filter(b -> b.type().equals("table")).findFirst().orElseThrow();
        String columns = String.valueOf(table.data().get("columns"));
        assertEquals(false, columns.contains("at_ts"), columns);
        assertEquals(true, columns.contains("samples"), columns);
    }

    @Test
    void currentValuesNameNoRange() {
        PlanModel.Primary none = new PlanModel.Primary("ci", "", List.of(), List.of(), List.of(), 0, 0, List.of(),
                List.of(), "");
        PlanModel.Metric m = new PlanModel.Metric("mem_usage", "latest", "", "", "", "", 1, "desc", false, null);
        String en = Readings.render(plan(Intent.AGGREGATE, none, m, null, "en"), ASSETS.mapping(),
                Map.of("metric_label", "memory usage"), "en");
        assertEquals("Read as: top 1 by current memory usage", en);
    }

    @Test
    void aSentenceAboutTheFirstSampleOverAThresholdIsShownOnlyWhenThereWasOne() {
        PlanModel.Primary one = new PlanModel.Primary("ci", "DB_FLEET", List.of(), List.of(), List.of(), 0, 0,
                List.of("DB_FLEET"), List.of(), "fleet-db");
        PlanModel.Metric m = new PlanModel.Metric("cpu_usage", "count", "day:2014-04-17", "2014-04-17T00:00Z",
                "2014-04-18T00:00Z", "", 0, "", true, new PlanModel.Threshold("gt", 90, 0));
        PlanModel p = new PlanModel(Intent.LIST, View.SUMMARY, one, null, new PlanModel.Graph(3, List.of(), "in", 200),
                m, null, new PlanModel.Output(List.of("text", "table"), "text", false), "en", List.of(), List.of(), "",
                List.of(), Map.of("time_zone", "UTC"), List.of());
        List<String> columns = List.of("ci_code", "ci_name", "ci_type", "matched", "samples", "first_ts", "last_ts", "total");
        for (boolean over : new boolean[] {true, false}) {
            dev.opsuite.executor.domain.ToolOutput out = new dev.opsuite.executor.domain.ToolOutput("metric_executor",
                    "metric_count_over", columns, List.of(java.util.Arrays.asList("DB_FLEET", "fleet-db", "database",
                    over ? 12 : 0, 288, over ? "2014-04-17T14:00:00Z" : null, over ? "2014-04-17T14:55:00Z" : null, 1)),
                    false, Map.of(), null, false);
            String texts = new AnswerComposer().compose(p, List.of(out), ASSETS).blocks().stream()
                    .filter(b -> b.type().equals("text")).map(Block::content).toList().toString();
            assertEquals(over, texts.contains("The first sample of fleet-db (DB_FLEET) with CPU usage over 90"), texts);
            assertEquals(over, texts.contains("the last at 2014-04-17 14:55"), texts);
            assertEquals(false, texts.contains("null"), texts);
        }
    }
}
