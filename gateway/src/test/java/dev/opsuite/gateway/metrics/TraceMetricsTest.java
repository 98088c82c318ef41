package dev.opsuite.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.conductor.TraceSink;
import dev.opsuite.proto.v1.LlmCall;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TraceMetricsTest {
    @Test
    void aFinishedTraceIsCountedWithBoundedLabelsAndStillReachesTheSink() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Trace> passed = new ArrayList<>();
        TraceSink sink = new TraceSink() {
            @Override
            public void submit(Trace trace) {
                passed.add(trace);
            }

            @Override
            public Optional<Trace> pending(String traceId) {
                return Optional.empty();
            }
        };
        Trace t = Trace.newBuilder().setTraceId("t1").setFeature("ci").setRoute("orch").setStatus("success")
                .setQuestion("서버A의 CPU 사용량은?").setDurationMs(120)
                .addStageOutputs(StageOutput.newBuilder().setStage("execute").setDurationMs(40))
                .addStageOutputs(StageOutput.newBuilder().setStage("compose").setDurationMs(5))
                .addReplanEvents(ReplanEvent.newBuilder().setTrigger(ReplanTrigger.newBuilder()
                        .setTriggerType("empty_result")).setDecisionMetadata(Struct.newBuilder().putFields("decision",
                        Value.newBuilder().setStringValue("replan").build())))
                .addToolCalls(ToolCall.newBuilder().setTool("metric_executor").setElapsedMs(12).setSource("postgres_main"))
                .addToolCalls(ToolCall.newBuilder().setTool("graph_executor").setError("down").setSource("neo4j_graph"))
                .addToolCalls(ToolCall.newBuilder().setTool("llm_planner").setLlm(LlmCall.newBuilder()
                        .setModel("gpt-x").setPromptTokens(100).setCompletionTokens(20)))
                .build();
        new TraceMetrics(registry, sink).submit(t);

        assertEquals(List.of(t), passed, "the trace goes on to the sink");
        assertEquals(1, registry.get("ops.requests").tags("feature", "ci", "route", "orch", "status", "success").timer()
                .count());
        assertEquals(40, registry.get("ops.stage.duration").tag("stage", "execute").timer().totalTime(TimeUnit.MILLISECONDS));
        assertEquals(1, registry.get("ops.replans").tags("trigger", "empty_result", "decision", "replan").counter().count());
        assertEquals(1, registry.get("ops.tool.calls").tags("tool", "graph_executor", "source", "neo4j_graph",
                "outcome", "error").timer().count());
        assertEquals(12, registry.get("ops.tool.calls").tags("tool", "metric_executor", "source", "postgres_main",
                "outcome", "ok").timer().totalTime(TimeUnit.MILLISECONDS));
        assertEquals(1, registry.get("ops.tool.calls").tags("tool", "llm_planner", "source", "none").timer().count(),
                "a model call reads no Source");
        assertEquals(100, registry.get("ops.llm.tokens").tags("model", "gpt-x", "kind", "prompt").counter().count());
        assertEquals(20, registry.get("ops.llm.tokens").tags("model", "gpt-x", "kind", "completion").counter().count());
        assertNotNull(registry.get("ops.llm.calls").tags("model", "gpt-x", "tool", "llm_planner").counter());
        registry.getMeters().forEach(m -> m.getId().getTags().forEach(tag ->
                assertTrue(!tag.getValue().contains("서버A") && !tag.getValue().contains("CPU"), tag.toString())));
    }

    @Test
    void aLabelValueOutsideTheProductsVocabularyIsOther() {
        assertEquals("none", TraceMetrics.bounded(""));
        assertEquals("other", TraceMetrics.bounded("서버A의 CPU"));
        assertEquals("other", TraceMetrics.bounded("x".repeat(60)));
        assertEquals("metric_executor", TraceMetrics.bounded("metric_executor"));
    }
}
