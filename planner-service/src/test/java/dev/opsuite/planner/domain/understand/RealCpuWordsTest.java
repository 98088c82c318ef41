package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings of the kinds met on a set over real CPU series with absolute dates (issue 12), in words of this test's
 * own: a run of days joined by "through", an aggregation verb of no measure named, "which was busier, A or B", and a
 * verb of reaching a level (the maximum, not the average). Asked on 2031-03-12 at 09:00 in Seoul.
 */
class RealCpuWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-03-12T09:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("vm-edge-07", "edge-7", "vm"), ci("db-pay-01", "pay-db", "database"),
                ci("vm-batch-02", "batch-2", "vm"));
        estate = new WordsEstate(NOW, new EntityDictionary(4, cis, List.of(Map.entry(1, "결제 DB")), List.of()));
    }

    private static void days(PlanModel p, String from, String to) {
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
    }

    @Test
    void aRunOfDaysJoinedByThroughIsEveryDayOfIt() {
        days(estate.plan("edge-7 cpu for March 3 through 6, please"), "2031-03-03T00:00+09:00", "2031-03-07T00:00+09:00");
        days(estate.plan("pay-db average cpu Mar 3 thru 5"), "2031-03-03T00:00+09:00", "2031-03-06T00:00+09:00");
        days(estate.plan("pay-db cpu, 3 through 6 March"), "2031-03-03T00:00+09:00", "2031-03-07T00:00+09:00");
        // "the week of D1 through D2": the run names the days; the week only frames them
        PlanModel week = estate.plan("mean CPU of edge-7 during the week of March 3 through March 6?");
        days(week, "2031-03-03T00:00+09:00", "2031-03-07T00:00+09:00");
        days(estate.plan("edge-7 cpu 3월 3일부터 6일까지"), "2031-03-03T00:00+09:00", "2031-03-07T00:00+09:00");
        days(estate.plan("edge-7 cpu 3월 3~6일 평균"), "2031-03-03T00:00+09:00", "2031-03-07T00:00+09:00");
    }

    @Test
    void anAggregationVerbOfNoMeasureNamedIsTheLoadAndSaysSo() {
        PlanModel avg = estate.plan("What did batch-2 average across February 2031?");
        assertEquals(Intent.AGGREGATE, avg.intent(), avg.toString());
        assertEquals("cpu_usage", avg.metric().metricName(), "the measure read is in the plan, never silent: " + avg);
        assertEquals("avg", avg.metric().agg());
        days(avg, "2031-02-01T00:00+09:00", "2031-03-01T00:00+09:00");
        PlanModel spike = estate.plan("How far did pay-db spike to between 2 and 3 PM on March 4th?");
        assertEquals("cpu_usage", spike.metric().metricName(), spike.toString());
        assertEquals("max", spike.metric().agg());
        days(spike, "2031-03-04T14:00+09:00", "2031-03-04T15:00+09:00");
        PlanModel maxed = estate.plan("where did edge-7 max out at on 5 March?");
        assertEquals("max", maxed.metric().agg(), maxed.toString());
        assertEquals("cpu_usage", maxed.metric().metricName());
    }

    @Test
    void whichWasBusierComparesTheLoadOfBoth() {
        PlanModel or = estate.plan("Which was more loaded on March 5, edge-7 or batch-2?");
        assertEquals("cpu_usage", or.metric().metricName(), or.toString());
        assertEquals(List.of("vm-edge-07", "vm-batch-02"), or.primary().ciCodes());
        days(or, "2031-03-05T00:00+09:00", "2031-03-06T00:00+09:00");
        PlanModel than = estate.plan("was edge-7 busier than batch-2 on 5 March?");
        assertEquals("cpu_usage", than.metric().metricName(), than.toString());
        assertEquals(List.of("vm-edge-07", "vm-batch-02"), than.primary().ciCodes());
    }

    @Test
    void aVerbOfReachingALevelIsTheMaximumOverTheRange() {
        PlanModel touched = estate.plan("which vms touched 80% cpu on March 4?");
        assertNotNull(touched.metric().threshold(), touched.toString());
        assertEquals("ge", touched.metric().threshold().op());
        assertEquals("max", touched.metric().agg(), "one sample reaching 80% is enough: " + touched);
        PlanModel over = estate.plan("which databases reached over 70 percent cpu on 2031-03-04");
        assertEquals("gt", over.metric().threshold().op(), over.toString());
        assertEquals("max", over.metric().agg());
        PlanModel ko = estate.plan("3월 4일에 cpu 80% 넘게 찍은 vm은?");
        assertEquals("gt", ko.metric().threshold().op(), ko.toString());
        assertEquals("max", ko.metric().agg());
        PlanModel reached = estate.plan("3월 4일에 cpu가 90%에 도달한 db 있어?");
        assertEquals("ge", reached.metric().threshold().op(), reached.toString());
        assertEquals("max", reached.metric().agg());
        // a state over the range ("were over") stays the range's own figure
        PlanModel were = estate.plan("which vms were over 80% cpu on March 4?");
        assertEquals("avg", were.metric().agg(), were.toString());
        assertTrue(were.unexplained().isEmpty(), were.unexplained().toString());
    }
}
