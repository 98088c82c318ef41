package dev.opsuite.gateway.grpc;

import dev.opsuite.conductor.Conductor;
import dev.opsuite.conductor.TraceLookup;
import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.gateway.regression.Judge;
import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.CreateGoldenQueryRequest;
import dev.opsuite.proto.v1.FetchGoldenQueryRequest;
import dev.opsuite.proto.v1.GoldenQuery;
import dev.opsuite.proto.v1.RcaRequest;
import dev.opsuite.proto.v1.RecordRegressionRunRequest;
import dev.opsuite.proto.v1.RegressionRun;
import dev.opsuite.proto.v1.RegressionTotals;
import dev.opsuite.proto.v1.RemoveGoldenQueryRequest;
import dev.opsuite.proto.v1.RunRegressionSetResponse;
import dev.opsuite.proto.v1.SaveGoldenQueryRequest;
import dev.opsuite.proto.v1.SearchGoldenQueriesRequest;
import dev.opsuite.proto.v1.SearchRegressionRunsRequest;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Regression Watch: golden queries (stored by trace-service), asked again through the conductor and
 * judged against their baselines ({@link Judge}); a fail runs a diff RCA and links it.
 */
final class GoldenApi {
    static final Pattern QUERY_ID = Pattern.compile("gq_[a-z0-9]{16}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final Pattern BOUND = Pattern.compile("([a-z]+)(/[A-Za-z0-9_.-]{1,100})?");
    private static final Set<String> EXPECTATION_KEYS = Set.of("rows_tolerance", "values_tolerance", "latency_factor",
            "pinned");
    static final int MAX_REPEAT = 10;
    static final int MAX_SET = 200;

    private final StageClients clients;
    private final Conductor conductor;
    private final TraceLookup lookup;
    private final RequestChecks checks;
    private final RcaApi rca;
    private final Supplier<PolicyAsset> policy;

    GoldenApi(StageClients clients, Conductor conductor, TraceLookup lookup, RequestChecks checks, RcaApi rca,
              Supplier<PolicyAsset> policy) {
        this.clients = clients;
        this.conductor = conductor;
        this.lookup = lookup;
        this.checks = checks;
        this.rca = rca;
        this.policy = policy;
    }

    GoldenQuery create(CreateGoldenQueryRequest r, List<String> roles) {
        String name = r.getName().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw OpsException.invalidField("name", "name is required: 1-100 characters");
        }
        String mode = dev.opsuite.model.OpsMode.of(r.getMode()).word();
        AskRequest ask = AskRequest.newBuilder().setQuestion(r.getQuestion()).setMode(mode)
                .putAllAssetOverrides(r.getAssetOverridesMap()).build();
        checks.ask(ask);
        labels(r.getTagsList(), "tags", TAG, "1-40 of [a-z0-9_-]");
        for (String b : labels(r.getBoundAssetsList(), "bound_assets", BOUND, "an asset type or type/name")) {
            bound(b, "bound_assets");
        }
        expectations(r.getExpectations());
        GoldenQuery.Builder q = GoldenQuery.newBuilder().setName(name).setQuestion(r.getQuestion()).setMode(mode)
                .putAllAssetOverrides(r.getAssetOverridesMap()).addAllTags(r.getTagsList())
                .addAllBoundAssets(r.getBoundAssetsList()).setExpectations(r.getExpectations())
                .setCreatedBy(Authenticator.currentId());
        if (r.getBaselineTraceId().isEmpty()) {
            q.setBaselineTraceId(conductor.ask(ask, roles, "/ops/golden-queries", "regression").trace().getTraceId());
        } else {
            q.setBaselineTraceId(baseline(r.getBaselineTraceId(), r.getQuestion(), "baseline_trace_id").getTraceId());
        }
        return clients.callTrace("trace-service SaveGoldenQuery", () -> clients.golden().saveGoldenQuery(
                SaveGoldenQueryRequest.newBuilder().setQuery(q).build())).getQuery();
    }

