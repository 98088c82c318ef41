package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.asset.Text;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an answer says when a tool it needed failed: which store, which source, and what could not
 * be answered because of it, in the question's language (Mapping asset: {@code messages.stores},
 * {@code messages.tool_failed}, each rule's {@code unanswered}). It never reads as "no data": that
 * wording is only for a query that ran and returned nothing. The block is of type {@code warning}.
 */
public final class ToolFailures {
    static final String WARNING = "warning";

    private ToolFailures() {}

    /** Why a tool failed, for the wording: unavailable | timeout | failed. */
    static String reason(ToolOutput out) {
        Object code = out.meta().get("error_code");
        if ("UNAVAILABLE".equals(code)) {
            return "unavailable";
        }
        if ("DEADLINE_EXCEEDED".equals(code)) {
            return "timeout";
        }
        return code == null && out.retryable() ? "unavailable" : "failed";
    }

    /** The warning for one failed query; {@code rule} is its Mapping rule (may be null). */
    static Block of(ToolOutput out, MappingAsset.Rule rule, MappingAsset.Messages messages, Map<String, String> vars,
                    String lang) {
        String reason = reason(out);
        String what = rule == null ? "" : Templates.stripUnfilled(Templates.fill(rule.unanswered().in(lang), vars));
        if (what.isEmpty()) {
            what = "ko".equals(lang) ? "이 부분" : MappingAsset.Rule.DEFAULT_UNANSWERED;
        }
        String text = text(messages.toolFailed(reason), out, messages, vars, lang, what);
        if (text.isEmpty()) {
            text = store(out.tool(), messages, lang) + " (" + source(out) + ") could not be read, so " + what
                    + " could not be answered.";
        }
        return new Block(WARNING, "", text, data(out, reason));
    }

    /** The warning when the CI name lookup failed: the names could not be looked up (not "no CI matches"). */
    static Block resolve(ToolOutput out, MappingAsset.Messages messages, Map<String, String> vars, String lang) {
        boolean down = reason(out).equals("unavailable");
        String text = text(messages.toolFailed(down ? "resolve" : "resolve_failed"), out, messages, vars, lang, "");
        if (text.isEmpty()) {
            text = store(out.tool(), messages, lang) + " (" + source(out) + (down ? ") is unavailable" : ") failed")
                    + ", so the CI named in the question could not be looked up.";
        }
        return new Block(WARNING, "", text, data(out, reason(out)));
    }

    /** The warning when the language-model summary failed and the template text stands instead. */
    public static Block summary(String error, MappingAsset.Messages messages, String lang) {
        Map<String, String> v = Map.of("store", store(GroundedSummary.TOOL, messages, lang));
        String text = Templates.fill(messages.toolFailed("summary").in(lang), v);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tool", "llm_summary");
        data.put("reason", "failed");
        data.put("error", error);
        return new Block(WARNING, "", text.isEmpty() ? "The language-model summary failed; the answer below is the "
                + "template text." : text, data);
    }

    private static String text(Text template, ToolOutput out, MappingAsset.Messages messages,
                               Map<String, String> vars, String lang, String what) {
        Map<String, String> v = new HashMap<>(vars);
        v.put("store", store(out.tool(), messages, lang));
        v.put("source", source(out));
        v.put("what", what);
        String t = Templates.stripUnfilled(Templates.fill(template.in(lang), v));
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String store(String tool, MappingAsset.Messages messages, String lang) {
        String s = messages.store(tool).in(lang);
        return !s.isEmpty() ? s : "ko".equals(lang) ? "데이터 소스" : "the data source";
    }

    private static String source(ToolOutput out) {
        return String.valueOf(out.meta().getOrDefault("source", "?"));
    }

    private static Map<String, Object> data(ToolOutput out, String reason) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("tool", out.tool());
        d.put("query", out.queryName());
        d.put("source", source(out));
        d.put("reason", reason);
        return d;
    }
}
