package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An aggregate over a range whose samples cover only part of it says so (the default Mapping's
 * messages.partial_coverage), in both languages; samples that reach both ends, or leave a gap no longer than
 * the series' own step, add nothing.
 */
class CoverageTest {
    private static final AssetBundle ASSETS = new AssetBundle(DefaultAssets.docs());
    private static final List<String> AGG = List.of("ci_code", "ci_name", "metric_name", "value", "at_ts", "samples",
            "ts_from", "ts_to");

    private static PlanModel agg(String lang, String range, String from, String to, String askedAt) {
        PlanModel.Primary p = new PlanModel.Primary("ci", "SVR001", List.of(), List.of(), List.of(), 0, 0,
                List.of("SVR001"), List.of(), "srv-01");
        PlanModel.Metric m = new PlanModel.Metric("cpu_usage", "avg", range, from, to, "", 0, "", true, null);
        return new PlanModel(Intent.AGGREGATE, View.SUMMARY, p, null, null, m, null,
                new PlanModel.Output(List.of("text", "table"), "text", false), lang, List.of(), List.of(), "",
                List.of(), Map.of("time_zone", "Asia/Seoul", "asked_at", askedAt), List.of());
    }

    private static String answer(PlanModel plan, String first, String last) {
        ToolOutput out = new ToolOutput("metric_executor", "metric_agg", AGG,
                List.of(List.of("SVR001", "srv-01", "cpu_usage", 35.1, "", 842L, first, last)), false, Map.of(), null,
                false);
        return new AnswerComposer().compose(plan, List.of(out), ASSETS).answer();
    }

    @Test
    void samplesThatBeginLateAreSaidInBothLanguages() {
        PlanModel en = agg("en", "range:2026-11-20..2026-12-03", "2026-11-20T00:00+09:00", "2026-12-03T00:00+09:00",
                "2026-12-06T10:00+09:00");
        String text = answer(en, "2026-11-29T16:50Z", "2026-12-02T14:55Z");
        assertTrue(text.contains("Only samples from 2026-11-30 01:50 to 2026-12-02 23:55 were found within"), text);
        PlanModel ko = agg("ko", "range:2026-11-20..2026-12-03", "2026-11-20T00:00+09:00", "2026-12-03T00:00+09:00",
                "2026-12-06T10:00+09:00");
        String korean = answer(ko, "2026-11-29T16:50Z", "2026-12-02T14:55Z");
        assertTrue(korean.contains("샘플은 2026-11-30 01:50부터 2026-12-02 23:55까지만 있습니다"), korean);
    }

    @Test
    void samplesThatEndEarlyAreSaidAndTheRangeEndsWhenAsked() {
        // a public series that stops mid-day: the day asked is covered only until 05:00
        PlanModel day = agg("en", "day:2014-04-17", "2014-04-17T00:00Z", "2014-04-18T00:00Z", "2026-12-06T10:00+09:00");
        assertTrue(answer(day, "2014-04-17T00:00Z", "2014-04-17T05:00Z").contains("Only samples from"), "early end");
        // "today" asked at 10:00: the range ends now, so samples up to 09:55 cover it
        PlanModel today = agg("en", "today", "2026-12-06T00:00+09:00", "2026-12-07T00:00+09:00",
                "2026-12-06T10:00+09:00");
        String text = answer(today, "2026-12-05T15:00Z", "2026-12-06T00:55Z");
        assertTrue(!text.contains("Only samples"), text);
    }

    @Test
    void aGapNoLongerThanTheSeriesStepIsNoGap() {
        // hourly samples over a day: the first at 00:00, the last at 23:00 (the range ends at 24:00)
        PlanModel day = agg("en", "day:2014-04-17", "2014-04-17T00:00Z", "2014-04-18T00:00Z", "2026-12-06T10:00+09:00");
        String text = answer(day, "2014-04-17T00:00Z", "2014-04-17T23:00Z");
        assertEquals(-1, text.indexOf("Only samples"), text);
    }
}
