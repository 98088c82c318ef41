package dev.opsuite.planner.grpc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;

/**
 * planner-service's own counters (beside its RPCs' latency): plans by who made them and what they are,
 * the model's plans the rules had to replace, and VALIDATE's verdicts. Labels are bounded sets of the
 * code's own words, never a question.
 */
final class PlannerMeters {
    private static final Set<String> PLANNERS = Set.of("rules", "llm");
    private static final Set<String> KINDS = Set.of("plan", "direct", "reject");
    private final MeterRegistry registry;
    private final Counter fallbacks;
    private final Counter allowed;
    private final Counter denied;

    PlannerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.fallbacks = Counter.builder("ops.planner.llm.fallbacks")
                .description("Questions the model was asked to plan that the rules planner answered instead")
                .register(registry);
        this.allowed = validations(registry, "allowed");
        this.denied = validations(registry, "denied");
    }

    private static Counter validations(MeterRegistry registry, String outcome) {
        return Counter.builder("ops.planner.validations").description("Plans VALIDATE allowed or denied")
                .tag("outcome", outcome).register(registry);
    }

    /** A ROUTE+PLAN decision: planner rules | llm, kind plan | direct | reject; llmCalls the model calls made. */
    void planned(String planner, String kind, int llmCalls) {
        Counter.builder("ops.planner.plans").description("ROUTE+PLAN decisions by planner and kind")
                .tags("planner", PLANNERS.contains(planner) ? planner : "other",
                        "kind", KINDS.contains(kind) ? kind : "other")
                .register(registry).increment();
        if ("rules".equals(planner) && llmCalls > 0) {
            fallbacks.increment();
        }
    }

    void validated(boolean ok) {
        (ok ? allowed : denied).increment();
    }
}
