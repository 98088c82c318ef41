package dev.opsuite.conductor;

import com.google.protobuf.Struct;
import dev.opsuite.kit.json.JsonDiff;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.StageResultChange;
import dev.opsuite.proto.v1.StageResultDiff;
import dev.opsuite.proto.v1.StageTestResponse;
import dev.opsuite.proto.v1.StageTestRequest;
import dev.opsuite.proto.v1.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The stage test's answer: the stage's output with counts, and its structured diff against the baseline. */
final class StageReport {
    /** Timings differ run to run; they are not part of what a stage computed. */
    static final Set<String> IGNORED = Set.of("elapsed_ms", "duration_ms", "latency_ms", "timing_ms", "timestamp");
    static final int MAX_CHANGES = 200;

    private StageReport() {}

    static StageTestResponse of(StageTestRequest req, Trace trace, String stage, Trace baseline, String inputFrom) {
        StageOutput out = StageTester.lastOutput(trace.getStageOutputsList(), stage);
        StageInput in = StageTester.lastInput(trace, stage);
        Map<String, Integer> counts = counts(out);
        Diagnostics.Builder diagnostics = out.getDiagnostics().toBuilder().putAllCounts(counts);
        StageTestResponse.Builder data = StageTestResponse.newBuilder().setStage(stage).setResult(out.getResult())
                .setDurationMs(out.getDurationMs()).addAllReferences(out.getReferencesList())
                .putAllAssetOverridesUsed(req.getAssetOverridesMap()).setTraceId(trace.getTraceId())
                .setInputFrom(inputFrom);
        if (in != null) {
            data.setInput(in).putAllAppliedAssets(in.getAppliedAssetsMap());
        }
        if (baseline != null) {
            data.setBaselineTraceId(baseline.getTraceId());
            StageOutput before = StageTester.lastOutput(baseline.getStageOutputsList(), stage);
            if (before == null) {
                diagnostics.addWarnings("baseline trace " + baseline.getTraceId() + " has no output for stage " + stage
                        + "; every field counts as added");
            }
            data.setDiff(diff(before, out, counts));
        }
        return data.setDiagnostics(diagnostics).build();
    }

    static StageResultDiff diff(StageOutput before, StageOutput after, Map<String, Integer> afterCounts) {
        Struct baseline = before == null ? Struct.getDefaultInstance() : before.getResult();
        List<JsonDiff.Change> changes = JsonDiff.diff(Structs.toMap(baseline), Structs.toMap(after.getResult()),
                IGNORED);
        StageResultDiff.Builder d = StageResultDiff.newBuilder().setIdentical(changes.isEmpty() && before != null)
                .setChangeCount(changes.size()).setTruncated(changes.size() > MAX_CHANGES)
                .putAllCandidateCounts(afterCounts).addAllIgnoredFields(IGNORED.stream().sorted().toList());
        if (before != null) {
            d.putAllBaselineCounts(counts(before));
        }
        for (JsonDiff.Change c : changes.subList(0, Math.min(changes.size(), MAX_CHANGES))) {
            StageResultChange.Builder b = StageResultChange.newBuilder().setPath(c.path()).setOp(c.op().wireName());
            if (c.before() != null) {
                b.setBaseline(Structs.toValue(c.before()));
            }
            if (c.after() != null) {
                b.setCandidate(Structs.toValue(c.after()));
            }
            d.addChanges(b);
        }
        return d.build();
    }

    /** rows (tool results), blocks, components (screen), references: what the seed's diagnostics count. */
    static Map<String, Integer> counts(StageOutput out) {
        Map<String, Object> r = Structs.toMap(out.getResult());
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (r.get("tool_results") instanceof List<?> results) {
            int rows = 0;
            for (Object t : results) {
                if (t instanceof Map<?, ?> m && m.get("rows") instanceof List<?> l) {
                    rows += l.size();
                }
            }
            counts.put("rows", rows);
            counts.put("tool_results", results.size());
        }
        if (r.get("blocks") instanceof List<?> blocks) {
            counts.put("blocks", blocks.size());
        }
        if (r.get("screen") instanceof Map<?, ?> screen && screen.get("components") instanceof List<?> comps) {
            counts.put("components", comps.size());
        }
        int refs = out.getReferencesCount();
        if (r.get("references") instanceof List<?> l) {
            refs = Math.max(refs, l.size());
        }
        counts.put("references", refs);
        return counts;
    }
}
