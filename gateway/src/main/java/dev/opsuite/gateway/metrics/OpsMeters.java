package dev.opsuite.gateway.metrics;

import dev.opsuite.gateway.trace.TraceShipper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The gateway's meter registry, exposed at {@code GET /metrics} in the Prometheus text format: HTTP
 * and gRPC requests by route and status (Armeria's MetricCollectingService), the pipeline's own
 * figures ({@link TraceMetrics}), the trace shipper's queue, and the JVM's memory, GC, threads,
 * classes, CPU and uptime. Names follow Prometheus conventions (units in names, _total counters).
 */
public final class OpsMeters implements AutoCloseable {
    /** The prefix of Armeria's request meters (MetricCollectingService). */
    public static final String HTTP_PREFIX = "ops.http.server";
    /** The range of the latency histograms' buckets (fewer buckets than Micrometer's default 1 ns – 30 s). */
    static final java.time.Duration MIN_LATENCY = java.time.Duration.ofMillis(1);
    static final java.time.Duration MAX_LATENCY = java.time.Duration.ofMinutes(2);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public OpsMeters(TraceShipper shipper) {
        // request latencies as Prometheus histograms (buckets add up across instances), not Armeria's summaries
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(HTTP_PREFIX) || id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true).percentiles(new double[0])
                        .minimumExpectedValue((double) MIN_LATENCY.toNanos())
                        .maximumExpectedValue((double) MAX_LATENCY.toNanos()).build().merge(config);
            }
        });
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("ops.trace.queue.depth", shipper, TraceShipper::queueDepth)
                .description("Finished traces waiting to be written to trace-service").register(registry);
        FunctionCounter.builder("ops.traces.written", shipper, TraceShipper::written)
                .description("Traces stored by trace-service").register(registry);
        FunctionCounter.builder("ops.traces.spilled", shipper, TraceShipper::spilled)
                .description("Traces spilled to disk because trace-service could not take them").register(registry);
        FunctionCounter.builder("ops.traces.replayed", shipper, TraceShipper::replayed)
                .description("Traces submitted again at start from the spill or the journal").register(registry);
        FunctionCounter.builder("ops.traces.rejected", shipper, TraceShipper::rejected)
                .description("Traces trace-service refused").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
