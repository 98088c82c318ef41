package dev.opsuite.conductor;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanPatch;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Records what each stage got and returned into the Trace being assembled. */
final class TraceRecorder {
    private final Trace.Builder trace;
    private final List<ResolvedAsset> assets;

    TraceRecorder(Trace.Builder trace, List<ResolvedAsset> assets) {
        this.trace = trace;
        this.assets = assets;
    }

    Trace.Builder trace() {
        return trace;
    }

    void input(String stage, Set<String> assetTypes, Map<String, Object> params, Message prevOutput) {
        StageInput.Builder in = StageInput.newBuilder().setStage(stage).setParams(Structs.toStruct(params));
        for (ResolvedAsset a : assets) {
            if (assetTypes.contains(a.getAssetType())) {
                in.putAppliedAssets(key(a), ref(a));
            }
        }
        if (prevOutput != null) {
            in.setPrevOutput(Structs.messageToStruct(prevOutput));
        }
        trace.addStageInputs(in);
    }

    void output(String stage, Message result, Diagnostics diagnostics, List<Reference> references, long startNanos) {
        trace.addStageOutputs(StageOutput.newBuilder().setStage(stage)
                .setResult(result == null ? Struct.getDefaultInstance() : Structs.messageToStruct(result))
                .setDiagnostics(diagnostics == null ? Diagnostics.newBuilder().setStatus("ok").build() : diagnostics)
                .addAllReferences(references).setDurationMs(millisSince(startNanos)));
    }

    void replan(ReplanTrigger trigger, Message before, Message after, String decision, Map<String, Object> meta) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(meta);
        m.put("decision", decision);
        ReplanPatch.Builder patch = ReplanPatch.newBuilder();
        if (before != null) {
            patch.setBefore(Structs.messageToStruct(before));
        }
        if (after != null) {
            patch.setAfter(Structs.messageToStruct(after));
        }
        trace.addReplanEvents(ReplanEvent.newBuilder().setEventType("replan_decision")
                .setStageName(trigger.getStageName()).setTrigger(trigger).setPatch(patch)
                .setTimestamp(Instant.now().toString()).setDecisionMetadata(Structs.toStruct(m)));
    }

    /** applied_assets of the whole trace: type -> name@version (sources as source:NAME). */
    static void recordApplied(Trace.Builder trace, List<ResolvedAsset> assets) {
        assets.forEach(a -> trace.putAppliedAssets(key(a), ref(a)));
    }

    private static String key(ResolvedAsset a) {
        return a.getAssetType().equals("source") ? "source:" + a.getName() : a.getAssetType();
    }

    static String ref(ResolvedAsset a) {
        return a.getName() + "@" + a.getVersion() + ("draft".equals(a.getStatus()) ? "(draft)" : "");
    }

    static int millisSince(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}
