package dev.opsuite.gateway.otel;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.LlmCall;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A finished Execution Trace as spans: a root span per request (a child of the caller's span when it sent
 * a traceparent) with ids the trace recorded, one span per stage run, and one per tool call under the
 * stage that made it — database calls with {@code db.system} and {@code db.query.text} (the Query
 * asset's statement with its placeholders; bound values are never exported), model calls with the
 * {@code gen_ai.*} conventions and token counts. The trace records durations, not start times: stages
 * are laid end to end from the request's start, and a stage's tool calls end to end from the stage's.
 * Not exported: the question, prompts and responses, bound parameters, rows, error messages, the
 * caller — the span store's readers are not the trace's (a trace is shown only to its caller and
 * operators); {@code ops.trace_id} leads from a span to the Execution Trace that has them.
 */
final class TraceSpans {
    static final int MAX_TEXT = 2048;
    private static final Map<String, String> DB_SYSTEMS = Map.of("sql", "postgresql", "cypher", "neo4j",
            "redis", "redis");

    private final Tracer tracer;
    private final OtelExport.PresetIds ids;

    TraceSpans(Tracer tracer, OtelExport.PresetIds ids) {
        this.tracer = tracer;
        this.ids = ids;
    }

    void export(Trace t) {
        long start = startNanos(t);
        long end = start + millis(t.getDurationMs());
        Span root = root(t, start);
        Context rootContext = Context.root().with(root);
        long cursor = start;
        List<ToolCall> calls = t.getToolCallsList();
        int next = 0;
        for (StageOutput s : t.getStageOutputsList()) {
            long stageEnd = cursor + millis(s.getDurationMs());
            Span stage = tracer.spanBuilder(s.getStage()).setParent(rootContext).setSpanKind(SpanKind.INTERNAL)
                    .setStartTimestamp(cursor, TimeUnit.NANOSECONDS)
                    .setAttribute("ops.stage", s.getStage())
                    .setAttribute("ops.stage.status", s.getDiagnostics().getStatus()).startSpan();
            if (s.getDiagnostics().getStatus().equals("error")) {
                stage.setStatus(StatusCode.ERROR);
            }
            Context stageContext = Context.root().with(stage);
            List<Reference> refs = new ArrayList<>(s.getReferencesList());
            long callStart = cursor;
            for (int i = toolCallsOf(s); i > 0 && next < calls.size(); i--) {
                callStart = toolCall(stageContext, calls.get(next++), refs, callStart);
            }
            stage.end(stageEnd, TimeUnit.NANOSECONDS);
            cursor = stageEnd;
        }
        // calls no recorded stage response names (a response over the cap, the RCA narrative): under the root
        for (long callStart = start; next < calls.size(); ) {
            callStart = toolCall(rootContext, calls.get(next++), List.of(), callStart);
        }
        root.end(Math.max(end, cursor), TimeUnit.NANOSECONDS);
    }

    private Span root(Trace t, long start) {
        SpanBuilder b = tracer.spanBuilder(t.getMethod() + " " + t.getEndpoint()).setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(start, TimeUnit.NANOSECONDS)
                .setAttribute("ops.trace_id", t.getTraceId())
                .setAttribute("ops.feature", t.getFeature())
                .setAttribute("ops.route", t.getRoute())
                .setAttribute("ops.status", t.getStatus())
                .setAttribute("ops.mode", t.getOpsMode())
                .setAttribute("ops.replans", t.getReplanEventsCount())
                .setAttribute("http.request.method", t.getMethod())
                .setAttribute("http.route", t.getEndpoint());
        if (!t.getParentTraceId().isEmpty()) {
            b.setAttribute("ops.parent_trace_id", t.getParentTraceId());
        }
        if (t.getOtelParentSpanId().isEmpty()) {
            b.setNoParent();
        } else {
            b.setParent(Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(t.getOtelTraceId(),
                    t.getOtelParentSpanId(), TraceFlags.getSampled(), TraceState.getDefault()))));
        }
        Span root;
        // the root takes the ids the trace recorded (its stage calls carried them as their traceparent)
        ids.preset(t.getOtelTraceId(), t.getOtelSpanId());
        try {
            root = b.startSpan();
        } finally {
            ids.clear();
        }
        if (t.getStatus().equals("error")) {
            // why is in the Execution Trace (ops.trace_id), for its own readers
            root.setStatus(StatusCode.ERROR);
            root.setAttribute("error.type", "ops_error");
        }
        return root;
    }

    /** One tool call's span from {@code start}; returns where the next call starts. */
    private long toolCall(Context parent, ToolCall c, List<Reference> refs, long start) {
        long end = start + millis(c.getElapsedMs());
        String query = c.getInputParams().getFieldsOrDefault("query",
                com.google.protobuf.Value.getDefaultInstance()).getStringValue();
        String name = c.hasLlm() ? "chat " + c.getLlm().getModel()
                : query.isEmpty() ? c.getTool() : c.getTool() + " " + query;
        SpanBuilder b = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(start, TimeUnit.NANOSECONDS).setAttribute("ops.tool", c.getTool());
        if (c.hasLlm()) {
            llm(b, c.getLlm());
        } else {
            if (!query.isEmpty()) {
                b.setAttribute("ops.query", query);
            }
            Reference ref = take(refs, c.getInputParams());
            if (ref != null) {
                statement(b, ref);
            }
        }
        Span span = b.startSpan();
        if (!c.getError().isEmpty()) {
            // the message stays in the Execution Trace: a store's error may quote a bound value
            span.setStatus(StatusCode.ERROR);
            span.setAttribute("error.type", "tool_error");
        }
        span.end(end, TimeUnit.NANOSECONDS);
        return end;
    }

    /** The semantic conventions for generative AI: system, model, token counts (no prompt, no response). */
    private static void llm(SpanBuilder b, LlmCall llm) {
        b.setAttribute("gen_ai.operation.name", "chat")
                // the product's model client speaks the OpenAI API (OpenAI or a compatible server)
                .setAttribute("gen_ai.system", "openai")
                .setAttribute("gen_ai.provider.name", "openai")
                .setAttribute("gen_ai.request.model", llm.getModel())
                .setAttribute("gen_ai.usage.input_tokens", (long) llm.getPromptTokens())
                .setAttribute("gen_ai.usage.output_tokens", (long) llm.getCompletionTokens());
        if (!llm.getFinishReason().isEmpty()) {
            b.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                    List.of(llm.getFinishReason()));
        }
        if (llm.getRetries() > 0) {
            b.setAttribute("ops.llm.retries", (long) llm.getRetries());
        }
    }

    /** A database call: the statement as the Query asset has it, placeholders and all; never the values. */
    private static void statement(SpanBuilder b, Reference ref) {
        boolean mock = ref.getSource().startsWith("mock:");
        b.setAttribute("ops.source", ref.getSource());
        String system = DB_SYSTEMS.get(ref.getKind());
        if (system != null && !mock) {
            b.setAttribute("db.system", system);
            b.setAttribute("db.system.name", system);
        }
        if (system != null) {
            b.setAttribute("db.query.text", bounded(ref.getPayload(), MAX_TEXT));
        }
        if (mock) {
            b.setAttribute("ops.mock", true);
        }
    }

    /**
     * The reference of this call: the executor records one per statement it runs, with the same
     * parameters the call shows (less the query name); taken so that a repeated query matches in turn.
     */
    private static Reference take(List<Reference> refs, Struct callParams) {
        Struct params = callParams.toBuilder().removeFields("query").build();
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).getParams().equals(params)) {
                return refs.remove(i);
            }
        }
        return null;
    }

    /** How many of the trace's tool calls this stage made (they follow each other in the trace). */
    static int toolCallsOf(StageOutput s) {
        if (!s.hasResponse()) {
            return 0;
        }
        Any r = s.getResponse();
        try {
            if (r.is(ExecuteResponse.class)) {
                return r.unpack(ExecuteResponse.class).getToolCallsCount();
            }
            if (r.is(RoutePlanResponse.class)) {
                return r.unpack(RoutePlanResponse.class).getToolCallsCount();
            }
            if (r.is(ComposeResponse.class)) {
                return r.unpack(ComposeResponse.class).getToolCallsCount();
            }
        } catch (InvalidProtocolBufferException e) {
            return 0;
        }
        return 0;
    }

    private static long startNanos(Trace t) {
        try {
            return TimeUnit.MILLISECONDS.toNanos(OffsetDateTime.parse(t.getCreatedAt()).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - Math.max(0, t.getDurationMs()));
        }
    }

    private static long millis(int ms) {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms));
    }

    static String bounded(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
