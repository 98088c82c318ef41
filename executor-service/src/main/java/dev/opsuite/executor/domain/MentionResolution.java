package dev.opsuite.executor.domain;

import dev.opsuite.model.PlanModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns ci_resolve rows (ci_code, ci_name, ci_type, status, matched) into the CIs the question
 * names. Longer matched aliases win; a shorter alias inside an accepted one is ignored
 * ("결제서비스" beats "결제"). One alias naming several CIs is ambiguous.
 */
final class MentionResolution {
    record Outcome(List<PlanModel.Candidate> resolved, List<PlanModel.Candidate> ambiguous) {}

    private MentionResolution() {}

    static Outcome resolve(ToolOutput rows) {
        Map<String, List<PlanModel.Candidate>> byAlias = new LinkedHashMap<>();
        for (int i = 0; i < rows.rows().size(); i++) {
            Map<String, Object> r = rows.row(i);
            String alias = String.valueOf(r.get("matched"));
            byAlias.computeIfAbsent(alias, k -> new ArrayList<>()).add(new PlanModel.Candidate(
                    String.valueOf(r.get("ci_code")), String.valueOf(r.get("ci_name")),
                    String.valueOf(r.get("ci_type")), alias));
        }
        List<String> aliases = new ArrayList<>(byAlias.keySet());
        aliases.sort((a, b) -> b.length() - a.length());
        List<String> accepted = new ArrayList<>();
        for (String a : aliases) {
            if (accepted.stream().noneMatch(x -> x.contains(a))) {
                accepted.add(a);
            }
        }
        List<PlanModel.Candidate> resolved = new ArrayList<>();
        List<PlanModel.Candidate> ambiguous = new ArrayList<>();
        for (String a : accepted) {
            List<PlanModel.Candidate> cis = byAlias.get(a);
            if (cis.size() == 1) {
                if (resolved.stream().noneMatch(c -> c.ciCode().equals(cis.get(0).ciCode()))) {
                    resolved.add(cis.get(0));
                }
            } else {
                ambiguous.addAll(cis);
            }
        }
        return new Outcome(resolved, ambiguous);
    }
}
