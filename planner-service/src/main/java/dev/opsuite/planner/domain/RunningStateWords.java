package dev.opsuite.planner.domain;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.planner.domain.understand.Claim;
import dev.opsuite.planner.domain.understand.Signals;
import java.util.List;
import java.util.Optional;

/** The running state a hosting word implies of the CIs it lists (moved out of {@link PlanBuilder}, unchanged). */
final class RunningStateWords {
    private RunningStateWords() {}

    /**
     * "돌고 있는 VM 몇 대": a hosting word with no host named, right before a CI type, says the CIs are running
     * (rules.running_state), unless the question names a state of its own.
     */
    static List<PlanModel.Filter> filters(Signals s, PromptRules rules, List<PlanModel.Filter> filters, boolean named) {
        Optional<Claim> runs = s.intentClaim("runs_on");
        String[] state = rules.runningState().split("=", 2);
        if (named || runs.isEmpty() || state.length < 2 || filters.stream().anyMatch(f -> f.field().equals(state[0]))) {
            return filters;
        }
        boolean beforeType = s.understanding().claims().stream()
                .filter(c -> c.span().start() >= runs.get().span().end() && !c.kind().equals("function"))
                .min(java.util.Comparator.comparingInt(c -> c.span().start()))
                .filter(c -> c.kind().equals("entity_type") || c.kind().equals("enum") && c.value().contains(".ci_type="))
                .isPresent();
        if (!beforeType) {
            return filters;
        }
        List<PlanModel.Filter> out = new java.util.ArrayList<>(filters);
        out.add(new PlanModel.Filter(state[0], "eq", List.of(state[1])));
        return out;
    }
}
