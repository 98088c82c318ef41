package dev.opsuite.conductor;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import dev.opsuite.kit.json.StructMemo;
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
import java.util.function.Consumer;

/**
 * Records what each stage got and returned into the Trace being assembled: the guide's view
 * (params, prev_output, result as Structs) and the exact messages exchanged (StageInput.request,
 * StageOutput.response). The exact messages are bounded: one above {@link #MAX_MESSAGE_BYTES}, or
 * one that would take this trace's recorded messages past {@link #MAX_TRACE_BYTES}, is left out and
 * the entry says why (request_omitted / response_omitted); the ask goes on either way.
 */
final class TraceRecorder {
    /** The largest request or response recorded whole (the proto comment of StageInput.request_omitted says so). */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** All requests and responses of one trace together. */
    static final int MAX_TRACE_BYTES = 1024 * 1024;

    private final Trace.Builder trace;
    private final List<ResolvedAsset> assets;
    private final int maxMessageBytes;
    private final int maxTraceBytes;
    private int recordedBytes;
    /** The stage views' conversions so far: a message one stage returned and the next got is converted once. */
    private final StructMemo views = new StructMemo();
    /** Who follows the stages as they finish (AskStream); null for everyone else. */
    private StageWatch watch;

    TraceRecorder(Trace.Builder trace, List<ResolvedAsset> assets) {
        this(trace, assets, MAX_MESSAGE_BYTES, MAX_TRACE_BYTES);
    }

    /** The same recorder, also telling {@code listener} of each stage as it finishes. */
    TraceRecorder(Trace.Builder trace, List<ResolvedAsset> assets, StageListener listener) {
        this(trace, assets);
        this.watch = listener == null ? null : new StageWatch(listener, trace);
    }

    TraceRecorder(Trace.Builder trace, List<ResolvedAsset> assets, int maxMessageBytes, int maxTraceBytes) {
        this.trace = trace;
        this.assets = assets;
        this.maxMessageBytes = maxMessageBytes;
        this.maxTraceBytes = maxTraceBytes;
    }

    Trace.Builder trace() {
        return trace;
    }

    /**
     * @param request the message sent; recorded with its assets as references (type, name, version,
     *                status) whether or not the call carried their contents: a registry version never
     *                changes, applied_assets names it, and GetStageCall reads it back
     */
    void input(String stage, Set<String> assetTypes, Map<String, Object> params, Message prevOutput,
               Message request) {
        if (watch != null) {
            // the stage before this one is told now; a caller that left stops the ask here, before the call
            watch.starting(stage);
        }
        StageInput.Builder in = StageInput.newBuilder().setStage(stage).setParams(Structs.toStruct(params));
        String omitted = record(StageRequests.mapAssets(request, a -> a.toBuilder().clearContent().build()),
                "request", in::setRequest);
        if (omitted != null) {
            in.setRequestOmitted(omitted);
        }
        for (ResolvedAsset a : assets) {
            if (assetTypes.contains(a.getAssetType())) {
                in.putAppliedAssets(key(a), ref(a));
            }
        }
        if (prevOutput != null) {
            in.setPrevOutput(Structs.messageToStruct(prevOutput, views));
        }
        trace.addStageInputs(in);
    }

    /** @param response the message the stage returned, recorded whole (within the caps) */
    void output(String stage, Message result, Diagnostics diagnostics, List<Reference> references, long startNanos,
                Message response) {
        StageOutput.Builder out = StageOutput.newBuilder().setStage(stage)
                .setResult(result == null ? Struct.getDefaultInstance() : Structs.messageToStruct(result, views))
                .setDiagnostics(diagnostics == null ? Diagnostics.newBuilder().setStatus("ok").build() : diagnostics)
                .addAllReferences(references).setDurationMs(millisSince(startNanos));
        String omitted = record(response, "response", out::setResponse);
        if (omitted != null) {
            out.setResponseOmitted(omitted);
        }
        trace.addStageOutputs(out);
        if (watch != null) {
            watch.finished(out.build(), response);
        }
    }

    /** The last stage is told (with the decisions taken on it): the ask is answered. */
    void answered() {
        if (watch != null) {
            watch.flush();
        }
    }

    /** What a failure of the ask is: a cancellation when the listener's caller left, else itself. */
    RuntimeException failed(RuntimeException e) {
        return watch == null ? e : watch.failed(e);
    }

    /** Packs the message into {@code set}, or returns why it is left out (over a cap). */
    private String record(Message m, String what, Consumer<Any> set) {
        int size = m.getSerializedSize();
        if (size > maxMessageBytes) {
            return what + " of " + size + " bytes over the " + maxMessageBytes + "-byte cap for one recorded message";
        }
        if (recordedBytes + size > maxTraceBytes) {
            return what + " of " + size + " bytes over the trace's " + maxTraceBytes + "-byte cap for recorded"
                    + " messages (" + recordedBytes + " bytes recorded before it)";
        }
        recordedBytes += size;
        set.accept(Any.pack(m));
        return null;
    }

    void replan(ReplanTrigger trigger, Message before, Message after, String decision, Map<String, Object> meta) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(meta);
        m.put("decision", decision);
        ReplanPatch.Builder patch = ReplanPatch.newBuilder();
        if (before != null) {
            patch.setBefore(Structs.messageToStruct(before, views));
        }
        if (after != null) {
            patch.setAfter(Structs.messageToStruct(after, views));
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
