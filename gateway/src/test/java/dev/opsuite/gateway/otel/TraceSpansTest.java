package dev.opsuite.gateway.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.LlmCall;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A finished Execution Trace as spans: ids, tree, layout, db.* and gen_ai.* attributes, nothing secret. */
class TraceSpansTest {
    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final OtelExport.PresetIds ids = new OtelExport.PresetIds();
    private final TraceSpans spans = new TraceSpans(SdkTracerProvider.builder().setIdGenerator(ids)
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> s) {
                    exported.addAll(s);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build().get("test"), ids);

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ROOT = "b7ad6b7169203331";
    private static final String CALLER = "00f067aa0ba902b7";

    private static Struct params(Map<String, String> m) {
        Struct.Builder b = Struct.newBuilder();
        m.forEach((k, v) -> b.putFields(k, Value.newBuilder().setStringValue(v).build()));
        return b.build();
    }

    private static ToolCall llmCall(String tool) {
        return ToolCall.newBuilder().setTool(tool).setElapsedMs(40).setLlm(LlmCall.newBuilder().setModel("gpt-4o-mini")
                .setPromptTokens(120).setCompletionTokens(30).setFinishReason("stop").setPrompt("secret prompt")
                .setResponse("secret response")).build();
    }

    private Trace trace(String parent, String status) {
        ToolCall sql = ToolCall.newBuilder().setTool("metric_query").setElapsedMs(12)
                .setInputParams(params(Map.of("query", "cpu_latest", "ci_code", "SVR003"))).build();
        ToolCall failed = ToolCall.newBuilder().setTool("graph_query").setElapsedMs(5)
                .setInputParams(params(Map.of("query", "deps", "ci_code", "SVR003"))).setError("boom 'SVR003'").build();
        Reference sqlRef = Reference.newBuilder().setKind("sql").setSource("postgres_main")
                .setPayload("SELECT value FROM ci_metric WHERE ci_code = :ci_code")
                .setParams(params(Map.of("ci_code", "SVR003"))).build();
        Reference cypherRef = Reference.newBuilder().setKind("cypher").setSource("neo4j_main")
                .setPayload("MATCH (c:CI {ci_code: $ci_code}) RETURN c").setParams(params(Map.of("ci_code", "SVR003")))
                .build();
        ExecuteResponse executed = ExecuteResponse.newBuilder().addToolCalls(sql).addToolCalls(failed)
                .addReferences(sqlRef).addReferences(cypherRef).build();
        ToolCall summary = llmCall("llm_summary");
        return Trace.newBuilder().setTraceId("opsid").setFeature("ci").setEndpoint("/ops/ci/ask").setMethod("POST")
                .setQuestion("서버A의 CPU 사용량은?").setStatus(status).setErrorMessage("SVR003 failed").setRoute("orch")
                .setCreatedAt("2026-12-01T10:00:00.000+09:00").setDurationMs(100)
                .setOtelTraceId(TRACE).setOtelSpanId(ROOT).setOtelParentSpanId(parent)
                .addStageOutputs(StageOutput.newBuilder().setStage("route_plan").setDurationMs(10)
                        .setDiagnostics(Diagnostics.newBuilder().setStatus("ok")))
                .addStageOutputs(StageOutput.newBuilder().setStage("execute").setDurationMs(30)
                        .setDiagnostics(Diagnostics.newBuilder().setStatus("ok")).addReferences(sqlRef)
                        .addReferences(cypherRef).setResponse(Any.pack(executed)))
                .addStageOutputs(StageOutput.newBuilder().setStage("compose").setDurationMs(50)
                        .setDiagnostics(Diagnostics.newBuilder().setStatus("ok"))
                        .setResponse(Any.pack(ComposeResponse.newBuilder().addToolCalls(summary).build())))
                .addToolCalls(sql).addToolCalls(failed).addToolCalls(summary)
                // a call no recorded response names (the RCA narrative's)
                .addToolCalls(llmCall("rca_narrative"))
                .build();
    }