    List<GoldenQuery> list(String tag, String boundAsset) {
        if (!tag.isEmpty() && !TAG.matcher(tag).matches()) {
            throw OpsException.invalidField("tag", "tag must be 1-40 of [a-z0-9_-]");
        }
        if (!boundAsset.isEmpty()) {
            bound(boundAsset, "bound_asset");
        }
        return clients.callTrace("trace-service SearchGoldenQueries", () -> clients.golden().searchGoldenQueries(
                SearchGoldenQueriesRequest.newBuilder().setTag(tag).setBoundAsset(boundAsset).setLimit(1000).build()))
                .getQueriesList();
    }

    GoldenQuery get(String queryId) {
        id(queryId);
        return clients.callTrace("trace-service FetchGoldenQuery", () -> clients.golden().fetchGoldenQuery(
                FetchGoldenQueryRequest.newBuilder().setQueryId(queryId).build())).getQuery();
    }

    GoldenQuery setBaseline(String queryId, String traceId) {
        GoldenQuery q = get(queryId);
        Trace t = baseline(traceId, q.getQuestion(), "trace_id");
        return clients.callTrace("trace-service SaveGoldenQuery", () -> clients.golden().saveGoldenQuery(
                SaveGoldenQueryRequest.newBuilder().setQuery(q.toBuilder().setBaselineTraceId(t.getTraceId())).build()))
                .getQuery();
    }

    void delete(String queryId) {
        id(queryId);
        clients.callTrace("trace-service RemoveGoldenQuery", () -> clients.golden().removeGoldenQuery(
                RemoveGoldenQueryRequest.newBuilder().setQueryId(queryId).build()));
    }

    List<RegressionRun> runs(String queryId, int limit) {
        id(queryId);
        if (limit < 0 || limit > 500) {
            throw OpsException.invalidField("limit", "limit must be between 1 and 500 (0 = 50)");
        }
        return clients.callTrace("trace-service SearchRegressionRuns", () -> clients.golden().searchRegressionRuns(
                SearchRegressionRunsRequest.newBuilder().setQueryId(queryId).setLimit(limit).build())).getRunsList();
    }

    RegressionRun run(String queryId, Map<String, String> overrides, int repeat, List<String> roles) {
        if (repeat < 0 || repeat > MAX_REPEAT) {
            throw OpsException.invalidField("repeat", "repeat must be between 1 and " + MAX_REPEAT + " (0 = 1)");
        }
        RequestChecks.overrides(overrides);
        return run(get(queryId), overrides, Math.max(1, repeat), roles);
    }

    RunRegressionSetResponse runSet(List<String> tags, String boundAsset, Map<String, String> overrides,
                                    List<String> roles) {
        labels(tags, "tags", TAG, "1-40 of [a-z0-9_-]");
        RequestChecks.overrides(overrides);
        Map<String, GoldenQuery> chosen = new LinkedHashMap<>();
        for (String tag : tags.isEmpty() ? List.of("") : tags) {
            list(tag, boundAsset).forEach(q -> chosen.putIfAbsent(q.getQueryId(), q));
        }
        if (chosen.size() > MAX_SET) {
            throw OpsException.invalid(chosen.size() + " golden queries match; narrow the set to at most " + MAX_SET
                    + " with tags or bound_asset");
        }
        RunRegressionSetResponse.Builder out = RunRegressionSetResponse.newBuilder();
        int[] totals = new int[3];
        for (GoldenQuery q : chosen.values()) {
            stopIfCancelled(out.getRunsCount(), chosen.size());
            RegressionRun r = run(q, overrides, 1, roles);
            out.addRuns(r);
            totals[switch (r.getJudgment()) { case "pass" -> 0; case "fail" -> 1; default -> 2; }]++;
        }
        return out.setTotals(RegressionTotals.newBuilder().setPass(totals[0]).setFail(totals[1]).setWarning(totals[2]))
                .build();
    }

