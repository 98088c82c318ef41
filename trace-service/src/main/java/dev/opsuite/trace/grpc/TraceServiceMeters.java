package dev.opsuite.trace.grpc;

import dev.opsuite.kit.metrics.ProcessMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * trace-service's own counters (beside its RPCs' latency and its pool): traces and audit events stored or
 * already there (a batch repeated after a lost reply), and the asset registry's changes by asset type and
 * action. Labels are bounded sets (the eight asset types, the code's own words).
 */
public final class TraceServiceMeters {
    private final MeterRegistry registry;
    private final Counter tracesStored;
    private final Counter tracesDuplicate;
    private final Counter auditStored;
    private final Counter auditDuplicate;

    public TraceServiceMeters(MeterRegistry registry) {
        this.registry = registry;
        this.tracesStored = outcome("ops.trace.service.traces", "Execution Traces written", "stored");
        this.tracesDuplicate = outcome("ops.trace.service.traces", "Execution Traces written", "duplicate");
        this.auditStored = outcome("ops.trace.service.audit.events", "Audit events written", "stored");
        this.auditDuplicate = outcome("ops.trace.service.audit.events", "Audit events written", "duplicate");
    }

    /** Counts nothing (services and tests without metrics). */
    public static TraceServiceMeters off() {
        return new TraceServiceMeters(ProcessMetrics.off().registry());
    }

    private Counter outcome(String name, String what, String outcome) {
        return Counter.builder(name).description(what + ": newly stored, or already there (same id)")
                .tag("outcome", outcome).register(registry);
    }

    void traces(int received, int stored) {
        tracesStored.increment(stored);
        tracesDuplicate.increment(Math.max(0, received - stored));
    }

    void auditEvents(int received, int stored) {
        auditStored.increment(stored);
        auditDuplicate.increment(Math.max(0, received - stored));
    }

    /** An asset change that succeeded: type its wire name, action save | publish | archive. */
    void assetChanged(String type, String action) {
        Counter.builder("ops.trace.service.asset.changes").description("Asset versions saved, published or archived")
                .tags("type", type, "action", action).register(registry).increment();
    }
}
