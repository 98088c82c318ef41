package dev.opsuite.conductor;

import com.google.protobuf.Message;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PolicyDecision;
import dev.opsuite.proto.v1.PresentResponse;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.ToolResult;
import dev.opsuite.proto.v1.ValidateResponse;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.util.List;
import java.util.Locale;

/**
 * One line for a person on what a stage run made, read off the stage's response: the plan ROUTE+PLAN
 * made, what VALIDATE decided, how many results and rows EXECUTE got, what a REPLAN changed, COMPOSE's
 * blocks and first words, PRESENT's screen. Never the rows themselves; at most {@link #MAX} characters.
 */
final class StageSummaries {
    static final int MAX = 160;

    private StageSummaries() {}

    static String of(String stage, Message response) {
        String line = stage;
        if (response instanceof RoutePlanResponse r) {
            line = routePlan(r.getPlanOutput());
        } else if (response instanceof ValidateResponse r) {
            line = validate(r.getValidatedPlan());
        } else if (response instanceof ExecuteResponse r) {
            line = execute(r);
        } else if (response instanceof ReplanResponse r) {
            line = r.getPatched() ? "patched" + (r.getFallback().isEmpty() ? "" : ": " + r.getFallback())
                    : "no fallback applies";
        } else if (response instanceof ComposeResponse r) {
            line = count(r.getBlocksCount(), "block") + (r.getAnswer().isBlank() ? ""
                    : ": " + r.getAnswer().strip().lines().findFirst().orElse("")) + raised(r.getTriggersList());
        } else if (response instanceof PresentResponse r) {
            line = count(r.getScreen().getComponentsCount(), "component") + ", "
                    + count(r.getScreen().getActionsCount(), "action") + raised(r.getTriggersList());
        }
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }

    private static String routePlan(PlanOutput o) {
        String by = o.getPlanner().isEmpty() ? "" : o.getPlanner() + ", ";
        return switch (o.getKind()) {
            // a direct answer (a greeting, a question asked back) has no plan to be confident in
            case "direct" -> "direct answer" + (o.getPlanner().isEmpty() ? "" : " (" + o.getPlanner() + ")");
            case "reject" -> "rejected: " + o.getRejectPayload().getReason();
            default -> "plan " + shape(o.getPlan()) + target(o.getPlan()) + " (" + by + confidence(o) + ")"
                    + (o.getPlan().getMissingSlotsCount() == 0 ? ""
                    : ", missing " + String.join(", ", o.getPlan().getMissingSlotsList()));
        };
    }

    private static String confidence(PlanOutput o) {
        return String.format(Locale.ROOT, "confidence %.2f", o.getConfidence());
    }

    private static String shape(Plan p) {
        return p.getIntent().name().replace("INTENT_", "").toLowerCase(Locale.ROOT) + "/"
                + p.getView().name().replace("VIEW_", "").toLowerCase(Locale.ROOT);
    }

    private static String target(Plan p) {
        var primary = p.getPrimary();
        if (!primary.getCiCode().isEmpty()) {
            return " for " + primary.getCiCode() + (p.getSecondary().getCiCode().isEmpty() ? ""
                    : " and " + p.getSecondary().getCiCode());
        }
        if (primary.getCiCodesCount() > 0) {
            return " for " + count(primary.getCiCodesCount(), "CI");
        }
        if (!primary.getEntity().isEmpty()) {
            return " of " + primary.getEntity();
        }
        return primary.getMentionsCount() > 0 ? " for '" + primary.getMentions(0) + "'" : "";
    }

    private static String validate(ValidatedPlan v) {
        if (v.getAllowed()) {
            return "allowed (" + count(v.getDecisionsCount(), "check") + ")";
        }
        return "denied: " + String.join(", ", v.getDecisionsList().stream().filter(d -> "deny".equals(d.getDecision()))
                .map(PolicyDecision::getRule).distinct().toList());
    }

    private static String execute(ExecuteResponse r) {
        int rows = 0;
        int failed = 0;
        for (ToolResult t : r.getToolResultsList()) {
            rows += Math.max(t.getRowCount(), t.getRowsCount());
            failed += t.getError().isEmpty() ? 0 : 1;
        }
        return count(r.getToolResultsCount(), "result") + ", " + count(rows, "row")
                + (failed == 0 ? "" : ", " + failed + " failed") + raised(r.getTriggersList());
    }

    private static String raised(List<ReplanTrigger> triggers) {
        return triggers.isEmpty() ? "" : "; raised " + String.join(", ", triggers.stream()
                .map(ReplanTrigger::getTriggerType).distinct().toList());
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
