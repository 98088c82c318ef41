package dev.opsuite.gateway.metrics;

import dev.opsuite.conductor.TraceSink;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;

/**
 * The product's own metrics, read off every finished Execution Trace on its way to the trace sink:
 * requests by feature, route and status; each stage's duration; replans by trigger and decision; tool
 * calls by tool, Source and outcome; language-model calls and tokens by model. Labels are bounded sets (stage
 * names, routes, statuses, trigger types, the assets' tool names, configured model names): never a
 * question, a CI or a caller.
 */
public final class TraceMetrics implements TraceSink {
    private final MeterRegistry registry;
    private final TraceSink next;

    public TraceMetrics(MeterRegistry registry, TraceSink next) {
        this.registry = registry;
        this.next = next;
    }

    @Override
    public void submit(Trace trace) {
        try {
            record(trace);
        } finally {
            next.submit(trace);
        }
    }

    @Override
    public Optional<Trace> pending(String traceId) {
        return next.pending(traceId);
    }

    private void record(Trace t) {
        String feature = bounded(t.getFeature());
        String route = bounded(t.getRoute());
        String status = bounded(t.getStatus());
        Timer.builder("ops.requests").description("Requests answered (asks, UI actions, stage tests), by outcome")
                .tags("feature", feature, "route", route, "status", status)
                .publishPercentileHistogram().minimumExpectedValue(OpsMeters.MIN_LATENCY)
                .maximumExpectedValue(OpsMeters.MAX_LATENCY).register(registry)
                .record(Duration.ofMillis(Math.max(0, t.getDurationMs())));
        for (StageOutput s : t.getStageOutputsList()) {
            Timer.builder("ops.stage.duration").description("Duration of each pipeline stage")
                    .tags("stage", bounded(s.getStage()), "route", route).publishPercentileHistogram()
                    .minimumExpectedValue(OpsMeters.MIN_LATENCY).maximumExpectedValue(OpsMeters.MAX_LATENCY)
                    .register(registry).record(Duration.ofMillis(Math.max(0, s.getDurationMs())));
        }
        for (ReplanEvent e : t.getReplanEventsList()) {
            String decision = e.getDecisionMetadata().getFieldsOrDefault("decision",
                    com.google.protobuf.Value.getDefaultInstance()).getStringValue();
            Counter.builder("ops.replans").description("Replan decisions of the control loop")
                    .tags("trigger", bounded(e.getTrigger().getTriggerType()), "decision", bounded(decision))
                    .register(registry).increment();
        }
        for (ToolCall c : t.getToolCallsList()) {
            String tool = bounded(c.getTool());
            // source: the Source asset's name the call read (an asset name, never its host), none for a model call
            Timer.builder("ops.tool.calls").description("Executor and language-model calls, by tool, Source and outcome")
                    .tags("tool", tool, "source", bounded(c.getSource()), "outcome", c.getError().isEmpty() ? "ok" : "error")
                    .register(registry)
                    .record(Duration.ofMillis(Math.max(0, c.getElapsedMs())));
            if (c.hasLlm()) {
                String model = bounded(c.getLlm().getModel());
                Counter.builder("ops.llm.calls").description("Language-model calls").tags("model", model, "tool", tool)
                        .register(registry).increment();
                Counter.builder("ops.llm.tokens").description("Language-model tokens counted by the model's API")
                        .tags("model", model, "kind", "prompt").register(registry)
                        .increment(Math.max(0, c.getLlm().getPromptTokens()));
                Counter.builder("ops.llm.tokens").description("Language-model tokens counted by the model's API")
                        .tags("model", model, "kind", "completion").register(registry)
                        .increment(Math.max(0, c.getLlm().getCompletionTokens()));
            }
        }
    }

    /** A label value from the product's own vocabulary: short, plain, "none" when empty. */
    static String bounded(String v) {
        if (v == null || v.isBlank()) {
            return "none";
        }
        String s = v.strip();
        return s.length() > 48 || !s.matches("[A-Za-z0-9_.:/-]+") ? "other" : s;
    }
}
