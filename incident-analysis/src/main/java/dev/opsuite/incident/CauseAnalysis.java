package dev.opsuite.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Why is X in trouble over this range?" from the series of X's neighbourhood: the detector runs on
 * every series (each with the history before the range the caller read), the windows that overlap the
 * range are the findings, and {@link CauseRanking} ranks them. The executor's {@code root_cause}
 * analysis and the labelled fault benchmark both run exactly this.
 */
public final class CauseAnalysis {
    private CauseAnalysis() {
    }

    /** One measure of one CI of the neighbourhood. */
    public record Series(String ciCode, String metric, MetricSeries samples) {
    }

    /**
     * @param ranking the likely causes, best first (or none: abstained)
     * @param judged  samples inside the range that had a normal (0: nothing to judge)
     */
    public record Result(CauseRanking.Ranking ranking, int judged) {
    }

    /**
     * @param nodes  the neighbourhood, the symptom included (depth 0)
     * @param series every series read for it, history included
     * @param fromMs the range's start (inclusive)
     * @param toMs   the range's end (exclusive)
     */
    public static Result judge(String symptom, String symptomMetric, List<CauseRanking.Node> nodes, List<Series> series,
                               long fromMs, long toMs, DetectorSettings settings) {
        List<CauseRanking.Finding> findings = new ArrayList<>();
        List<CauseRanking.Finding> weaker = new ArrayList<>();
        DetectorSettings again = settings.weakerEvidence() ? settings.forWeakerEvidence() : null;
        int judged = 0;
        for (Series s : series) {
            MetricSeries m = s.samples();
            AnomalyDetector.Detection d = AnomalyDetector.detect(m, settings);
            for (int i = m.indexAtOrAfter(fromMs); i < m.size() && m.time(i) < toMs; i++) {
                judged += d.normal().scored(i) ? 1 : 0;
            }
            int before = findings.size();
            inRange(s, d.windows(), fromMs, toMs, findings);
            if (again != null && findings.size() == before && !s.ciCode().equals(symptom)) {
                // no window: looked at again below the threshold, weaker evidence (CauseRanking names it after the others)
                inRange(s, AnomalyDetector.detect(m, again).windows(), fromMs, toMs, weaker);
            }
        }
        return new Result(CauseRanking.rank(symptom, nodes, findings, weaker, symptomMetric, settings), judged);
    }

    private static void inRange(Series s, List<AnomalyWindow> windows, long fromMs, long toMs,
                                List<CauseRanking.Finding> out) {
        for (AnomalyWindow w : windows) {
            if (w.overlaps(fromMs, toMs - 1)) {
                out.add(new CauseRanking.Finding(s.ciCode(), s.metric(), w));
            }
        }
    }

    /** The same, the series keyed by (ci, metric). */
    public static Result judge(String symptom, String symptomMetric, List<CauseRanking.Node> nodes,
                               Map<List<String>, MetricSeries> series, long fromMs, long toMs, DetectorSettings settings) {
        List<Series> list = new ArrayList<>();
        series.forEach((k, v) -> list.add(new Series(k.get(0), k.get(1), v)));
        return judge(symptom, symptomMetric, nodes, list, fromMs, toMs, settings);
    }
}
