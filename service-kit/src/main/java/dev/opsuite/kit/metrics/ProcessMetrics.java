package dev.opsuite.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.grpc.ServerInterceptor;
import java.time.Duration;

/**
 * Where one process's meters go. {@link #prometheus()}: a Micrometer Prometheus registry with the JVM's
 * memory, GC, threads, classes, CPU and uptime bound once, and every latency timer of ours (names under
 * {@code ops.}) and of the HikariCP pools published as a Prometheus histogram (buckets add up across
 * instances) rather than a summary. The gateway serves it at {@code GET /metrics}; a stage service run
 * apart on its metrics port ({@link MetricsPort}); the all-in-one makes one for its four services, which
 * the gateway serves, so each meter is registered once. {@link #off()}: nothing is kept (services started
 * without a metrics port, tests).
 */
public final class ProcessMetrics implements AutoCloseable {
    /** The range of our latency histograms' buckets (fewer buckets than Micrometer's default 1 ns – 30 s). */
    public static final Duration MIN_LATENCY = Duration.ofMillis(1);
    public static final Duration MAX_LATENCY = Duration.ofMinutes(2);
    /** A pool's connection acquire is often well under a millisecond: its histograms start lower. */
    static final Duration MIN_POOL_LATENCY = Duration.ofNanos(100_000);

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final JvmGcMetrics gc;
    private PoolMetrics pools;

    private ProcessMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, JvmGcMetrics gc) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.gc = gc;
    }

    /** A Prometheus registry with the JVM's meters: one per process (the all-in-one: one for its four services). */
    public static ProcessMetrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // before any meter is registered: filters apply to meters registered after them
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                Duration min = id.getName().startsWith("ops.") ? MIN_LATENCY
                        : id.getName().startsWith("hikaricp.") ? MIN_POOL_LATENCY : null;
                if (min == null) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true).percentiles(new double[0])
                        .minimumExpectedValue((double) min.toNanos())
                        .maximumExpectedValue((double) MAX_LATENCY.toNanos()).build().merge(config);
            }
        });
        JvmGcMetrics gc = new JvmGcMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new ProcessMetrics(registry, registry, gc);
    }

    /** Keeps nothing: every meter registered on it is a no-op. */
    public static ProcessMetrics off() {
        return new ProcessMetrics(new CompositeMeterRegistry(), null, null);
    }

    /** Where meters are registered. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus registry to expose; {@code IllegalStateException} for {@link #off()}. */
    public PrometheusMeterRegistry prometheusRegistry() {
        if (prometheus == null) {
            throw new IllegalStateException("metrics are off in this process");
        }
        return prometheus;
    }

    /** The HikariCP pools of this process, each under a bounded label (one instance per registry). */
    public synchronized PoolMetrics pools() {
        if (pools == null) {
            pools = new PoolMetrics(registry);
        }
        return pools;
    }

    /** Measures every call a gRPC server named {@code server} (e.g. planner-service) takes. */
    public ServerInterceptor rpcServer(String server) {
        return new RpcServerMetrics(registry, server);
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