    private SpanData named(String name) {
        return exported.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + exported.stream().map(SpanData::getName).toList()));
    }

    @Test
    void theTreeTakesTheRecordedIdsAndContinuesTheCaller() {
        spans.export(trace(CALLER, "success"));
        SpanData root = named("POST /ops/ci/ask");
        assertEquals(TRACE, root.getTraceId());
        assertEquals(ROOT, root.getSpanId());
        assertEquals(CALLER, root.getParentSpanId());
        assertEquals(SpanKind.SERVER, root.getKind());
        assertEquals("opsid", root.getAttributes().get(AttributeKey.stringKey("ops.trace_id")));
        long start = root.getStartEpochNanos();
        assertEquals(100_000_000L, root.getEndEpochNanos() - start);
        SpanData execute = named("execute");
        assertEquals(ROOT, execute.getParentSpanId());
        // stages end to end from the request's start
        assertEquals(start + 10_000_000L, execute.getStartEpochNanos());
        SpanData sql = named("metric_query cpu_latest");
        assertEquals(execute.getSpanId(), sql.getParentSpanId());
        assertEquals(execute.getStartEpochNanos(), sql.getStartEpochNanos());
        assertEquals("postgresql", sql.getAttributes().get(AttributeKey.stringKey("db.system")));
        assertEquals("SELECT value FROM ci_metric WHERE ci_code = :ci_code",
                sql.getAttributes().get(AttributeKey.stringKey("db.query.text")));
        SpanData cypher = named("graph_query deps");
        assertEquals("neo4j", cypher.getAttributes().get(AttributeKey.stringKey("db.system")));
        assertEquals(StatusCode.ERROR, cypher.getStatus().getStatusCode());
        assertEquals("", cypher.getStatus().getDescription(), "a store's message may quote a value");
        SpanData chat = exported.stream().filter(s -> s.getName().equals("chat gpt-4o-mini")
                && s.getParentSpanId().equals(named("compose").getSpanId())).findFirst().orElseThrow();
        assertEquals("openai", chat.getAttributes().get(AttributeKey.stringKey("gen_ai.system")));
        assertEquals("gpt-4o-mini", chat.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")));
        assertEquals(120L, chat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
        assertEquals(30L, chat.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")));
        assertEquals(List.of("stop"), chat.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
        // the call no stage response names hangs from the root
        assertEquals(2, exported.stream().filter(s -> s.getName().equals("chat gpt-4o-mini")).count());
        assertTrue(exported.stream().anyMatch(s -> s.getName().equals("chat gpt-4o-mini")
                && s.getParentSpanId().equals(ROOT)));
        for (SpanData s : exported) {
            String all = s.getAttributes().toString() + s.getName() + s.getStatus();
            assertFalse(all.contains("SVR003"), "a bound value in " + s.getName() + ": " + all);
            assertFalse(all.contains("secret") || all.contains("서버A"), s.getName() + ": " + all);
        }
    }

    @Test
    void aTraceOfItsOwnHasNoParentAndAFailedOneIsAnError() {
        spans.export(trace("", "error"));
        SpanData root = named("POST /ops/ci/ask");
        assertEquals(TRACE, root.getTraceId());
        assertEquals(ROOT, root.getSpanId());
        assertFalse(root.getParentSpanContext().isValid());
        assertEquals(StatusCode.ERROR, root.getStatus().getStatusCode());
        assertNull(root.getAttributes().get(AttributeKey.stringKey("ops.question")));
        // the other spans draw fresh ids
        assertEquals(exported.size(), exported.stream().map(SpanData::getSpanId).distinct().count());
    }

    @Test
    void configurationIsReadAsTheOtlpSpecificationSays() {
        OtelConfig off = OtelConfig.from(dev.opsuite.kit.config.Env.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "")));
        assertFalse(off.enabled());
        assertTrue(OtelExport.start(off).isEmpty(), "off: nothing started");
        OtelConfig on = OtelConfig.from(dev.opsuite.kit.config.Env.of(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20abc, x-tenant = ops",
                "OTEL_SERVICE_NAME", "ops-prod")));
        assertEquals("http://collector:4318/v1/traces", on.tracesUrl());
        assertEquals(Map.of("authorization", "Bearer abc", "x-tenant", "ops"), on.headers());
        assertEquals("ops-prod", on.serviceName());
        IllegalArgumentException grpc = assertThrows(IllegalArgumentException.class, () -> OtelConfig.from(
                dev.opsuite.kit.config.Env.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317",
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"))));
        assertTrue(grpc.getMessage().contains("http/protobuf"));
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class, () -> OtelConfig.from(
                dev.opsuite.kit.config.Env.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318",
                        "OTEL_EXPORTER_OTLP_HEADERS", "tokenwithoutvalue-s3cr3t"))));
        assertFalse(header.getMessage().contains("s3cr3t"), "a header value is never echoed");
    }
}
