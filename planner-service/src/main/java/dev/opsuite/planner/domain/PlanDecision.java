package dev.opsuite.planner.domain;

import dev.opsuite.kit.model.PlanModel;
import java.util.List;

/** Result of ROUTE+PLAN: kind direct | plan | reject. */
public record PlanDecision(
        String kind,
        PlanModel plan,
        String directAnswer,
        String rejectReason,
        String rejectPolicy,
        double confidence,
        String reason,
        List<String> firedRules) {

    public static PlanDecision direct(String answer, String reason, List<String> fired) {
        return new PlanDecision("direct", null, answer, null, null, 0.95, reason, fired);
    }

    public static PlanDecision reject(String why, String policy, List<String> fired) {
        return new PlanDecision("reject", null, null, why, policy, 0.99, "Rejected by policy " + policy, fired);
    }

    public static PlanDecision plan(PlanModel plan, double confidence, String reason, List<String> fired) {
        return new PlanDecision("plan", plan, null, null, null, confidence, reason, fired);
    }
}
