package dev.opsuite.gateway.rca;

import dev.opsuite.llm.Grounding;
import dev.opsuite.proto.v1.RcaEvidence;
import dev.opsuite.proto.v1.RcaHypothesis;
import dev.opsuite.proto.v1.RcaResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps of a model-written RCA narrative only the sentences that restate the analysis: every number,
 * time and name-like word (a word with a digit, hyphen, underscore, dot or @: SVR001, payment-api,
 * ci_queries@2, stage_outputs) in a kept sentence is found in the hypotheses' titles, rules,
 * confidences or evidence (stage, path, observed value), or is a rank or the number of hypotheses. A
 * sentence that names anything else is dropped whole: the model may narrate, never add a claim.
 * The check itself is llm-client's {@link Grounding}, the one answer summaries use.
 */
final class NarrativeGrounding {
    /** A sentence ends at . ! ? or 。 before white space, or at a line break (decimals and names stay whole). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\s*\\n+\\s*");

    /** kept: the grounded sentences, in order; dropped: each dropped sentence with what was not found. */
    record Outcome(String kept, List<String> dropped) {}

    private NarrativeGrounding() {}

    static Outcome check(String narrative, RcaResult r) {
        List<String> texts = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        numbers.add(BigDecimal.valueOf(r.getTotalHypotheses()));
        numbers.add(BigDecimal.valueOf(r.getHypothesesCount()));
        for (RcaHypothesis h : r.getHypothesesList()) {
            numbers.add(BigDecimal.valueOf(h.getRank()));
            texts.add(h.getTitle());
            texts.add(h.getRule());
            texts.add(h.getConfidence());
            for (RcaEvidence e : h.getEvidenceList()) {
                texts.add(e.getStage());
                texts.add(e.getPath());
                texts.add(e.getObserved());
            }
        }
        numbers.addAll(Grounding.numbersIn(String.join("\n", texts)));
        StringBuilder kept = new StringBuilder();
        List<String> dropped = new ArrayList<>();
        for (String part : SENTENCE_END.split(narrative.strip())) {
            String sentence = part.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            Set<String> missing = Grounding.ungrounded(sentence, texts, numbers);
            if (missing.isEmpty()) {
                kept.append(kept.length() == 0 ? "" : " ").append(sentence);
            } else {
                dropped.add("\"" + clip(sentence) + "\" (not in the evidence: " + String.join(", ", missing) + ")");
            }
        }
        return new Outcome(kept.toString(), dropped);
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
