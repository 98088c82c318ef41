package dev.opsuite.planner.domain;

import dev.opsuite.model.PlanModel;
import java.util.List;
import java.util.Map;

/**
 * Result of ROUTE+PLAN: kind direct | plan | reject. A direct answer may offer actions (the
 * readings of a question the planner could not settle, each a rerun of a plan).
 */
public record PlanDecision(
        String kind,
        PlanModel plan,
        String directAnswer,
        String rejectReason,
        String rejectPolicy,
        double confidence,
        String reason,
        List<String> firedRules,
        List<Action> actions) {

    /** An action offered with a direct answer: id, label and inputs (e.g. a base plan to rerun). */
    public record Action(String id, String label, Map<String, Object> inputs) {}

    public PlanDecision {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static PlanDecision direct(String answer, String reason, List<String> fired) {
        return new PlanDecision("direct", null, answer, null, null, 0.95, reason, fired, List.of());
    }

    /** A question the planner asks back, with the readings it can offer. */
    public static PlanDecision clarify(String question, double confidence, String reason, List<String> fired,
                                       List<Action> actions) {
        return new PlanDecision("direct", null, question, null, null, confidence, reason, fired, actions);
    }

    public static PlanDecision reject(String why, String policy, List<String> fired) {
        return new PlanDecision("reject", null, null, why, policy, 0.99, "Rejected by policy " + policy, fired, List.of());
    }

    public static PlanDecision plan(PlanModel plan, double confidence, String reason, List<String> fired) {
        return new PlanDecision("plan", plan, null, null, null, confidence, reason, fired, List.of());
    }
}
