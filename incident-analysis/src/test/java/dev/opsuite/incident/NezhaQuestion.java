package dev.opsuite.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's question about one fault case — "why was the entry service slow over the ten minutes
 * after the injection?" — with the inputs the default Query asset's {@code ci_root_cause} template
 * would hand the executor's {@code RootCauseAnalysis}, computed here from the converted files instead
 * of PostgreSQL:
 * <ul>
 *   <li>the neighbourhood: CIs reached from the symptom along DEPENDS_ON within the depth, each at its
 *       least depth with the smallest parent code there ({@code DISTINCT ON (ci_code) … ORDER BY
 *       ci_code, depth, parent}); the {@link #POOL} first by (depth, code) are checked cheaply — per measure,
 *       the farthest raw sample of the range from the median of the day before, in 1.4826 × MADs of that day
 *       (at least 1 % of |median|) — and the symptom and the {@link #PICKED} − 1 that moved most (then by depth,
 *       code) are read;</li>
 *   <li>their series from a day before the range to its end, averaged into {@code date_bin} steps of
 *       {@code GREATEST(1, round((range + 1 day) in seconds / 60000))} × 5 minutes from
 *       2000-01-01T00:00Z, in the template's order (depth, code, metric, time).</li>
 * </ul>
 * Then it runs {@link CauseAnalysis#judge}, the executor's own pure part, with the settings given.
 */
final class NezhaQuestion {
    /** The planner's default depth of a why (PlanBuilder.ROOT_CAUSE_DEPTH: the shipped Policy's max_depth). */
    static final int DEFAULT_DEPTH = 6;
    static final int PICKED = 16;
    static final int POOL = 64;
    static final Duration RANGE = Duration.ofMinutes(10);
    static final String SYMPTOM_METRIC = "latency_ms";
    private static final long ORIGIN = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;

    /** The neighbourhood within the depth (nearest first, the symptom first) and how many CIs lay there (the symptom not counted). */
    record Hood(List<CauseRanking.Node> all, int found) {
        /** The pool checked: the symptom and the {@link #POOL} nearest. */
        List<CauseRanking.Node> pool() {
            return all.subList(0, Math.min(POOL + 1, all.size()));
        }
    }

    private NezhaQuestion() {
    }

    static Hood neighbourhood(String symptom, List<NezhaCorpus.Edge> edges, int depth) {
        Map<String, List<String>> out = new HashMap<>();
        edges.forEach(e -> out.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.target()));
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, String> parent = new HashMap<>();
        at.put(symptom, 0);
        parent.put(symptom, "");
        Deque<String> queue = new ArrayDeque<>(List.of(symptom));
        while (!queue.isEmpty()) {
            String ci = queue.poll();
            int d = at.get(ci);
            if (d >= depth) {
                continue;
            }
            for (String next : out.getOrDefault(ci, List.of())) {
                Integer known = at.get(next);
                if (known == null) {
                    at.put(next, d + 1);
                    parent.put(next, ci);
                    queue.add(next);
                } else if (known == d + 1 && ci.compareTo(parent.get(next)) < 0) {
                    parent.put(next, ci);
                }
            }
        }
        List<CauseRanking.Node> all = new ArrayList<>();
        at.forEach((ci, d) -> all.add(new CauseRanking.Node(ci, d, parent.get(ci))));
        all.sort(Comparator.comparingInt(CauseRanking.Node::depth).thenComparing(CauseRanking.Node::ciCode));
        return new Hood(List.copyOf(all), all.size() - 1);
    }

    /** What the template reads for a range: the symptom and the CIs of the pool that moved most over it. */
    static List<CauseRanking.Node> picked(Hood hood, Map<List<String>, NezhaCorpus.Raw> metrics, long fromMs, long toMs) {
        Map<String, Double> moved = new HashMap<>();
        for (Map.Entry<List<String>, NezhaCorpus.Raw> e : metrics.entrySet()) {
            double m = moved(e.getValue(), fromMs, toMs);
            if (!Double.isNaN(m)) {
                moved.merge(e.getKey().get(0), m, Math::max);
            }
        }
        List<CauseRanking.Node> pool = new ArrayList<>(hood.pool());
        pool.sort(Comparator.comparing((CauseRanking.Node n) -> n.depth() != 0)
                .thenComparing(n -> -moved.getOrDefault(n.ciCode(), 0.0))
                .thenComparingInt(CauseRanking.Node::depth).thenComparing(CauseRanking.Node::ciCode));
        List<CauseRanking.Node> out = new ArrayList<>(pool.subList(0, Math.min(PICKED, pool.size())));
        out.sort(Comparator.comparingInt(CauseRanking.Node::depth).thenComparing(CauseRanking.Node::ciCode));
        return out;
    }

    /** The farthest raw sample of the range from the day before's median, in robust scales (NaN: no samples). */
    static double moved(NezhaCorpus.Raw raw, long fromMs, long toMs) {
        List<Double> before = new ArrayList<>();
        List<Double> in = new ArrayList<>();
        for (int i = 0; i < raw.times().length; i++) {
            long t = raw.times()[i];
            if (t >= fromMs - DAY && t < fromMs) {
                before.add(raw.values()[i]);
            } else if (t >= fromMs && t < toMs) {
                in.add(raw.values()[i]);
            }
        }
        if (before.isEmpty() || in.isEmpty()) {
            return Double.NaN;
        }
        double median = median(before);
        double mad = median(before.stream().map(v -> Math.abs(v - median)).toList());
        double scale = Math.max(1.4826 * mad, Math.max(0.01 * Math.abs(median), 1e-6));
        return in.stream().mapToDouble(v -> Math.abs(v - median) / scale).max().orElse(0);
    }

    /** percentile_cont(0.5): the mean of the middle two of an even count. */
    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The step the template bins a range into. */
    static long binMillis(long fromMs, long toMs) {
        long seconds = (toMs - fromMs + DAY) / 1000;
        return Math.max(1, Math.round(seconds / 60000.0)) * 5 * 60_000L;
    }

    static List<CauseAnalysis.Series> series(List<CauseRanking.Node> picked, Map<List<String>, NezhaCorpus.Raw> metrics,
                                             long fromMs, long toMs) {
        long bin = binMillis(fromMs, toMs);
        List<CauseAnalysis.Series> out = new ArrayList<>();
        for (CauseRanking.Node n : picked) {
            for (Map.Entry<List<String>, NezhaCorpus.Raw> e : metrics.entrySet()) {
                if (!e.getKey().get(0).equals(n.ciCode())) {
                    continue;
                }
                TreeMap<Long, double[]> bins = new TreeMap<>();
                NezhaCorpus.Raw raw = e.getValue();
                for (int i = 0; i < raw.times().length; i++) {
                    long t = raw.times()[i];
                    if (t < fromMs - DAY || t >= toMs) {
                        continue;
                    }
                    long b = Math.floorDiv(t - ORIGIN, bin) * bin + ORIGIN;
                    double[] sum = bins.computeIfAbsent(b, k -> new double[2]);
                    sum[0] += raw.values()[i];
                    sum[1]++;
                }
                if (bins.isEmpty()) {
                    continue;
                }
                long[] times = new long[bins.size()];
                double[] values = new double[bins.size()];
                int i = 0;
                for (Map.Entry<Long, double[]> b : bins.entrySet()) {
                    times[i] = b.getKey();
                    values[i++] = b.getValue()[0] / b.getValue()[1];
                }
                out.add(new CauseAnalysis.Series(n.ciCode(), e.getKey().get(1), new MetricSeries(times, values)));
            }
        }
        return out;
    }

    /** The question about one fault, asked {@link #RANGE} after the injection about the range since it. */
    static CauseAnalysis.Result ask(NezhaCorpus.Data data, NezhaCorpus.Fault fault, int depth, DetectorSettings settings) {
        String symptom = data.system().entry;
        Hood hood = neighbourhood(symptom, data.edges(), depth);
        long from = fault.injectMs();
        long to = from + RANGE.toMillis();
        List<CauseRanking.Node> picked = picked(hood, data.metrics(), from, to);
        return CauseAnalysis.judge(symptom, SYMPTOM_METRIC, picked, series(picked, data.metrics(), from, to), from,
                to, settings);
    }
}
