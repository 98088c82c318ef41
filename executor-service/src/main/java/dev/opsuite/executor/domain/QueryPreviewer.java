package dev.opsuite.executor.domain;

import dev.opsuite.guard.ScopedTemplates;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Map;

/**
 * Query preview: runs one template of a Query asset against its source, read-only (the same
 * adapters and sessions as EXECUTE), with typed parameters, at most {@link #MAX_ROWS} rows and
 * under the source's and the policy's time limits. The policy check itself (SQL parsed against
 * the Policy) is VALIDATE's and runs before, in planner-service.
 */
public final class QueryPreviewer {
    public static final int DEFAULT_ROWS = 50;
    public static final int MAX_ROWS = 1_000;

    private final SqlPort sql;
    private final GraphPort graph;
    private final RedisPort redis;
    private final DocumentPort documents;

    public QueryPreviewer(SqlPort sql, GraphPort graph) {
        this(sql, graph, RedisCalls.NONE);
    }

    public QueryPreviewer(SqlPort sql, GraphPort graph, RedisPort redis) {
        this(sql, graph, redis, DocCalls.NONE);
    }

    public QueryPreviewer(SqlPort sql, GraphPort graph, RedisPort redis, DocumentPort documents) {
        this.documents = documents;
        this.sql = sql;
        this.graph = graph;
        this.redis = redis;
    }

    public record Preview(String language, String statement, Map<String, Object> params, List<String> columns,
                          List<List<Object>> rows, boolean truncated, int durationMs, int maxRows,
                          int timeoutSeconds, String source) {}

    public Preview preview(QueryAsset queryAsset, String queryName, AssetDoc source, PolicyAsset policy,
                           Map<String, Object> given, int requestedRows, int requestedTimeout) {
        return preview(queryAsset, queryName, source, policy, given, requestedRows, requestedTimeout, () -> { });
    }

    /** @param guard runs once the request is known to be well formed, before any statement runs; it may refuse */
    public Preview preview(QueryAsset queryAsset, String queryName, AssetDoc source, PolicyAsset policy,
                           Map<String, Object> given, int requestedRows, int requestedTimeout, Runnable guard) {
        if (requestedRows < 0 || requestedRows > MAX_ROWS) {
            throw OpsException.invalid("max_rows must be between 1 and " + MAX_ROWS);
        }
        if (requestedTimeout < 0) {
            throw OpsException.invalid("timeout_seconds must not be negative");
        }
        QueryTemplate q = queryAsset.template(queryName)
                .orElseThrow(() -> OpsException.notFound("query asset has no template '" + queryName + "'"));
        if (!q.source().equals(source.name())) {
            throw OpsException.invalid("template " + queryName + " runs on source " + q.source()
                    + ", not " + source.name());
        }
        String language = q.language();
        if (!"sql".equals(language) && !"cypher".equals(language) && !"redis".equals(language)
                && !"search".equals(language)) {
            throw OpsException.invalid("template " + queryName + " has unsupported language " + language);
        }
        if ("search".equals(language)) {
            return search(q, source, policy, given, requestedTimeout, guard);
        }
        String statement = "sql".equals(language) || "cypher".equals(language) ? Variants.statement(q, source, sql, given)
                : q.statement();
        for (String own : List.of(ScopedTemplates.ALL, ScopedTemplates.CODES)) {
            if (given.containsKey(own)) {
                throw OpsException.invalid("params." + own + " is the caller's data scope; the executor binds it, "
                        + "a preview cannot set it");
            }
        }
        Map<String, Object> withScope = new java.util.LinkedHashMap<>(given);
        q.params().forEach(p -> { // a preview runs for a caller who sees every CI (see SourceRpcs)
            if (ScopedTemplates.ALL.equals(p.name())) {
                withScope.put(ScopedTemplates.ALL, true);
            } else if (ScopedTemplates.CODES.equals(p.name())) {
                withScope.put(ScopedTemplates.CODES, List.of());
            }
        });
        if ("redis".equals(language)) {
            RedisCalls.withDefaults(q, Map.of()).forEach((k, v) -> {
                if (!withScope.containsKey(k) && v instanceof java.time.OffsetDateTime time) {
                    withScope.put(k, time.toString()); // e.g. a heartbeat cut-off: now minus its declared seconds
                }
            });
        }
        Map<String, Object> bound = TemplateParams.bind(q, statement, language, withScope);
        SourceAsset.Limits limits = SourceAsset.of(source).limits();
        int maxRows = Math.min(requestedRows == 0 ? DEFAULT_ROWS : requestedRows,
                Math.min(limits.maxRows(), q.maxRows().orElse(MAX_ROWS)));
        int limit = Math.min(limits.maxDurationSeconds(), policy.budget().timeoutSeconds());
        int timeout = Math.max(1, requestedTimeout == 0 ? limit : Math.min(requestedTimeout, limit));
        guard.run();
        long start = System.nanoTime();
        if ("redis".equals(language)) {
            dev.opsuite.guard.RedisTemplates.Bound command = RedisBounds.apply(dev.opsuite.guard.RedisTemplates.bind(
                    statement, bound, policy.security().redis(), List.of(), limits.maxKeys()), maxRows);
            SqlPort.Tabular t = RedisResults.map(q.result(), redis.run(source, command, maxRows, timeout), bound);
            return new Preview(language, command.display(), TemplateParams.printable(bound), t.columns(), t.rows(),
                    t.truncated(), (int) ((System.nanoTime() - start) / 1_000_000), maxRows, timeout, source.ref());
        }
        SqlPort.Tabular t = "cypher".equals(language)
                ? graph.query(source, statement, bound, maxRows, timeout)
                : sql.query(source, statement, bound, maxRows, timeout);
        int ms = (int) ((System.nanoTime() - start) / 1_000_000);
        return new Preview(language, statement, TemplateParams.printable(bound), t.columns(), t.rows(), t.truncated(),
                ms, maxRows, timeout, source.ref());
    }

