package dev.opsuite.planner.domain;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.planner.domain.understand.Folding;
import dev.opsuite.planner.domain.understand.Signals;
import java.util.ArrayList;
import java.util.List;

/**
 * "payment-api 재시작 절차는?", "what does alert HighErrorRate mean?": a question asking for a runbook,
 * a procedure, the meaning of an alert or the lessons of an incident (intent words {@code document})
 * searches the documents with its own words — alone when it asks for nothing else, beside the data
 * otherwise ("what is impacted if payment-db fails and what is its runbook?"). The kinds it prefers
 * come from rules.documents.kinds (words of the question).
 */
final class DocumentQuestions {
    private DocumentQuestions() {}

    static PlanModel apply(PlanModel p, String question, PromptRules.Documents documents, Signals s) {
        if (!s.intent("document") || s.onlyInContext("document")) {
            return p; // "we're putting the postmortem together, so: what was the maximum error rate of X"
        }
        boolean data = p.intent() == Intent.EXPAND || p.intent() == Intent.PATH || p.intent() == Intent.AGGREGATE
                || !p.metric().metricName().isEmpty() || p.history().enabled() || p.output().count();
        String folded = Folding.fold(question);
        List<String> kinds = new ArrayList<>();
        documents.kinds().forEach((kind, words) -> {
            for (String w : words) {
                if (folded.contains(Folding.fold(w))) {
                    kinds.add(kind);
                    break;
                }
            }
        });
        // "what does X mean", "X 알림 의미": what a word means is answered by the documents alone
        boolean meaning = false;
        for (String w : documents.onlyWords()) {
            meaning |= folded.contains(Folding.fold(w));
        }
        boolean only = !data || meaning;
        PlanModel d = p.withDocuments(new PlanModel.Documents(true, only, question, kinds));
        // the documents alone need no CI: one the question names only ranks those that apply to it higher
        return only ? d.withSlots(d.primary(), d.secondary(), List.of(), d.candidates()) : d;
    }
}
