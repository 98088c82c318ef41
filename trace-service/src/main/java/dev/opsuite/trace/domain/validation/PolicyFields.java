package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.BOOLEAN;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.NUMBER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.either;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.incident.DetectorSetting;
import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.model.asset.DataAccess;
import dev.opsuite.model.asset.PolicyAsset.Budget;
import dev.opsuite.model.asset.PolicyAsset.Rca;
import dev.opsuite.model.asset.PolicyAsset.Regression;
import dev.opsuite.model.asset.PolicyAsset.Replan;
import dev.opsuite.model.AssetType;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a Policy asset: budget, replan limits, RBAC and data access here, security in
 * {@link PolicySecurityFields}.
 */
final class PolicyFields {
    private PolicyFields() {}

    static AssetSpec spec() {
        List<AssetSpec.Group> groups = new ArrayList<>();
        groups.add(budget());
        groups.addAll(PolicySecurityFields.groups());
        groups.add(replan());
        groups.add(rbac());
        groups.add(dataAccess());
        groups.add(rca());
        groups.add(anomaly());
        return new AssetSpec(AssetType.POLICY,
                "What the product may do and for whom: the budget of one plan, what statements may read, which "
                        + "questions are refused, the control loop's retry limits, which roles may ask what and "
                        + "call which operations, and which CIs each role may see.",
                "PLAN (planner-service: refusals, depth limit, LLM retries); VALIDATE (plan-guard: budget, "
                        + "statements, RBAC, data scope); EXECUTE (executor-service: timeout, checks run again, data "
                        + "scope); the gateway (`rbac.operations`, the control loop's `replan` limits).",
                groups);
    }

    private static AssetSpec.Group budget() {
        return group("Budget",
                Field.assetName(),
                field("budget", OBJECT, "Limits on one plan."),
                field("budget.max_steps", INTEGER, "Most templates one plan may run; more is a VALIDATE deny.")
                        .min(1).byDefault(Budget.DEFAULT_MAX_STEPS),
                field("budget.max_depth", INTEGER, "Deepest graph expansion: deeper plans are clamped to it, and the "
                        + "LLM planner is told.").min(1).byDefault(Budget.DEFAULT_MAX_DEPTH),
                field("budget.timeout_seconds", INTEGER, "Longest one query may run (a source's "
                        + "`limits.max_duration_seconds` bounds it too).").min(1)
                        .byDefault(Budget.DEFAULT_TIMEOUT_SECONDS));
    }

    private static AssetSpec.Group replan() {
        return group("Replan",
                field("replan", OBJECT, "Limits of the control loop that retries and replans."),
                field("replan.max_replans", INTEGER, "Replans after an empty result before that answer stands.")
                        .min(0).byDefault(Replan.DEFAULT_MAX_REPLANS),
                field("replan.max_internal_retries", INTEGER, "Retries of a query whose store failed transiently; "
                        + "also the LLM planner's attempts to correct an invalid plan.").min(0)
                        .byDefault(Replan.DEFAULT_MAX_INTERNAL_RETRIES),
                field("replan.auto_retry", BOOLEAN, "Not read by this version: transient failures are always "
                        + "retried up to `max_internal_retries`."));
    }

    private static AssetSpec.Group rca() {
        return group("RCA",
                field("rca", OBJECT, "Thresholds of root-cause analysis (`POST /ops/rca`): each rule scores its "
                        + "hypothesis 0..1 in code; these turn scores into confidences and decide when to abstain."),
                field("rca.min_score", NUMBER, "Hypotheses scoring below it are not reported; with none left the "
                        + "analysis abstains.").between(0, 1).byDefault(Rca.DEFAULT_MIN_SCORE),
                field("rca.high", NUMBER, "Score from which a hypothesis is HIGH confidence.").between(0, 1)
                        .byDefault(Rca.DEFAULT_HIGH),
                field("rca.medium", NUMBER, "Score from which it is MEDIUM (below: LOW).").between(0, 1)
                        .byDefault(Rca.DEFAULT_MEDIUM),
                field("regression", OBJECT, "Regression Watch (`/ops/golden-queries/…/run-regression`)."),
                field("regression.latency_factor", NUMBER, "A run slower than this many times its baseline (and at "
                        + "least latency_min_delta_ms slower) is a warning; a golden query's expectations.latency_factor "
                        + "overrides it.").between(1, 100).byDefault(Regression.DEFAULT_LATENCY_FACTOR),
                field("regression.latency_min_delta_ms", INTEGER, "How much slower than its baseline a run must be "
                        + "before its latency is a warning: one run on a busy machine is often a few hundred ms slower.")
                        .between(0, 600000).byDefault(Regression.DEFAULT_LATENCY_MIN_DELTA_MS),
                field("rca.slow_stage_ms", INTEGER, "A stage this slow or slower, taking most of its trace's "
                        + "time, is a slow-stage hypothesis.").min(1).byDefault(Rca.DEFAULT_SLOW_STAGE_MS),
                field("rca.history_traces", INTEGER, "Single mode compares each stage's time with the newest this "
                        + "many earlier traces of the same plan shape (feature:mode:route:intent:view; the caller's own "
                        + "without the operator role).").between(1, 500).byDefault(Rca.DEFAULT_HISTORY_TRACES),
                field("rca.history_min", INTEGER, "Fewer earlier traces of the shape that ran a stage than this, "
                        + "and the stage is not judged against them (the analysis says so in its notes).")
                        .between(2, 500).byDefault(Rca.DEFAULT_HISTORY_MIN),
                field("rca.history_factor", NUMBER, "A stage slower than this many times its p95 over those "
                        + "traces (and at least history_min_delta_ms slower) is a slow-stage hypothesis.")
                        .between(1, 100).byDefault(Rca.DEFAULT_HISTORY_FACTOR),
                field("rca.history_min_delta_ms", INTEGER, "How much slower than the p95 a stage must be before it "
                        + "counts: a 2 ms stage taking 8 ms is noise, and so is a first request after a start warming "
                        + "its caches.").between(0, 600000).byDefault(Rca.DEFAULT_HISTORY_MIN_DELTA_MS));
    }

