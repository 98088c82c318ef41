package dev.opsuite.executor.domain;

import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of a {@code language: redis} template in EXECUTE: the template is bound and checked
 * against the Policy for the caller's roles ({@link RedisTemplates}), bounded ({@link RedisBounds}),
 * recorded as a reference of kind {@code redis} with the exact command and its arguments, run
 * through the {@link RedisPort} (or answered by a fixture in mode mock) and mapped to the template's
 * columns ({@link RedisResults}). A refusal, an unreachable server or a server error is the call's
 * error, said in the answer; never an empty result.
 */
final class RedisCalls {
    /** The port of an executor built without a Redis adapter: every call says so. */
    static final RedisPort NONE = (source, command, maxRows, timeout) -> {
        throw new OpsException(ErrorCode.FAILED_PRECONDITION, "this executor has no Redis adapter");
    };

    private RedisCalls() {}

    static ToolOutput run(RedisPort port, QueryTemplate q, Map<String, Object> bound, AssetBundle assets, List<String> roles,
                          int budgetTimeout, boolean mock, Set<String> visible, List<ToolCallRecord> calls,
                          List<Evidence> evidence) {
        String name = q.name();
        String tool = q.tool();
        String sourceName = q.source();
        String where = mock ? "mock:" + sourceName : sourceName;
        Map<String, Object> values = withDefaults(q, bound);
        Map<String, Object> shown = QueryParams.declared(values, List.copyOf(values.keySet()));
        long start = System.nanoTime();
        boolean referenced = false;
        try {
            AssetDoc source = assets.source(sourceName)
                    .orElseThrow(() -> OpsException.invalid("query " + name + " names unknown source " + sourceName));
            SourceAsset.Limits limits = SourceAsset.of(source).limits();
            int maxRows = Math.min(limits.maxRows(), q.maxRows().orElse(QueryParams.DEFAULT_LIMIT));
            RedisTemplates.Bound command = RedisBounds.apply(RedisTemplates.bind(q.statement(), values,
                    assets.policy().security().redis(), roles, limits.maxKeys()), maxRows);
            Map<String, Object> reference = new LinkedHashMap<>(shown);
            reference.put("command", command.command());
            reference.put("args", command.args());
            evidence.add(new Evidence("redis", q.title() + (mock ? " (mock: fixture)" : ""),
                    command.display(), reference, where));
            referenced = true;
            shown.put("command", command.display());
            int timeout = Math.min(budgetTimeout, limits.maxDurationSeconds());
            SqlPort.Tabular t = mock ? Fixtures.answer(q, bound, maxRows)
                    : RedisResults.map(q.result(), port.run(source, command, maxRows, timeout), values);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("source", where);
            if (visible != null) {
                int before = t.rows().size();
                t = ScopeCheck.redisRows(q, t, visible);
                meta.put("outside_scope", before - t.rows().size());
                meta.put("scoped", true);
            }
            int ms = PlanExecutor.elapsed(start);
            meta.put("elapsed_ms", ms);
            calls.add(new ToolCallRecord(tool, ms, PlanExecutor.withQuery(name, shown), t.rows().size() + " rows returned"
                    + (t.truncated() ? " (truncated)" : "") + (mock ? " from a mock fixture" : ""), null, where));
            return new ToolOutput(tool, name, t.columns(), t.rows(), t.truncated(), meta, null, false);
        } catch (OpsException e) {
            if (!referenced) {
                // refused before it could be bound: the reference is the template itself
                evidence.add(new Evidence("redis", q.title() + " (refused)", q.statement(), shown, where));
            }
            boolean retryable = !(e instanceof dev.opsuite.model.errors.KnownDownException)
                    && (e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.DEADLINE_EXCEEDED);
            calls.add(new ToolCallRecord(tool, PlanExecutor.elapsed(start), PlanExecutor.withQuery(name, shown),
                    "failed", e.getMessage(), where));
            return new ToolOutput(tool, name, List.of(), List.of(), false, Map.of("source", sourceName,
                    "error_code", e.code().name()), e.getMessage(), retryable);
        }
    }

    /**
     * A declared parameter the plan left unset takes its {@code default_seconds_ago} (a time that
     * many seconds before now, e.g. the heartbeat cut-off of 300 s) or its {@code default} (e.g. the
     * CI type whose heartbeats are read) when the template declares one.
     */
    static Map<String, Object> withDefaults(QueryTemplate q, Map<String, Object> bound) {
        Map<String, Object> out = new LinkedHashMap<>(bound);
        for (QueryTemplate.Param p : q.params()) {
            String n = p.name();
            Object v = out.get(n);
            boolean unset = v == null || "".equals(v);
            if (unset && p.defaultSecondsAgo().isPresent()) {
                out.put(n, OffsetDateTime.now(ZoneOffset.UTC).withNano(0)
                        .minusSeconds(p.defaultSecondsAgo().getAsLong()));
            } else if (unset && p.byDefault().filter(d -> d.isValueNode()).isPresent()) {
                var d = p.byDefault().get();
                out.put(n, d.isTextual() ? d.asText() : d.numberValue());
            }
        }
        return out;
    }
}
