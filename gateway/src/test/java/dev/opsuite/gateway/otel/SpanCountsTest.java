package dev.opsuite.gateway.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The spans' fate as /metrics tells it: a span that finds the queue full is dropped and counted (the
 * batch processor behind never drops one unseen), a batch the receiver does not take is counted as
 * failed, one it takes as exported; every span is accounted for.
 */
class SpanCountsTest {

    /** An exporter whose first export never returns until released: the queue behind it fills. */
    private static final class Stuck implements SpanExporter {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicLong received = new AtomicLong();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            received.addAndGet(spans.size());
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
    }

    @Test
    void spansOverTheBoundAreDroppedAndCountedTheRestExported() {
        SpanCounts counts = new SpanCounts(10);
        Stuck stuck = new Stuck();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(counts.bounded(BatchSpanProcessor.builder(counts.counting(stuck))
                        .setMaxQueueSize(10 + 5).setMaxExportBatchSize(5).setScheduleDelay(Duration.ofMillis(1))
                        .setExporterTimeout(Duration.ofSeconds(30)).build()))
                .build();
        Tracer tracer = provider.get("test");
        for (int i = 0; i < 100; i++) {
            tracer.spanBuilder("s" + i).startSpan().end();
        }
        long dropped = counts.dropped(SpanCounts.QUEUE_FULL);
        // the stuck exporter holds at most one batch (5), the queue at most the bound (10): the rest dropped
        assertTrue(dropped >= 100 - 10 - 5, "dropped " + dropped);
        assertTrue(counts.pending() <= 10, "pending " + counts.pending());
        assertEquals(100, dropped + counts.pending() + stuck.received.get(), "every span accounted for");
        stuck.release.countDown();
        provider.shutdown().join(10, TimeUnit.SECONDS);
        assertEquals(0, counts.pending());
        assertEquals(100 - dropped, counts.exported(), "the ones let through are exported at shutdown at the latest");
        assertEquals(0, counts.dropped(SpanCounts.EXPORT_FAILED));
    }

    @Test
    void aReceiverThatIsNotThereCountsItsSpansAsFailedOnTheScrape() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        SpanCounts counts = new SpanCounts(100);
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(counts.bounded(BatchSpanProcessor.builder(counts.counting(OtlpHttpSpanExporter.builder()
                                .setEndpoint("http://127.0.0.1:" + dead + "/v1/traces").setRetryPolicy(null)
                                .setTimeout(Duration.ofSeconds(2)).build()))
                        .setMaxQueueSize(200).setScheduleDelay(Duration.ofMillis(10)).build()))
                .build();
        for (int i = 0; i < 3; i++) {
            provider.get("test").spanBuilder("s" + i).startSpan().end();
        }
        provider.shutdown().join(10, TimeUnit.SECONDS);
        assertEquals(3, counts.dropped(SpanCounts.EXPORT_FAILED));
        assertEquals(0, counts.exported());

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        counts.bindTo(registry);
        String scrape = registry.scrape();
        assertTrue(scrape.contains("ops_otel_spans_dropped_total{reason=\"export_failed\"} 3.0"), scrape);
        assertTrue(scrape.contains("ops_otel_spans_dropped_total{reason=\"queue_full\"} 0.0"), scrape);
        assertTrue(scrape.contains("ops_otel_spans_exported_total 0.0"), scrape);
        assertTrue(scrape.contains("# TYPE ops_otel_spans_dropped_total counter"), scrape);
    }
}