    /** One field per setting the detector declares (its name, range, default and meaning are its own). */
    private static AssetSpec.Group anomaly() {
        List<Field> fields = new ArrayList<>();
        fields.add(field("anomaly", OBJECT, "Settings of the anomaly detector behind answers of unusual behaviour "
                + "(Query templates with `analysis: anomaly_windows`, [incident answers](../incidents.md)); each "
                + "setting left out keeps its default. A name that is no setting, or a value out of its range, is "
                + "refused on save."));
        for (DetectorSetting d : DetectorSetting.values()) {
            fields.add(field("anomaly." + d.key(), d.integer() ? INTEGER : NUMBER, d.meaning())
                    .between(d.min(), d.max()).byDefault(d.defaultValue()));
        }
        fields.add(field("anomaly.trouble_measures", STRINGS, "Likely causes (\"why is X slow?\"): the measures "
                + "that are a CI's trouble itself, never its cause — X's own window of one of them moving with the "
                + "measure asked is the same trouble seen twice, while X's CPU or memory going first names X itself "
                + "as a candidate. An empty list: every other measure may be a cause.")
                .byDefault(DetectorSettings.DEFAULT_TROUBLE_MEASURES.toString()));
        return group("Anomaly detection", fields.toArray(Field[]::new));
    }

    private static AssetSpec.Group rbac() {
        return group("RBAC",
                field("rbac", OBJECT, "Which roles may ask what, and narrower access to API operations. Without "
                        + "`rbac`, every caller may ask everything."),
                field("rbac.default_roles", STRINGS, "Roles of a caller that holds none.").byDefault("[]"),
                field("rbac.roles", mapOf(OBJECT), "Per role, what it may ask; a caller may ask what any of its "
                        + "roles may. A role not listed may ask nothing.").keys("role names"),
                field("rbac.roles.<role>", OBJECT, "One role."),
                field("rbac.roles.<role>.allowed_intents", STRINGS, "The plan intents the role may ask (`*`: all).")
                        .known(allIntents()),
                field("rbac.operations", mapOf(STRINGS), "Per API operation (`StageTest`, `PreviewQueryAsset`…), "
                        + "the roles that may call it, on top of the access table in code: it can only narrow. "
                        + "`admin` is never narrowed; open operations and unknown names are ignored; an empty list "
                        + "is refused.").keys("operation names"));
    }

    private static AssetSpec.Group dataAccess() {
        String scope = "`*` (every CI), `none`, or a filter over CI fields, every field of which must match (any of "
                + "its values, case-insensitive)";
        String values = "The values the CI's field may have; for `tag`, any of the CI's tags.";
        return group("Data access",
                field("data_access", OBJECT, "Which CIs each role may see. Without it, every caller sees every CI; "
                        + "templates run for a scoped caller only with their scoping clause."),
                field("data_access.scopes", arrayOf(OBJECT), "Scopes by role; a caller holding several scoped roles "
                        + "sees the union of their scopes."),
                field("data_access.scopes[].role", STRING, "The role.").required(),
                field("data_access.scopes[].scope", either(STRING, OBJECT), "What the role sees: " + scope + ".")
                        .known("*", "none"),
                field("data_access.scopes[].scope.<field>", STRINGS, values).keys(DataAccess.FIELDS),
                field("data_access.default_scope", either(STRING, OBJECT), "What a caller none of whose roles is "
                        + "listed sees: " + scope + ".").byDefaultText(DataAccess.DEFAULT_SCOPE).known("*", "none"),
                field("data_access.default_scope.<field>", STRINGS, values).keys(DataAccess.FIELDS));
    }

    private static List<String> allIntents() {
        List<String> out = new ArrayList<>(List.of(QueryFields.INTENTS));
        out.add("*");
        return out;
    }
}
