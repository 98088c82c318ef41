package dev.opsuite.gateway.metrics;

import dev.opsuite.gateway.trace.TraceShipper;
import dev.opsuite.kit.metrics.ProcessMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's meters, exposed at {@code GET /metrics} in the Prometheus text format: HTTP and gRPC
 * requests by route and status (Armeria's MetricCollectingService), the pipeline's own figures
 * ({@link TraceMetrics}) and the trace shipper's queue, on the process's registry ({@link ProcessMetrics}:
 * the JVM's memory, GC, threads, classes, CPU and uptime, latency timers as histograms). In the all-in-one
 * that registry is shared with the three stage services, so the one scrape has their RPCs, pools and
 * counters too, each registered once. Names follow Prometheus conventions (units in names, _total counters).
 */
public final class OpsMeters implements AutoCloseable {
    /** The prefix of Armeria's request meters (MetricCollectingService). */
    public static final String HTTP_PREFIX = "ops.http.server";
    /** The range of the latency histograms' buckets (fewer buckets than Micrometer's default 1 ns – 30 s). */
    static final java.time.Duration MIN_LATENCY = ProcessMetrics.MIN_LATENCY;
    static final java.time.Duration MAX_LATENCY = ProcessMetrics.MAX_LATENCY;
    private final ProcessMetrics process;
    private final boolean owned;
    private final List<Meter> bound = new ArrayList<>();

    /**
     * @param process the process's registry
     * @param owned   whether this gateway made it (run apart: closed with the gateway) or was given it (the
     *                all-in-one's: its meters bound to this gateway's shipper are removed, the registry stays)
     */
    public OpsMeters(TraceShipper shipper, ProcessMetrics process, boolean owned) {
        this.process = process;
        this.owned = owned;
        var registry = process.registry();
        bound.add(Gauge.builder("ops.trace.queue.depth", shipper, TraceShipper::queueDepth)
                .description("Finished traces waiting to be written to trace-service").register(registry));
        bound.add(FunctionCounter.builder("ops.traces.written", shipper, TraceShipper::written)
                .description("Traces stored by trace-service").register(registry));
        bound.add(FunctionCounter.builder("ops.traces.spilled", shipper, TraceShipper::spilled)
                .description("Traces spilled to disk because trace-service could not take them").register(registry));
        bound.add(FunctionCounter.builder("ops.traces.replayed", shipper, TraceShipper::replayed)
                .description("Traces submitted again at start from the spill or the journal").register(registry));
        bound.add(FunctionCounter.builder("ops.traces.rejected", shipper, TraceShipper::rejected)
                .description("Traces trace-service refused").register(registry));
    }

    public PrometheusMeterRegistry registry() {
        return process.prometheusRegistry();
    }

    @Override
    public void close() {
        if (owned) {
            process.close();
        } else {
            bound.forEach(m -> process.registry().remove(m));
        }
    }
}
