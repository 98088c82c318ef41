package dev.opsuite.executor.domain;

import dev.opsuite.guard.DocSearchGuard;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.PolicyDocuments;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of a {@code language: search} template in EXECUTE (tool {@code doc_executor}): the
 * template's statement is filled with the plan's values (the question's words, the CI, its type),
 * bounded and checked for the caller's roles ({@link DocSearchGuard}), searched through the
 * {@link DocumentPort} (or answered by a fixture in mode mock), and each passage found becomes a
 * reference of kind {@code document} (collection, path, section, line, score). A refusal or an
 * unreadable index is the call's error, said in the answer; never "no document".
 */
final class DocCalls {
    /** The columns of a search's rows, one row per cited document (its best section). */
    static final List<String> COLUMNS = List.of("rank", "title", "section", "path", "line", "score", "passage",
            "kind", "lang", "collection");

    /** The port of an executor built without a document index: every call says so. */
    static final DocumentPort NONE = new DocumentPort() {
        @Override
        public Result search(AssetDoc source, Query query, int timeoutSeconds) {
            throw new OpsException(ErrorCode.FAILED_PRECONDITION, "this executor keeps no document index");
        }

        @Override
        public boolean syncDue(String collection, int refreshSeconds) {
            return false;
        }

        @Override
        public Synced replaceAll(String collection, List<dev.opsuite.estate.docs.DocFile> documents) {
            throw new OpsException(ErrorCode.FAILED_PRECONDITION, "this executor keeps no document index");
        }
    };

    private DocCalls() {}

    static ToolOutput run(DocumentPort port, SqlPort sql, QueryTemplate q, Map<String, Object> bound, AssetBundle assets,
                          List<String> roles, int budgetTimeout, boolean mock, java.util.Set<String> visible,
                          List<ToolCallRecord> calls, List<Evidence> evidence, String lang, List<String> preferKinds) {
        String name = q.name();
        String tool = q.tool();
        String sourceName = q.source();
        String where = mock ? "mock:" + sourceName : sourceName;
        Map<String, Object> shown = QueryParams.declared(bound, List.copyOf(bound.keySet()));
        long start = System.nanoTime();
        try {
            AssetDoc source = assets.source(sourceName)
                    .orElseThrow(() -> OpsException.invalid("query " + name + " names unknown source " + sourceName));
            SourceAsset typed = SourceAsset.of(source);
            if (!typed.isDocuments()) {
                throw OpsException.invalid("query " + name + ": a search template runs only on a Source of type "
                        + "documents, not " + sourceName);
            }
            PolicyDocuments policy = assets.policy().security().documents();
            String collection = typed.connection().literals().getOrDefault("collection", "");
            java.util.Optional<String> refused = DocSearchGuard.refusal(collection, policy, roles);
            if (refused.isPresent()) {
                throw new OpsException(ErrorCode.POLICY_DENIED, refused.get());
            }
            DocSearchGuard.Bounds b = DocSearchGuard.bounds(q, policy, typed);
            QueryTemplate.Search s = q.search();
            String text = fill(q.statement(), bound);
            DocumentPort.Query query = new DocumentPort.Query(text, str(bound, s.ciParam()),
                    str(bound, s.ciTypeParam()), s.kinds(), s.tags(), lang, b.topK(), b.passageChars(), preferKinds);
            shown.put("search", text);
            shown.put("top_k", b.topK());
            int timeout = Math.min(budgetTimeout, typed.limits().maxDurationSeconds());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("source", where);
            meta.put("collection", collection);
            SqlPort.Tabular t;
            if (mock) {
                t = Fixtures.answer(q, bound, b.topK());
            } else {
                TableDocuments.sync(port, sql, source, assets, timeout).ifPresent(n -> meta.put("table_sync", n.asMap()));
                DocumentPort.Result r = port.search(source, query, timeout);
                List<DocumentPort.Passage> shownPassages = r.passages();
                if (visible != null) {
                    // a document that applies only to CIs outside the caller's data scope is left out
                    shownPassages = r.passages().stream().filter(p -> p.cis().isEmpty()
                            || p.cis().stream().anyMatch(visible::contains)).toList();
                    meta.put("outside_scope", r.passages().size() - shownPassages.size());
                    meta.put("scoped", true);
                }
                t = rows(shownPassages);
                meta.put("documents", r.documents());
            }
            int ms = PlanExecutor.elapsed(start);
            meta.put("elapsed_ms", ms);
            cite(t, q.title() + (mock ? " (mock: fixture)" : ""), text, where, evidence);
            calls.add(new ToolCallRecord(tool, ms, PlanExecutor.withQuery(name, shown), t.rows().size()
                    + " passages returned" + (mock ? " from a mock fixture" : ""), null, where));
            return new ToolOutput(tool, name, t.columns(), t.rows(), false, meta, null, false);
        } catch (OpsException e) {
            boolean retryable = e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.DEADLINE_EXCEEDED;
            evidence.add(new Evidence("document", q.title() + " (failed)", q.statement(), shown, where));
            calls.add(new ToolCallRecord(tool, PlanExecutor.elapsed(start), PlanExecutor.withQuery(name, shown),
                    "failed", e.getMessage(), where));
            return new ToolOutput(tool, name, List.of(), List.of(), false, Map.of("source", sourceName,
                    "error_code", e.code().name()), e.getMessage(), retryable);
        }
    }

    static SqlPort.Tabular rows(List<DocumentPort.Passage> passages) {
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (DocumentPort.Passage p : passages) {
            rows.add(java.util.Arrays.asList(++rank, p.title(), p.section(), p.path(), p.line(), p.score(), p.text(),
                    p.kind(), p.lang(), p.collection()));
        }
        return new SqlPort.Tabular(COLUMNS, rows, false);
    }

    /** Each passage a reference of its own: what was cited, from where, and how well it matched. */
    private static void cite(SqlPort.Tabular t, String title, String search, String where, List<Evidence> evidence) {
        List<String> cols = t.columns();
        for (List<Object> row : t.rows()) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (String c : List.of("collection", "path", "section", "line", "score", "rank")) {
                int i = cols.indexOf(c);
                if (i >= 0 && i < row.size()) {
                    params.put(c, row.get(i));
                }
            }
            params.put("search", search);
            int p = cols.indexOf("passage");
            evidence.add(new Evidence("document", title + ": " + params.getOrDefault("path", ""),
                    p >= 0 && p < row.size() ? String.valueOf(row.get(p)) : "", params, where));
        }
        if (t.rows().isEmpty()) {
            evidence.add(new Evidence("document", title + " (no passage matched)", search, Map.of("search", search),
                    where));
        }
    }

    private static final java.util.regex.Pattern PARAM = java.util.regex.Pattern.compile("\\{([a-z_]+)}");

    /** The statement with each {param} replaced by its bound value (a list: its items, space-separated). */
    static String fill(String statement, Map<String, Object> bound) {
        java.util.regex.Matcher m = PARAM.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = bound.get(m.group(1));
            String s = v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList())
                    : v == null ? "" : String.valueOf(v);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(s));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static String str(Map<String, Object> bound, String param) {
        Object v = bound.get(param);
        return v == null ? "" : String.valueOf(v);
    }
}