    /**
     * A search template's preview: its statement filled with the given values (a string each, e.g.
     * {@code question}, {@code ci_code}), bounded as EXECUTE bounds it, searched for a caller who may read
     * every collection the Policy allows.
     */
    private Preview search(QueryTemplate q, AssetDoc source, PolicyAsset policy, Map<String, Object> given,
                           int requestedTimeout, Runnable guard) {
        SourceAsset typed = SourceAsset.of(source);
        if (!typed.isDocuments()) {
            throw OpsException.invalid("a search template runs only on a Source of type documents, not " + source.name());
        }
        Map<String, Object> bound = new java.util.LinkedHashMap<>();
        q.params().forEach(p -> {
            Object v = given.get(p.name());
            bound.put(p.name(), v == null ? "" : String.valueOf(v));
        });
        dev.opsuite.guard.DocSearchGuard.Bounds b = dev.opsuite.guard.DocSearchGuard.bounds(q,
                policy.security().documents(), typed);
        QueryTemplate.Search s = q.search();
        String text = DocCalls.fill(q.statement(), bound);
        int limit = Math.min(typed.limits().maxDurationSeconds(), policy.budget().timeoutSeconds());
        int timeout = Math.max(1, requestedTimeout == 0 ? limit : Math.min(requestedTimeout, limit));
        guard.run();
        long start = System.nanoTime();
        DocumentPort.Result r = documents.search(source, new DocumentPort.Query(text,
                String.valueOf(bound.getOrDefault(s.ciParam(), "")),
                String.valueOf(bound.getOrDefault(s.ciTypeParam(), "")), s.kinds(), s.tags(), "", b.topK(), b.passageChars()),
                timeout);
        SqlPort.Tabular t = DocCalls.rows(r.passages());
        return new Preview("search", text, bound, t.columns(), t.rows(), false,
                (int) ((System.nanoTime() - start) / 1_000_000), b.topK(), timeout, source.ref());
    }
}
