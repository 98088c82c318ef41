package dev.opsuite.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Likely causes of a symptom CI's trouble among the CIs it depends on ("why is X slow?"), from the
 * anomalous windows of their own measures around the symptom's onset — as scorers in the BARO line
 * do (how far a measure left its normal after the change, judged robustly), with the onset order
 * (a cause starts no later than its effect) and the distance in the dependency graph; a personalised
 * PageRank from the symptom (MicroRCA's idea: the walk follows dependencies and prefers anomalous
 * ones) breaks ties. Each CI is scored by its strongest window. The symptom's windows of the measure
 * asked give the onset; when a measure was asked, a window of one of its resource measures (not
 * {@link DetectorSettings#troubleMeasures}) that started no later makes the symptom a candidate too, at depth 0 (X's own CPU leaving its normal before X got
 * slow: X itself), judged like any other ({@link #ownCause}). With no candidate at or over the minimum score the ranking abstains.
 *
 * <p>Score of a candidate window, each factor in 0..1: strength {@code 1 − threshold / |peak score|}
 * (0 at the threshold, nearer 1 the further out), onset {@code 1} when it started no later than the
 * symptom's first window (with {@link #ONSET_TOLERANCE_MS} of slack) and halving for every hour later,
 * distance {@code depth^−e} ({@link DetectorSettings#causeDistanceExponent}, by default 0.1: depth 2 keeps 93 %,
 * depth 6 84 % — nearer counts, but a strongly unusual CI deeper down is not hidden behind a mildly unusual near one;
 * until 2026-12-07 it was {@code 1 / sqrt(depth)}, which capped a depth-2 cause at 0.71). A candidate whose own dependency (its child in the neighbourhood)
 * left its normal no later than it did is more likely that dependency's effect: its strength is
 * discounted by the child's ({@link #explainedBy}; chosen on Nezha's Online Boutique faults, the dev
 * half of docs/incidents.md's labelled fault benchmark).
 */
public final class CauseRanking {
    /** A window starting this soon after the symptom's onset is no later than it (sampling jitter). */
    public static final long ONSET_TOLERANCE_MS = 15 * 60_000L;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 50;

    private CauseRanking() {
    }

    /** A CI of the neighbourhood: how far from the symptom and by which CI it was reached ("" for the symptom). */
    public record Node(String ciCode, int depth, String parent) {
    }

    /** One measure's window of one CI. */
    public record Finding(String ciCode, String metric, AnomalyWindow window) {
    }

    /**
     * A likely cause: its strongest window and the factors of its score; {@code weak} when the window was found
     * only below the threshold ({@link DetectorSettings#causeEvidenceThreshold}: named after every CI that left its
     * normal).
     */
    public record Cause(Finding finding, int depth, double strength, double onset, double distance, double rank,
                        double score, Long leadMs, boolean weak) {
    }

    /**
     * @param onsetMs  the symptom's first window start in the range (null: it had none; onset not judged)
     * @param causes   candidates at or over the minimum score, best first
     * @param judged   candidates judged (the neighbourhood less the symptom)
     */
    public record Ranking(Long onsetMs, List<Cause> causes, int judged) {
        public boolean abstained() {
            return causes.isEmpty();
        }
    }

    /**
     * @param symptom  the CI asked about
     * @param nodes    the neighbourhood, the symptom included (depth 0)
     * @param findings every window of every measure of the neighbourhood that overlaps the range
     * @param symptomMetric the symptom's measure asked about ("" any of its measures)
     */
    public static Ranking rank(String symptom, List<Node> nodes, List<Finding> findings, String symptomMetric,
                               DetectorSettings settings) {
        return rank(symptom, nodes, findings, List.of(), symptomMetric, settings);
    }

    /**
     * As {@link #rank(String, List, List, String, DetectorSettings)}, and the weaker evidence: windows found
     * with {@link DetectorSettings#causeEvidenceThreshold} on series that had none (of CIs other than the
     * symptom). A CI with no window but such a finding is scored alike — its strength against that threshold —
     * and named after every CI with a window, best first among themselves.
     */
    public static Ranking rank(String symptom, List<Node> nodes, List<Finding> findings, List<Finding> weaker,
                               String symptomMetric, DetectorSettings settings) {
        Long onset = null;
        for (Finding f : findings) {
            if (f.ciCode().equals(symptom) && (symptomMetric.isEmpty() || symptomMetric.equals(f.metric()))) {
                onset = onset == null ? f.window().start() : Math.min(onset, f.window().start());
            }
        }
        Map<String, Finding> strongest = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.ciCode().equals(symptom) && !ownCause(f, symptomMetric, onset, settings.troubleMeasures())) {
                continue;
            }
            strongest.merge(f.ciCode(), f, CauseRanking::stronger);
        }
        Map<String, Double> strength = new HashMap<>();
        strongest.forEach((ci, f) -> strength.put(ci, strength(f.window(), settings.threshold())));
        List<Cause> causes = score(symptom, nodes, strongest, strength, onset, strongest.keySet(), false, settings);
        Map<String, Finding> weak = new LinkedHashMap<>();
        for (Finding f : weaker) {
            if (!f.ciCode().equals(symptom) && !strongest.containsKey(f.ciCode())) {
                weak.merge(f.ciCode(), f, CauseRanking::stronger);
            }
        }
        if (!weak.isEmpty()) {
            weak.forEach((ci, f) -> strength.put(ci, strength(f.window(), settings.causeEvidenceThreshold())));
            Map<String, Finding> all = new LinkedHashMap<>(strongest);
            all.putAll(weak);
            causes.addAll(score(symptom, nodes, all, strength, onset, weak.keySet(), true, settings));
        }
        return new Ranking(onset, List.copyOf(causes), Math.max(0, nodes.size() - 1));
    }

    private static Finding stronger(Finding a, Finding b) {
        return Math.abs(b.window().peakScore()) > Math.abs(a.window().peakScore()) ? b : a;
    }

    /** The candidates among {@code scored}, each by its strongest window, at or over the minimum score, best first. */
    private static List<Cause> score(String symptom, List<Node> nodes, Map<String, Finding> strongest,
                                     Map<String, Double> strength, Long onset, java.util.Collection<String> scored,
                                     boolean weak, DetectorSettings settings) {
        Map<String, Integer> depth = new HashMap<>();
        nodes.forEach(n -> depth.put(n.ciCode(), n.depth()));
        Map<String, Double> pageRank = personalisedPageRank(symptom, nodes, strength);
        Map<String, Double> explained = explainedBy(nodes, strongest, strength);
        List<Cause> causes = new ArrayList<>();
        for (String ci : scored) {
            Finding f = strongest.get(ci);
            int d = Math.max(1, depth.getOrDefault(ci, 1));
            double a = strength.get(ci) * (1 - explained.getOrDefault(ci, 0.0));
            Long lead = onset == null ? null : onset - f.window().start();
            double o = lead == null || lead >= -ONSET_TOLERANCE_MS ? 1.0
                    : Math.pow(0.5, (-lead - ONSET_TOLERANCE_MS) / 3_600_000.0);
            double g = Math.pow(d, -settings.causeDistanceExponent());
            double score = a * o * g;
            if (score >= settings.causeMinScore() && score > 0) {
                causes.add(new Cause(f, d, a, o, g, pageRank.getOrDefault(ci, 0.0), score, lead, weak));
            }
        }
        causes.sort(Comparator.comparingDouble(Cause::score).reversed().thenComparing(
                Comparator.comparingDouble(Cause::rank).reversed()).thenComparing(c -> c.finding().ciCode()));
        return causes;
    }

    /**
     * The symptom's own window as a candidate: of a measure other than the one asked and other than the
     * measures that are the trouble itself ({@link DetectorSettings#troubleMeasures}: a CI's latency or error
     * rate moving with the measure asked is the same trouble seen twice; none asked: every measure is the
     * trouble), starting no later than the trouble did — X's CPU or memory going first.
     */
    static boolean ownCause(Finding f, String symptomMetric, Long onset, Set<String> troubleMeasures) {
        return !symptomMetric.isEmpty() && !symptomMetric.equals(f.metric()) && !troubleMeasures.contains(f.metric())
                && onset != null && f.window().start() <= onset;
    }

    /**
     * A CI whose own dependency left its normal before or with it is more likely that dependency's
     * effect than a cause: per CI, the greatest strength among its children in the neighbourhood whose
     * window started no later than its own (its strength is discounted by that much).
     */
    static Map<String, Double> explainedBy(List<Node> nodes, Map<String, Finding> strongest, Map<String, Double> strength) {
        Map<String, Double> out = new HashMap<>();
        for (Node n : nodes) {
            Finding child = strongest.get(n.ciCode());
            Finding parent = strongest.get(n.parent());
            if (child != null && parent != null && child.window().start() <= parent.window().start()) {
                out.merge(n.parent(), strength.get(n.ciCode()), Math::max);
            }
        }
        return out;
    }

    /** 0 at the threshold, nearer 1 the further the window's peak lies from its normal. */
    static double strength(AnomalyWindow w, double threshold) {
        double z = Math.abs(w.peakScore());
        return z <= threshold ? 0 : 1 - threshold / z;
    }

    /**
     * A random walk from the symptom along "depends on" edges (parent → child of the neighbourhood
     * tree), each step choosing a child by its strength (plus a little, so a quiet CI on the way to
     * an anomalous one is still walked through), restarting at the symptom with probability 1 − d.
     */
    static Map<String, Double> personalisedPageRank(String symptom, List<Node> nodes, Map<String, Double> strength) {
        Map<String, List<String>> children = new HashMap<>();
        for (Node n : nodes) {
            if (!n.parent().isEmpty()) {
                children.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n.ciCode());
            }
        }
        Map<String, Double> p = new HashMap<>();
        nodes.forEach(n -> p.put(n.ciCode(), n.ciCode().equals(symptom) ? 1.0 : 0.0));
        for (int it = 0; it < ITERATIONS; it++) {
            Map<String, Double> next = new HashMap<>();
            nodes.forEach(n -> next.put(n.ciCode(), 0.0));
            next.merge(symptom, 1 - DAMPING, Double::sum);
            for (Node n : nodes) {
                double mass = p.getOrDefault(n.ciCode(), 0.0);
                List<String> out = children.getOrDefault(n.ciCode(), List.of());
                if (out.isEmpty()) {
                    next.merge(symptom, DAMPING * mass, Double::sum); // a dead end restarts the walk
                    continue;
                }
                double total = 0;
                for (String c : out) {
                    total += 0.05 + strength.getOrDefault(c, 0.0);
                }
                for (String c : out) {
                    next.merge(c, DAMPING * mass * (0.05 + strength.getOrDefault(c, 0.0)) / total, Double::sum);
                }
            }
            p.clear();
            p.putAll(next);
        }
        return p;
    }
}
