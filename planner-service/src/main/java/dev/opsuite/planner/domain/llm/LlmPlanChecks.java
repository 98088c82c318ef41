package dev.opsuite.planner.domain.llm;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.SchemaAsset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a model-written plan must satisfy before the common VALIDATE even sees it: every name it
 * uses (entity, filter field, enum value, metric, relation type) exists in the SchemaCatalog, the
 * small vocabularies of the Plan contract are respected, and the bounds are sane. Each problem is
 * a sentence the model gets back.
 */
final class LlmPlanChecks {
    private static final Set<String> OPS = Set.of("eq", "ne", "like", "in");
    private static final Set<String> AGGS = Set.copyOf(dev.opsuite.model.PlanModel.Metric.AGGREGATIONS);
    private static final Set<String> DIRECTIONS = Set.of("in", "out", "both");
    private static final Set<String> BLOCKS = Set.of("text", "table", "chart", "network", "markdown");

    private LlmPlanChecks() {}

    static List<String> check(PlanModel p, SchemaAsset catalog) {
        List<String> errors = new ArrayList<>();
        if (p.intent() == null || p.view() == null) {
            errors.add("plan.intent and plan.view are required");
            return errors;
        }
        String entity = p.primary().entity().isEmpty() ? "ci" : p.primary().entity();
        SchemaAsset.Entity ent = catalog.entity(entity).orElse(null);
        if (ent == null) {
            errors.add("plan.primary.entity '" + entity + "' is not an entity of the schema catalog");
        } else {
            filters("plan.primary.filters", p.primary().filters(), ent, errors);
            filters("plan.secondary.filters", p.secondary().filters(), ent, errors);
        }
        if (!p.metric().metricName().isEmpty()) {
            Set<String> metrics = new TreeSet<>(catalog.metrics().stream().map(SchemaAsset.Metric::name).toList());
            if (!metrics.contains(p.metric().metricName())) {
                errors.add("plan.metric.metric_name '" + p.metric().metricName() + "' is not one of " + metrics);
            }
            if (!AGGS.contains(p.metric().agg())) {
                errors.add("plan.metric.agg must be one of " + AGGS);
            }
            if (p.metric().topN() < 0 || p.metric().topN() > 100) {
                errors.add("plan.metric.top_n must be between 0 and 100");
            }
        }
        Set<String> relations = new TreeSet<>(catalog.relationTypes());
        for (String r : p.graph().relationTypes()) {
            if (!relations.contains(r)) {
                errors.add("plan.graph.relation_types: '" + r + "' is not one of " + relations);
            }
        }
        boolean graph = p.intent() == Intent.EXPAND || p.intent() == Intent.PATH;
        if (graph && !p.graph().direction().isEmpty() && !DIRECTIONS.contains(p.graph().direction())) {
            errors.add("plan.graph.direction must be in, out or both");
        }
        if (p.graph().depth() < 0 || p.graph().limit() < 0 || p.primary().limit() < 0 || p.primary().offset() < 0) {
            errors.add("depth, limit and offset cannot be negative");
        }
        if (graph != (p.view() != View.SUMMARY)) {
            errors.add("plan.view " + p.view() + " does not fit plan.intent " + p.intent());
        }
        catalog.entity(catalog.eventsEntity()).ifPresent(events -> {
            values("plan.history.event_types", p.history().eventTypes(), events.field("event_type"), errors);
            values("plan.history.severities", p.history().severities(), events.field("severity"), errors);
        });
        for (String b : p.output().blocks()) {
            if (!BLOCKS.contains(b)) {
                errors.add("plan.output.blocks: '" + b + "' is not one of " + BLOCKS);
            }
        }
        return errors;
    }

    private static void filters(String at, List<PlanModel.Filter> filters, SchemaAsset.Entity entity,
                                List<String> errors) {
        for (PlanModel.Filter f : filters) {
            Optional<SchemaAsset.FieldDef> field = entity.field(f.field());
            if (field.isEmpty()) {
                errors.add(at + ": field '" + f.field() + "' is not a field of entity " + entity.name());
                continue;
            }
            if (!OPS.contains(f.op())) {
                errors.add(at + ": op '" + f.op() + "' is not one of " + OPS);
            }
            values(at + "[" + f.field() + "]", f.values(), field, errors);
        }
    }

    /** A field that is not enumerated takes any value. */
    private static void values(String at, List<String> values, Optional<SchemaAsset.FieldDef> field,
                               List<String> errors) {
        if (field.isEmpty() || !field.get().enumerated()) {
            return;
        }
        Set<String> allowed = new HashSet<>(field.get().values());
        for (String v : values) {
            if (!allowed.contains(v)) {
                errors.add(at + ": '" + v + "' is not one of " + allowed);
            }
        }
    }
}
