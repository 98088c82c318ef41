package dev.opsuite.gateway.rca;

import dev.opsuite.llm.LlmCallLog;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmException;
import dev.opsuite.llm.LlmMessage;
import dev.opsuite.llm.LlmReply;
import dev.opsuite.llm.LlmRequest;
import dev.opsuite.proto.v1.RcaEvidence;
import dev.opsuite.proto.v1.RcaHypothesis;
import dev.opsuite.proto.v1.RcaResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * options.use_llm: a short narrative of an analysis, written by the language model from the ranked
 * hypotheses' titles, confidences and evidence only, and kept sentence by sentence where
 * {@link NarrativeGrounding} finds everything it names in them. Every way of not having one (no model
 * configured, the call failed, nothing grounded, nothing to narrate) is a reason, which the summary
 * block states; the narrative never adds a hypothesis, and the scores stay the rules'.
 */
public final class RcaNarrator {
    public static final String TOOL = "llm_rca_narrative";
    private static final int MAX_INPUT_CHARS = 8_000;
    private final Optional<LlmClient> client;

    public RcaNarrator(Optional<LlmClient> client) {
        this.client = client;
    }

    /**
     * text: the grounded narrative, empty when there is none; unavailable: why there is none; dropped:
     * the sentences left out; call: the model call for the trace (absent when none was made).
     */
    public record Narrative(String text, String unavailable, List<String> dropped, Optional<LlmCallLog> call) {
        static Narrative none(String why) {
            return new Narrative("", why, List.of(), Optional.empty());
        }
    }

    /** budgetNotice: set when the caller's daily language-model budget is used up. */
    public Narrative narrate(RcaResult result, Optional<String> budgetNotice, Instant deadline) {
        if (client.isEmpty()) {
            return Narrative.none("no language model is configured (OPS_LLM_MODEL); every hypothesis here comes from "
                    + "the rules");
        }
        if (budgetNotice.isPresent()) {
            return Narrative.none("today's language-model budget of the caller is used up (OPS_LLM_DAILY_TOKENS)");
        }
        if (result.getHypothesesCount() == 0) {
            return Narrative.none("the analysis abstained; there is no hypothesis to narrate");
        }
        LlmClient llm = client.get();
        LlmRequest request = new LlmRequest(List.of(
                LlmMessage.system("You explain a root-cause analysis of an execution trace to an IT operator, in "
                        + "English, in at most five short sentences. Restate only the hypotheses and evidence given: "
                        + "their titles, confidences and observed values. Add no cause, number, name or advice that is "
                        + "not in them, and keep their order."),
                LlmMessage.user(material(result))), null, null, false, 0.0, 300, deadline);
        try {
            LlmReply reply = llm.complete(request);
            NarrativeGrounding.Outcome g = NarrativeGrounding.check(reply.content(), result);
            String why = g.kept().isEmpty() ? "no sentence of the model's narrative was grounded in the evidence"
                    + (g.dropped().isEmpty() ? " (it was empty)" : "") : "";
            String summary = g.kept().isEmpty() ? "narrative dropped: " + why
                    : g.dropped().isEmpty() ? "grounded narrative used"
                    : "grounded narrative used; " + g.dropped().size() + " sentence(s) dropped";
            return new Narrative(g.kept(), why, g.dropped(),
                    Optional.of(LlmCallLog.ok(TOOL, llm, request, reply, summary)));
        } catch (LlmException e) {
            return new Narrative("", "the language model did not answer: " + llm.masker().mask(e.summary()), List.of(),
                    Optional.of(LlmCallLog.failed(TOOL, llm, request, e)));
        }
    }

    /** The hypotheses as the model gets them: what the narrative may say, nothing else. */
    static String material(RcaResult r) {
        StringBuilder sb = new StringBuilder("Mode: ").append(r.getMode()).append("; hypotheses found: ")
                .append(r.getTotalHypotheses()).append('\n');
        for (RcaHypothesis h : r.getHypothesesList()) {
            sb.append("Rank ").append(h.getRank()).append(": ").append(h.getTitle()).append(" — confidence ")
                    .append(h.getConfidence()).append(" (rule ").append(h.getRule()).append(")\n");
            for (RcaEvidence e : h.getEvidenceList()) {
                sb.append("  evidence ").append(e.getStage()).append(' ').append(e.getPath()).append(": ")
                        .append(e.getObserved()).append('\n');
            }
        }
        return sb.length() > MAX_INPUT_CHARS ? sb.substring(0, MAX_INPUT_CHARS) : sb.toString();
    }
}
