package dev.opsuite.gateway.rca;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The stage times of earlier traces of one plan shape (dev.opsuite.model.PlanShape), newest first and
 * already bounded by the caller (rca.history_traces): what a stage's time in the analysed trace is
 * compared with. {@code unavailable} says why there is none (trace-service could not be asked, the
 * trace has no shape), so that the rule says it did not judge rather than judging on nothing.
 */
public record StageHistory(String shape, List<Map<String, Integer>> traces, String unavailable) {
    public StageHistory {
        traces = List.copyOf(traces);
    }

    public static StageHistory of(String shape, List<Map<String, Integer>> stageMs) {
        return new StageHistory(shape, stageMs, null);
    }

    public static StageHistory unavailable(String shape, String why) {
        return new StageHistory(shape, List.of(), why);
    }

    /** No comparison asked for (a diff, or a caller that judges without history). */
    public static final StageHistory NONE = unavailable("", "no history was read");

    /** The earlier times of a stage, from the traces that ran it. */
    public List<Integer> samples(String stage) {
        List<Integer> out = new ArrayList<>();
        for (Map<String, Integer> t : traces) {
            Integer ms = t.get(stage);
            if (ms != null) {
                out.add(ms);
            }
        }
        return out;
    }

    /** The 95th percentile by nearest rank: the smallest time at least 95 % of the samples do not exceed. */
    public static int p95(List<Integer> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Integer> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
