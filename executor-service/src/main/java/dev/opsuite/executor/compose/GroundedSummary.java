package dev.opsuite.executor.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.llm.LlmCallLog;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmException;
import dev.opsuite.llm.LlmMessage;
import dev.opsuite.llm.LlmReply;
import dev.opsuite.llm.LlmRequest;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.MappingAsset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The optional LLM summary of COMPOSE (Mapping asset "summary"): the model writes the answer's
 * text from the tool results only; the text is kept only when every number and CI name in it is
 * found in those results ({@link Grounding}), else the template text stays and low_evidence is
 * raised. Over a document search's passages every sentence must cite the passage it comes from and
 * say what it says ({@link DocGrounding}); a sentence that does not is left out.
 */
public final class GroundedSummary {
    public static final String TOOL = "llm_summary";
    private static final int MAX_RESULT_CHARS = 12_000;
    private final LlmClient client;

    public GroundedSummary(LlmClient client) {
        this.client = client;
    }

    /** text: the grounded summary, empty when dropped or failed; ungrounded: what was not found; error: why no text. */
    public record Outcome(Optional<String> text, LlmCallLog call, List<String> ungrounded, String error) {}

    public static boolean enabled(MappingAsset mapping) {
        return mapping.summary().enabled();
    }

    public Outcome summarize(PlanModel plan, List<ToolOutput> outputs, String templateText, MappingAsset mapping,
                             Instant deadline) {
        MappingAsset.Summary cfg = mapping.summary();
        int maxRows = cfg.maxRows();
        StringBuilder results = new StringBuilder();
        for (ToolOutput o : outputs) {
            if ("doc_executor".equals(o.tool())) {
                continue; // its passages are quoted below, numbered as the answer cites them
            }
            results.append("## ").append(o.queryName()).append(" columns ").append(o.columns()).append('\n');
            o.rows().stream().limit(maxRows).forEach(r -> {
                JsonNode row = ModelJson.MAPPER.valueToTree(r);
                results.append(row.toString()).append('\n');
            });
            if (o.rows().size() > maxRows) {
                results.append("(").append(o.rows().size() - maxRows).append(" more rows not shown)\n");
            }
        }
        String data = results.length() > MAX_RESULT_CHARS ? results.substring(0, MAX_RESULT_CHARS) : results.toString();
        String language = plan.isKorean() ? "Korean" : "English";
        List<String> passages = DocGrounding.passages(outputs);
        if (!passages.isEmpty()) {
            StringBuilder quoted = new StringBuilder("\nPassages:\n");
            for (int i = 0; i < passages.size(); i++) {
                quoted.append('[').append(i + 1).append("] ").append(passages.get(i)).append('\n');
            }
            data = data + quoted;
        }
        String cite = passages.isEmpty() ? "" : " Answer from the passages only: end every sentence with the number of "
                + "the passage it comes from in brackets, e.g. [1]; a sentence without one is dropped.";
        LlmRequest request = new LlmRequest(List.of(
                LlmMessage.system(cfg.systemPrompt()
                        + " Write in " + language + ". Use only values present in the results." + cite),
                LlmMessage.user("Question: " + plan.normalizedQuestion() + "\nTemplate answer: " + templateText
                        + "\nResults:\n" + data)),
                null, null, false, cfg.temperature(), cfg.maxTokens(), deadline);
        try {
            LlmReply reply = client.complete(request);
            String text = reply.content().strip();
            List<String> dropped = List.of();
            if (!passages.isEmpty()) {
                // over documents, every sentence must come from the passage it cites; the others are left out
                DocGrounding.Kept kept = DocGrounding.keep(text, passages);
                text = kept.text();
                dropped = kept.dropped();
            }
            List<String> ungrounded = text.isEmpty() ? List.of(dropped.isEmpty() ? "(empty summary)"
                    : "no sentence traceable to a cited passage") : Grounding.ungrounded(text, outputs, plan);
            boolean keep = ungrounded.isEmpty() && !"length".equals(reply.finishReason());
            String summary = (keep ? "grounded summary used"
                    : "summary dropped: " + (ungrounded.isEmpty() ? "cut off (finish_reason length)"
                    : "not in the results: " + String.join(", ", ungrounded)))
                    + (dropped.isEmpty() ? "" : "; sentences left out: " + String.join("; ", dropped));
            return new Outcome(keep ? Optional.of(text) : Optional.empty(),
                    LlmCallLog.ok(TOOL, client, request, reply, summary), ungrounded, keep ? "" : summary);
        } catch (LlmException e) {
            return new Outcome(Optional.empty(), LlmCallLog.failed(TOOL, client, request, e), List.of(),
                    client.masker().mask(e.summary()));
        }
    }
}
