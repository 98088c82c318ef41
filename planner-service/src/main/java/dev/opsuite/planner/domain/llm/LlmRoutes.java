package dev.opsuite.planner.domain.llm;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.PromptAsset;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.planner.domain.TimeRanges;
import dev.opsuite.guard.PlanValidator;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a model's PlanOutput into a decision, honouring its route only within policy: a direct
 * answer or a reject only where the Prompt asset's llm_routes allow it, a direct answer that
 * names no blocked table, and a plan that passes the catalog checks and VALIDATE (budget,
 * security, RBAC) as any plan must. Problems go into {@code errors} for the model.
 */
final class LlmRoutes {
    private static final int MAX_DIRECT_CHARS = 2000;

    private LlmRoutes() {}

    static PlanDecision decide(LlmPlanOutput out, String question, String language, AssetBundle assets,
                               OffsetDateTime now, List<String> roles, PlanValidator validator, List<String> errors) {
        PromptAsset.LlmRoutes routes = assets.prompt().llmRoutes();
        double confidence = out.confidence() == null ? 0.7 : Math.max(0, Math.min(1, out.confidence()));
        String reason = "LLM planner: " + (out.reason() == null || out.reason().isBlank() ? out.kind() : clip(out.reason()));
        List<String> fired = List.of("llm:" + out.kind());
        String kind = out.kind() == null ? "" : out.kind();
        switch (kind) {
            case "direct" -> {
                String answer = out.directAnswer() == null || out.directAnswer().answer() == null ? ""
                        : out.directAnswer().answer().strip();
                if (!routes.direct()) {
                    errors.add("direct answers from the model are not allowed here; return a plan or a reject");
                } else if (answer.isEmpty() || answer.length() > MAX_DIRECT_CHARS) {
                    errors.add("direct_answer.answer must be 1-" + MAX_DIRECT_CHARS + " characters");
                } else {
                    for (String t : assets.policy().security().blockedTables()) {
                        if (Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(t) + "(?![A-Za-z0-9_])")
                                .matcher(answer).find()) {
                            errors.add("the direct answer names blocked table " + t);
                        }
                    }
                }
                return errors.isEmpty() ? new PlanDecision("direct", null, answer, null, null, confidence, reason, fired, List.of())
                        : null;
            }
            case "reject" -> {
                if (!routes.reject()) {
                    errors.add("rejects from the model are not allowed here; return a plan");
                    return null;
                }
                String why = out.rejectPayload() == null || out.rejectPayload().reason() == null
                        || out.rejectPayload().reason().isBlank() ? "" : clip(out.rejectPayload().reason().strip());
                if (why.isEmpty()) {
                    errors.add("reject_payload.reason is required for kind reject");
                    return null;
                }
                String policy = out.rejectPayload().policy() == null || out.rejectPayload().policy().isBlank()
                        ? "model" : out.rejectPayload().policy().strip();
                // marked as the model's judgement: never mistaken for a policy-asset reject
                return new PlanDecision("reject", null, null, why, "llm:" + clip(policy), confidence, reason, fired, List.of());
            }
            case "plan" -> {
                if (out.plan() == null) {
                    errors.add("plan is required for kind plan");
                    return null;
                }
                PlanModel plan = complete(out.plan(), question, language, assets, now, errors);
                if (!errors.isEmpty()) {
                    return null;
                }
                errors.addAll(LlmPlanChecks.check(plan, assets.schema()));
                PlanValidator.Result r = validator.validate(plan, assets, roles);
                r.decisions().stream().filter(d -> "deny".equals(d.decision()))
                        .forEach(d -> errors.add("policy " + d.rule() + ": " + d.reason()));
                return errors.isEmpty() ? PlanDecision.plan(plan, confidence, reason, fired) : null;
            }
            default -> {
                errors.add("kind must be plan, direct or reject, got '" + clip(kind) + "'");
                return null;
            }
        }
    }

    /** Fills what the planner, not the model, owns: time bounds, defaults, language, the question. */
    private static PlanModel complete(PlanModel p, String question, String language, AssetBundle assets,
                                      OffsetDateTime now, List<String> errors) {
        PlanModel.Metric m = p.metric();
        if (!m.timeRange().isEmpty()) {
            TimeRanges.Range r = TimeRanges.resolve(m.timeRange(), now);
            if (r == null) {
                errors.add("plan.metric.time_range '" + clip(m.timeRange()) + "' is not a named range");
                return p;
            }
            m = new PlanModel.Metric(m.metricName(), m.agg().isEmpty() ? "avg" : m.agg(), r.name(), r.from().toString(),
                    r.to().toString(), m.bucket(), m.topN(), m.order());
        } else if (!m.metricName().isEmpty()) {
            m = new PlanModel.Metric(m.metricName(), m.agg().isEmpty() ? "latest" : m.agg(), "", "", "", m.bucket(),
                    m.topN(), m.order());
        }
        PlanModel.History h = p.history();
        if (h.enabled() || !h.eventTypes().isEmpty() || !h.severities().isEmpty()) {
            String name = h.timeRange().isEmpty() ? "last_7d" : h.timeRange();
            TimeRanges.Range r = TimeRanges.resolve(name, now);
            if (r == null) {
                errors.add("plan.history.time_range '" + clip(name) + "' is not a named range");
                return p;
            }
            h = new PlanModel.History(true, h.eventTypes(), h.severities(), r.name(), r.from().toString(),
                    r.to().toString(), h.limit());
        }
        PlanModel.Graph g = p.graph();
        if ((p.intent() == Intent.EXPAND || p.intent() == Intent.PATH)) {
            String dir = !g.direction().isEmpty() ? g.direction() : switch (p.view() == null ? View.SUMMARY : p.view()) {
                case IMPACT -> "in";
                case NEIGHBORS, PATH -> "both";
                default -> "out";
            };
            int depth = g.depth() > 0 ? g.depth() : assets.prompt().rules().defaults().graphDepth();
            g = new PlanModel.Graph(depth, g.relationTypes(), dir, g.limit() > 0 ? g.limit() : 200);
        }
        List<String> blocks = p.output().blocks().isEmpty()
                ? (p.intent() == Intent.EXPAND || p.intent() == Intent.PATH ? List.of("text", "network", "table")
                        : List.of("text", "table")) : p.output().blocks();
        PlanModel.Primary pr = p.primary().entity().isEmpty() ? new PlanModel.Primary("ci", p.primary().ciCode(),
                p.primary().mentions(), p.primary().filters(), p.primary().keywords(), p.primary().limit(),
                p.primary().offset()) : p.primary();
        List<String> missing = p.missingSlots();
        boolean needsCi = p.intent() == Intent.LOOKUP || p.intent() == Intent.EXPAND || p.intent() == Intent.PATH
                || p.intent() == Intent.AGGREGATE && m.topN() == 0;
        // a document search looks for the question's own words (never the model's); a how-to question alone needs no CI
        PlanModel.Documents d = p.documents().enabled() ? new PlanModel.Documents(true, p.documents().only(), question,
                p.documents().kinds().stream().filter(PlanModel.Documents.KINDS::contains).toList()) : PlanModel.Documents.EMPTY;
        if (needsCi && !d.only() && pr.ciCode().isEmpty() && pr.mentions().isEmpty() && missing.isEmpty()) {
            missing = List.of("primary.ci");
        }
        if (d.only()) {
            missing = List.of();
        }
        // the moment it was asked, as the rules' plans carry it: COMPOSE says when a "current" value is old
        return new PlanModel(p.intent(), p.view(), pr, p.secondary(), g, m, h, new PlanModel.Output(blocks, blocks.get(0)),
                language, missing, List.of(), question, List.of(), java.util.Map.of("asked_at", now.toString()),
                List.of(), d);
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
