package dev.opsuite.gateway.otel;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What becomes of the spans on their way out, for {@code /metrics}. The SDK's batch processor drops the
 * spans its queue cannot take without telling anyone, so the bound is kept here, one step before it:
 * {@link #bounded} lets a finished span through only while fewer than {@code bound} are waiting for the
 * exporter (the batch processor's own queue is given room for more, so it never drops), and counts the
 * others; {@link #counting} hears the exporter's verdict on each batch. Counters only ever rise; one
 * span is in exactly one of pending, exported, dropped (queue full or export failed) or being exported.
 */
final class SpanCounts {
    static final String QUEUE_FULL = "queue_full";
    static final String EXPORT_FAILED = "export_failed";

    private final int bound;
    /** Finished spans let through and not yet handed to the exporter. */
    private final AtomicLong pending = new AtomicLong();
    private final LongAdder exported = new LongAdder();
    private final LongAdder queueFull = new LongAdder();
    private final LongAdder exportFailed = new LongAdder();

    SpanCounts(int bound) {
        this.bound = bound;
    }

    /** {@code next} (the batch processor) behind the bound: a span that finds {@code bound} waiting is dropped here. */
    SpanProcessor bounded(SpanProcessor next) {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parent, ReadWriteSpan span) {
                next.onStart(parent, span);
            }

            @Override
            public boolean isStartRequired() {
                return next.isStartRequired();
            }

            @Override
            public void onEnd(ReadableSpan span) {
                // an unsampled span is not exported by the batch processor either: not ours to count
                if (span.getSpanContext().isSampled()) {
                    if (pending.incrementAndGet() > bound) {
                        pending.decrementAndGet();
                        queueFull.increment();
                        return;
                    }
                }
                next.onEnd(span);
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }

            @Override
            public CompletableResultCode shutdown() {
                return next.shutdown();
            }

            @Override
            public CompletableResultCode forceFlush() {
                return next.forceFlush();
            }
        };
    }

    /** {@code next}, counting each batch it is handed as exported or failed when its export completes. */
    SpanExporter counting(SpanExporter next) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                int n = spans.size();
                pending.addAndGet(-n);
                CompletableResultCode result;
                try {
                    result = next.export(spans);
                } catch (RuntimeException e) {
                    exportFailed.add(n);
                    return CompletableResultCode.ofFailure();
                }
                result.whenComplete(() -> (result.isSuccess() ? exported : exportFailed).add(n));
                return result;
            }

            @Override
            public CompletableResultCode flush() {
                return next.flush();
            }

            @Override
            public CompletableResultCode shutdown() {
                return next.shutdown();
            }
        };
    }

    long pending() {
        return pending.get();
    }

    long exported() {
        return exported.sum();
    }

    long dropped(String reason) {
        return switch (reason) {
            case QUEUE_FULL -> queueFull.sum();
            case EXPORT_FAILED -> exportFailed.sum();
            default -> throw new IllegalArgumentException(reason);
        };
    }

    /**
     * {@code ops_otel_spans_exported_total}, {@code ops_otel_spans_dropped_total{reason}} (queue_full,
     * export_failed) and {@code ops_otel_span_queue_depth}.
     */
    void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ops.otel.spans.exported", this, SpanCounts::exported)
                .description("Spans the OTLP receiver accepted").register(registry);
        for (String reason : new String[] {QUEUE_FULL, EXPORT_FAILED}) {
            FunctionCounter.builder("ops.otel.spans.dropped", this, c -> c.dropped(reason)).tag("reason", reason)
                    .description("Spans not exported: the span queue was full, or the OTLP receiver did not take them")
                    .register(registry);
        }
        Gauge.builder("ops.otel.span.queue.depth", this, SpanCounts::pending)
                .description("Finished spans waiting for the OTLP exporter").register(registry);
    }
}