    /**
     * The publish gate: every golden query bound to type or type/name, run with this version as an
     * override. fail when any fails, warning when any warns, pass, or none when no query is bound.
     */
    dev.opsuite.proto.v1.GateReport gate(String type, String name, int version, List<String> roles) {
        List<GoldenQuery> bound = list("", type + "/" + name);
        dev.opsuite.proto.v1.GateReport.Builder report = dev.opsuite.proto.v1.GateReport.newBuilder()
                .setAssetType(type).setName(name).setVersion(version);
        if (bound.isEmpty()) {
            return report.setJudgment("none").setSummary("no golden query is bound to " + type + "/" + name).build();
        }
        if (bound.size() > MAX_SET) {
            throw OpsException.invalid(bound.size() + " golden queries are bound to " + type + "/" + name
                    + "; the gate runs at most " + MAX_SET);
        }
        int[] n = new int[3];
        for (GoldenQuery q : bound) {
            stopIfCancelled(report.getRunsCount(), bound.size());
            RegressionRun r = run(q, Map.of(type, name + "@" + version), 1, roles);
            report.addRuns(r);
            n[switch (r.getJudgment()) { case "pass" -> 0; case "fail" -> 1; default -> 2; }]++;
        }
        String judgment = n[1] > 0 ? "fail" : n[2] > 0 ? "warning" : "pass";
        return report.setJudgment(judgment).setSummary(bound.size() + " golden quer" + (bound.size() == 1 ? "y" : "ies")
                + " run with " + type + "/" + name + "@" + version + ": " + n[0] + " pass, " + n[2] + " warning, "
                + n[1] + " fail").build();
    }

    /**
     * A caller gone (its deadline passed, the request timed out, the connection closed) stops the run
     * before the next query: no more asks for nobody, and a gate that did not finish publishes nothing.
     */
    static void stopIfCancelled(int done, int of) {
        com.linecorp.armeria.server.ServiceRequestContext http =
                com.linecorp.armeria.server.ServiceRequestContext.currentOrNull();
        if (io.grpc.Context.current().isCancelled() || http != null && (http.isCancelled() || http.isTimedOut())) {
            throw new OpsException(dev.opsuite.model.errors.ErrorCode.DEADLINE_EXCEEDED, "the call was cancelled after "
                    + done + " of " + of + " golden queries; nothing more was run");
        }
    }

    private RegressionRun run(GoldenQuery q, Map<String, String> extra, int repeat, List<String> roles) {
        Trace base = lookup.find(q.getBaselineTraceId());
        Map<String, String> overrides = new LinkedHashMap<>(q.getAssetOverridesMap());
        overrides.putAll(extra);
        AskRequest ask = AskRequest.newBuilder().setQuestion(q.getQuestion()).setMode(q.getMode())
                .putAllAssetOverrides(overrides).build();
        PolicyAsset.Regression regression = policy.get().regression();
        Judge.Expectations x = Judge.Expectations.of(Structs.toMap(q.getExpectations()), regression.latencyFactor(),
                regression.latencyMinDeltaMs());
        List<Judge.Verdict> verdicts = new ArrayList<>();
        String candidate = "";
        for (int i = 0; i < repeat; i++) {
            Trace cand;
            try {
                cand = conductor.ask(ask, roles, "/ops/golden-queries/" + q.getQueryId() + "/run-regression",
                        "regression").trace();
            } catch (Conductor.TracedFailure f) {
                cand = lookup.find(f.traceId());
            }
            candidate = cand.getTraceId();
            verdicts.add(Judge.judge(base, cand, dev.opsuite.model.OpsMode.of(q.getMode()).isMock(), x));
        }
        Judge.Verdict last = verdicts.get(verdicts.size() - 1);
        Set<String> judgments = new LinkedHashSet<>();
        verdicts.forEach(v -> judgments.add(v.judgment()));
        String judgment = judgments.size() > 1 ? "warning" : last.judgment();
        String reason = judgments.size() > 1 ? "flaky over " + repeat + " runs (" + counts(verdicts) + "): " + last.reason()
                : last.reason() + (repeat > 1 ? " (all " + repeat + " runs)" : "");
        Map<String, Object> summary = last.summary();
        summary.put("runs", counts(verdicts));
        RegressionRun.Builder run = RegressionRun.newBuilder().setQueryId(q.getQueryId()).setJudgment(judgment)
                .setVerdictReason(reason).setDiffSummary(Structs.toStruct(summary))
                .setBaselineTraceId(base.getTraceId()).setCandidateTraceId(candidate).setRepeat(repeat)
                .putAllAssetOverrides(extra);
        if (judgment.equals("fail")) {
            String c = candidate;
            run.setRcaTraceId(rca.run(RcaRequest.newBuilder().setMode("diff").setBaselineTraceId(base.getTraceId())
                    .setCandidateTraceId(c).build(), roles).getTraceId());
        }
        return clients.callTrace("trace-service RecordRegressionRun", () -> clients.golden().recordRegressionRun(
                RecordRegressionRunRequest.newBuilder().setRun(run).build())).getRun();
    }

