package dev.opsuite.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CauseRankingTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long MIN = 60_000L;
    private static final DetectorSettings SETTINGS = DetectorSettings.DEFAULTS;

    private static CauseRanking.Finding finding(String ci, String metric, long start, double score) {
        return new CauseRanking.Finding(ci, metric, new AnomalyWindow(AnomalyWindow.Kind.OUTLIER, start,
                start + 30 * MIN, start + 5 * MIN, 99, 40, score, 7));
    }

    private static final List<CauseRanking.Node> HOOD = List.of(new CauseRanking.Node("app", 0, ""),
            new CauseRanking.Node("db", 1, "app"), new CauseRanking.Node("late", 1, "app"),
            new CauseRanking.Node("quiet", 1, "app"), new CauseRanking.Node("db-host", 2, "db"),
            new CauseRanking.Node("quiet-host", 2, "quiet"));

    @Test
    void aCauseThatStartedFirstNearbyAndFarFromNormalRanksFirst() {
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, List.of(
                finding("app", "latency_ms", T0, 30), finding("app", "error_rate", T0 + 5 * MIN, 20),
                finding("db", "cpu_usage", T0 - 10 * MIN, 25), finding("db", "mem_usage", T0 - 5 * MIN, 40),
                finding("late", "cpu_usage", T0 + 3 * 60 * MIN, 40), finding("db-host", "cpu_usage", T0, 20)),
                "latency_ms", SETTINGS);
        assertEquals(T0, r.onsetMs());
        assertEquals(List.of("db", "db-host"), r.causes().stream().map(c -> c.finding().ciCode()).toList(), r.toString());
        CauseRanking.Cause db = r.causes().get(0);
        assertEquals("mem_usage", db.finding().metric(), "a CI is judged by its strongest window");
        assertEquals(5 * MIN, db.leadMs());
        assertEquals(1 - 6.0 / 40, db.score(), 1e-9);
        assertEquals((1 - 6.0 / 20) * Math.pow(2, -0.1), r.causes().get(1).score(), 1e-9);
        assertEquals(5, r.judged());
        // the late one left its normal three hours after the symptom: an effect, not a cause
        CauseRanking.Ranking lenient = CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("late", "cpu_usage", T0 + 3 * 60 * MIN, 40)), "latency_ms",
                DetectorSettings.with(java.util.Map.of("cause_min_score", 0.0)));
        assertEquals(Math.pow(0.5, 2.75), lenient.causes().get(0).onset(), 1e-9);
    }

    @Test
    void weakerEvidenceIsNamedAfterEveryCiThatLeftItsNormalAndSaysSo() {
        // db left its normal (a window at the threshold 6); quiet did not, but went 5.8 scales out where the evidence
        // threshold (3.5) finds a window: named after db however it scores, marked weak
        List<CauseRanking.Finding> windows = List.of(finding("app", "latency_ms", T0, 30), finding("db", "cpu_usage", T0, 9));
        List<CauseRanking.Finding> weaker = List.of(finding("quiet", "cpu_usage", T0 - 10 * MIN, 5.8),
                finding("app", "cpu_usage", T0 - 10 * MIN, 5.8), finding("db", "mem_usage", T0, 5.9));
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, windows, weaker, "latency_ms", SETTINGS);
        assertEquals(List.of("db", "quiet"), r.causes().stream().map(c -> c.finding().ciCode()).toList(),
                "the symptom and a CI with a window are never named on weaker evidence: " + r);
        assertEquals(List.of(false, true), r.causes().stream().map(CauseRanking.Cause::weak).toList());
        assertEquals(1 - 3.5 / 5.8, r.causes().get(1).score(), 1e-9, "strength against the evidence threshold");
        assertTrue(r.causes().get(1).score() > r.causes().get(0).score(), "ranked after db though it scores higher");
        // alone it is named (the answer says first that none left its normal far enough); too weak, not
        CauseRanking.Ranking alone = CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30)),
                weaker.subList(0, 2), "latency_ms", SETTINGS);
        assertEquals(List.of("quiet"), alone.causes().stream().map(c -> c.finding().ciCode()).toList());
        assertTrue(alone.causes().get(0).weak());
        assertTrue(CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30)),
                List.of(finding("quiet", "cpu_usage", T0, 4.5)), "latency_ms", SETTINGS).abstained(),
                "1 - 3.5 / 4.5 is under the minimum score");
    }

    @Test
    void theWeakerEvidenceLooksAgainOnlyAtSeriesWithoutAWindow() {
        assertEquals(3.5, SETTINGS.causeEvidenceThreshold());
        assertTrue(SETTINGS.weakerEvidence());
        assertTrue(!DetectorSettings.with(java.util.Map.of("cause_evidence_threshold", 0.0)).weakerEvidence(), "0: off");
        assertTrue(!DetectorSettings.with(java.util.Map.of("cause_evidence_threshold", 6.0)).weakerEvidence(),
                "not under the threshold: off");
        // a dependency under 6 scales out for an hour: no window at 6, found at 3.5 and named, marked weak
        int n = 2 * 288;
        long[] t = new long[n];
        double[] quiet = new double[n];
        double[] moved = new double[n];
        double[] slow = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 5 * MIN;
            quiet[i] = 50 + ((i * 7919) % 13 - 6) / 6.0;
        }
        double scale = RobustBaseline.of(new MetricSeries(t, quiet), SETTINGS).scale()[n - 12];
        for (int i = 0; i < n; i++) {
            moved[i] = quiet[i] + (i >= n - 12 ? 4.5 * scale : 0); // with the noise, 5.6 to 5.9 scales at its peak
            slow[i] = quiet[i] + 50 + (i >= n - 12 ? 80 : 0);
        }
        List<CauseAnalysis.Series> series = List.of(new CauseAnalysis.Series("app", "latency_ms", new MetricSeries(t, slow)),
                new CauseAnalysis.Series("db", "cpu_usage", new MetricSeries(t, quiet)),
                new CauseAnalysis.Series("quiet", "cpu_usage", new MetricSeries(t, moved)));
        long from = t[n - 12];
        long to = t[n - 1] + 5 * MIN;
        CauseAnalysis.Result on = CauseAnalysis.judge("app", "latency_ms", HOOD, series, from, to, SETTINGS);
        CauseAnalysis.Result off = CauseAnalysis.judge("app", "latency_ms", HOOD, series, from, to,
                DetectorSettings.with(java.util.Map.of("cause_evidence_threshold", 0.0)));
        assertTrue(off.ranking().abstained(), "no window but the symptom's: " + off.ranking());
        assertEquals(List.of("quiet"), on.ranking().causes().stream().map(c -> c.finding().ciCode()).toList(),
                on.ranking().toString());
        assertTrue(on.ranking().causes().get(0).weak());
    }

    @Test
    void withNothingOutOfTheOrdinaryAroundItTheRankingAbstains() {
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("quiet", "cpu_usage", T0, 6.5)), "", SETTINGS);
        assertTrue(r.abstained(), "a window just over the threshold is too weak to name: " + r);
        CauseRanking.Ranking none = CauseRanking.rank("app", HOOD, List.of(), "", SETTINGS);
        assertTrue(none.abstained());
        assertNull(none.onsetMs(), "no window of the symptom: its onset is not judged");
    }

    @Test
    void theSymptomsOwnWindowsGiveTheOnsetOfTheMeasureAsked() {
        List<CauseRanking.Finding> f = List.of(finding("app", "error_rate", T0 - 60 * MIN, 30),
                finding("app", "latency_ms", T0, 30), finding("db", "cpu_usage", T0 - 20 * MIN, 30));
        assertEquals(T0, CauseRanking.rank("app", HOOD, f, "latency_ms", SETTINGS).onsetMs());
        assertEquals(T0 - 60 * MIN, CauseRanking.rank("app", HOOD, f, "", SETTINGS).onsetMs());
    }

    @Test
    void equalCandidatesAreOrderedByTheWalkThatPrefersAnomalousDependencies() {
        // two hosts alike, one under an anomalous database: the walk reaches it more often
        List<CauseRanking.Node> hood = List.of(new CauseRanking.Node("app", 0, ""), new CauseRanking.Node("db", 1, "app"),
                new CauseRanking.Node("cache", 1, "app"), new CauseRanking.Node("h1", 2, "cache"),
                new CauseRanking.Node("h2", 2, "db"));
        CauseRanking.Ranking r = CauseRanking.rank("app", hood, List.of(finding("db", "cpu_usage", T0 + 10 * 60 * MIN, 12),
                finding("h1", "cpu_usage", T0, 30), finding("h2", "cpu_usage", T0, 30),
                finding("app", "latency_ms", T0, 30)), "", DetectorSettings.with(java.util.Map.of("cause_min_score", 0.0)));
        assertEquals(List.of("h2", "h1", "db"), r.causes().stream().map(c -> c.finding().ciCode()).toList(), r.toString());
        assertTrue(r.causes().get(0).rank() > r.causes().get(1).rank());
    }

    @Test
    void aCandidateWhoseOwnDependencyLeftItsNormalFirstIsTakenForItsEffect() {
        // db depends on db-host; the host went first and db followed: db's score is discounted by the
        // host's strength, and the host, farther but unexplained, ranks first
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("db", "latency_ms", T0, 40), finding("db-host", "cpu_usage", T0 - 5 * MIN, 60)),
                "latency_ms", DetectorSettings.with(java.util.Map.of("cause_min_score", 0.0)));
        assertEquals(List.of("db-host", "db"), r.causes().stream().map(c -> c.finding().ciCode()).toList(), r.toString());
        assertEquals((1 - 6.0 / 40) * (1 - (1 - 6.0 / 60)), r.causes().get(1).strength(), 1e-9);
        // the host going after db explains nothing: db stays first, undiscounted
        CauseRanking.Ranking later = CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("db", "latency_ms", T0, 40), finding("db-host", "cpu_usage", T0 + 5 * MIN, 60)),
                "latency_ms", SETTINGS);
        assertEquals("db", later.causes().get(0).finding().ciCode());
        assertEquals(1 - 6.0 / 40, later.causes().get(0).strength(), 1e-9);
    }

    @Test
    void theSymptomsOwnOtherMeasureThatWentFirstMakesItselfACandidate() {
        // app's CPU left its normal before its latency did: app itself, at depth 0, ahead of a weaker db
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("app", "cpu_usage", T0 - 10 * MIN, 60), finding("db", "cpu_usage", T0 - 5 * MIN, 20)),
                "latency_ms", SETTINGS);
        assertEquals(List.of("app", "db"), r.causes().stream().map(c -> c.finding().ciCode()).toList(), r.toString());
        assertEquals("cpu_usage", r.causes().get(0).finding().metric());
        assertEquals(1 - 6.0 / 60, r.causes().get(0).score(), 1e-9, "depth 0 is no farther than depth 1");
        assertEquals(5, r.judged(), "the CIs it depends on are what was judged beside it");
        // its error rate, even with its latency, is the same trouble; a CPU that went later is its effect;
        // no measure asked: all of it is the trouble
        assertTrue(CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("app", "error_rate", T0, 60)), "latency_ms", SETTINGS).abstained());
        assertTrue(CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("app", "cpu_usage", T0 + 5 * MIN, 60)), "latency_ms", SETTINGS).abstained());
        assertTrue(CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("app", "cpu_usage", T0 - 10 * MIN, 60)), "", SETTINGS).abstained());
    }

    @Test
    void whichMeasuresAreTheTroubleItselfIsThePolicysChoice() {
        // a Policy that names only latency as the trouble lets the error rate that went first name app itself;
        // one that adds queue depth makes app's queue the same trouble seen twice
        List<CauseRanking.Finding> errorsFirst = List.of(finding("app", "latency_ms", T0, 30),
                finding("app", "error_rate", T0 - 10 * MIN, 60));
        assertTrue(CauseRanking.rank("app", HOOD, errorsFirst, "latency_ms", SETTINGS).abstained(), "the default");
        DetectorSettings latencyOnly = DetectorSettings.with(java.util.Map.of(), List.of("latency_ms"));
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, errorsFirst, "latency_ms", latencyOnly);
        assertEquals(List.of("app"), r.causes().stream().map(c -> c.finding().ciCode()).toList(), r.toString());
        assertEquals("error_rate", r.causes().get(0).finding().metric());
        DetectorSettings withQueue = DetectorSettings.with(java.util.Map.of(),
                List.of("latency_ms", "error_rate", "queue_depth"));
        assertTrue(CauseRanking.rank("app", HOOD, List.of(finding("app", "latency_ms", T0, 30),
                finding("app", "queue_depth", T0 - 10 * MIN, 60)), "latency_ms", withQueue).abstained());
        assertThrows(IllegalArgumentException.class, () -> DetectorSettings.with(java.util.Map.of(), List.of(" ")));
    }

    @Test
    void aStronglyUnusualCauseDeeperDownIsNotHiddenBehindAMildlyUnusualNearOne() {
        // quiet (depth 1) barely left its normal; quiet-host (depth 2, not below quiet's sibling) went far out first
        List<CauseRanking.Finding> f = List.of(finding("app", "latency_ms", T0, 30),
                finding("quiet", "cpu_usage", T0 - 5 * MIN, 10), finding("db-host", "cpu_usage", T0 - 10 * MIN, 40));
        CauseRanking.Ranking r = CauseRanking.rank("app", HOOD, f, "latency_ms", SETTINGS);
        assertEquals(List.of("db-host", "quiet"), r.causes().stream().map(c -> c.finding().ciCode()).toList(), r.toString());
        assertEquals((1 - 6.0 / 40) * Math.pow(2, -0.1), r.causes().get(0).score(), 1e-9);
        // with the factor of before (1 / sqrt(depth): cause_distance_exponent 0.5) distance still discounts more
        CauseRanking.Ranking steep = CauseRanking.rank("app", HOOD, f, "latency_ms",
                DetectorSettings.with(java.util.Map.of("cause_distance_exponent", 0.5)));
        assertEquals((1 - 6.0 / 40) / Math.sqrt(2), steep.causes().get(0).score(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> DetectorSettings.with(java.util.Map.of("cause_distance_exponent", 3.0)));
    }
}
