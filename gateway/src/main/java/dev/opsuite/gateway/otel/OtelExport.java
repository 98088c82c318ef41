package dev.opsuite.gateway.otel;

import dev.opsuite.conductor.TraceSink;
import dev.opsuite.proto.v1.Trace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenTelemetry SDK of the gateway, present only when OTEL_EXPORTER_OTLP_ENDPOINT is set: an
 * OTLP/HTTP exporter behind a {@link BatchSpanProcessor} (a bounded queue; spans that find it full are
 * dropped, never waited for, and counted on /metrics: {@link SpanCounts}) and one thread that turns finished Execution Traces into spans
 * ({@link TraceSpans}), itself behind a bounded queue — the answer never waits for either.
 */
public final class OtelExport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OtelExport.class);
    /** Finished traces waiting to become spans; beyond it a trace is not exported (counted). */
    static final int TRACE_QUEUE = 1000;
    static final int SPAN_QUEUE = 8192;
    static final int SPAN_BATCH = 512;

    private final SdkTracerProvider provider;
    private final TraceSpans spans;
    private final ThreadPoolExecutor worker;
    private final AtomicLong dropped = new AtomicLong();
    private final SpanCounts counts = new SpanCounts(SPAN_QUEUE);

    private OtelExport(OtelConfig cfg) {
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(cfg.tracesUrl())
                .setTimeout(Duration.ofSeconds(10));
        cfg.headers().forEach(exporter::addHeader);
        PresetIds ids = new PresetIds();
        this.provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), cfg.serviceName()))))
                .setIdGenerator(ids)
                // every request's trace is exported; a caller's sampled flag travels on unchanged
                .setSampler(Sampler.alwaysOn())
                // the bound on waiting spans is kept (and its drops counted) by SpanCounts; the batch
                // processor's own queue has room for a batch more, so it never drops one unseen
                .addSpanProcessor(counts.bounded(BatchSpanProcessor.builder(counts.counting(exporter.build()))
                        .setMaxQueueSize(SPAN_QUEUE + SPAN_BATCH).setMaxExportBatchSize(SPAN_BATCH)
                        .setScheduleDelay(Duration.ofMillis(500)).setExporterTimeout(Duration.ofSeconds(10)).build()))
                .build();
        this.spans = new TraceSpans(provider.get("dev.opsuite.gateway"), ids);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(TRACE_QUEUE),
                r -> {
                    Thread t = new Thread(r, "otel-trace-spans");
                    t.setDaemon(true);
                    return t;
                }, (r, e) -> dropped.incrementAndGet());
    }

    /** The export when {@code cfg} names an endpoint; nothing at all (no exporter, no thread) otherwise. */
    public static Optional<OtelExport> start(OtelConfig cfg) {
        if (!cfg.enabled()) {
            return Optional.empty();
        }
        log.info("exporting Execution Traces as OTLP spans to {} (service.name {})", cfg.tracesUrl(), cfg.serviceName());
        return Optional.of(new OtelExport(cfg));
    }

    /** {@code next}, with every finished trace also queued for export as spans. */
    public TraceSink exporting(TraceSink next) {
        return new TraceSink() {
            @Override
            public void submit(Trace trace) {
                try {
                    if (!trace.getOtelTraceId().isEmpty()) {
                        worker.execute(() -> export(trace));
                    }
                } finally {
                    next.submit(trace);
                }
            }

            @Override
            public Optional<Trace> pending(String traceId) {
                return next.pending(traceId);
            }
        };
    }

    private void export(Trace trace) {
        try {
            spans.export(trace);
        } catch (RuntimeException e) {
            // a trace that cannot become spans is still stored; say which, never what it holds
            log.warn("trace {} not exported as spans: {}", trace.getTraceId(), e.getClass().getSimpleName());
        }
    }

    /** Traces not exported because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** The export's figures on {@code registry} ({@link SpanCounts#bindTo}) and {@code ops_otel_traces_dropped_total}. */
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        counts.bindTo(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("ops.otel.traces.dropped", this, OtelExport::dropped)
                .description("Execution Traces not exported as spans: the trace queue was full").register(registry);
    }

    /** Exports what is queued (at most a few seconds), then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }

    /**
     * Random ids, except the root span of a trace being exported: it takes the trace id and span id the
     * Execution Trace recorded when the request began (the ones its stage calls already carried).
     */
    static final class PresetIds implements IdGenerator {
        private final ThreadLocal<String[]> preset = new ThreadLocal<>();

        /** The next span started on this thread takes these ids. */
        void preset(String traceId, String spanId) {
            preset.set(new String[] {traceId, spanId});
        }

        void clear() {
            preset.remove();
        }

        @Override
        public String generateSpanId() {
            String[] p = preset.get();
            if (p != null && p[1] != null) {
                String id = p[1];
                p[1] = null;
                return id;
            }
            return IdGenerator.random().generateSpanId();
        }

        @Override
        public String generateTraceId() {
            String[] p = preset.get();
            if (p != null && p[0] != null) {
                String id = p[0];
                p[0] = null;
                return id;
            }
            return IdGenerator.random().generateTraceId();
        }
    }
}