    private static String counts(List<Judge.Verdict> verdicts) {
        Map<String, Integer> n = new LinkedHashMap<>();
        verdicts.forEach(v -> n.merge(v.judgment(), 1, Integer::sum));
        List<String> s = new ArrayList<>();
        n.forEach((k, v) -> s.add(k + " ×" + v));
        return String.join(", ", s);
    }

    private Trace baseline(String traceId, String question, String field) {
        checks.traceId(traceId, field);
        Trace t = lookup.find(traceId);
        Authenticator.mustSee(traceId, t.getCaller());
        if (!t.getQuestion().strip().equals(question.strip())) {
            throw OpsException.invalidField(field, field + " is a trace of another question ('" + clip(t.getQuestion())
                    + "')");
        }
        return t;
    }

    private static List<String> labels(List<String> values, String field, Pattern p, String wording) {
        if (values.size() > 16) {
            throw OpsException.invalidField(field, field + ": at most 16");
        }
        for (String v : values) {
            if (!p.matcher(v).matches()) {
                throw OpsException.invalidField(field, field + ": '" + clip(v) + "' is not " + wording);
            }
        }
        return values;
    }

    private static void bound(String b, String field) {
        var m = BOUND.matcher(b);
        if (!m.matches() || dev.opsuite.model.AssetType.parse(m.group(1)).isEmpty()) {
            throw OpsException.invalidField(field, field + ": '" + clip(b) + "' is not an asset type or type/name ("
                    + dev.opsuite.model.AssetType.ALL_NAMES + ")");
        }
    }

    private static void expectations(com.google.protobuf.Struct e) {
        for (var f : e.getFieldsMap().entrySet()) {
            String k = f.getKey();
            if (!EXPECTATION_KEYS.contains(k)) {
                throw OpsException.invalidField("expectations." + clip(k), "expectations: unknown field '" + clip(k)
                        + "' (known: rows_tolerance, values_tolerance, latency_factor, pinned)");
            }
            var v = f.getValue();
            boolean ok = switch (k) {
                case "pinned" -> v.hasBoolValue();
                case "latency_factor" -> v.hasNumberValue() && v.getNumberValue() > 1 && v.getNumberValue() <= 100;
                default -> v.hasNumberValue() && v.getNumberValue() >= 0 && v.getNumberValue() <= 1;
            };
            if (!ok) {
                throw OpsException.invalidField("expectations." + k, "expectations." + k + " must be "
                        + (k.equals("pinned") ? "true or false" : k.equals("latency_factor") ? "a number above 1"
                        : "a number from 0 to 1"));
            }
        }
    }

    private static void id(String queryId) {
        if (!QUERY_ID.matcher(queryId).matches()) {
            throw OpsException.invalidField("query_id", "query_id must be gq_ and 16 lower-case letters or digits");
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
