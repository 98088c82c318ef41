package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.OpsException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The statement of a SQL or Cypher template that runs on a source for these values: the first variant
 * whose conditions all hold (its extension installed, the bound range at least its
 * {@code min_range_seconds}, the bound {@code agg} among its {@code aggs}, the bound {@code depth} at
 * most its {@code max_depth}), else the template's own statement.
 */
final class Variants {
    private Variants() {}

    /** What runs: the statement, and the variant's name (empty for the template's own statement). */
    record Choice(String statement, Optional<String> variant) {}

    static Choice choose(QueryTemplate template, AssetDoc source, SqlPort sql, Map<String, ?> values) {
        for (QueryTemplate.Variant v : template.variants()) {
            if (holds(v, values) && (v.requiresExtension().isEmpty() || hasExtension(sql, source, v.requiresExtension()))) {
                return new Choice(v.statement(), Optional.of(v.name()));
            }
        }
        return new Choice(template.statement(), Optional.empty());
    }

    static String statement(QueryTemplate template, AssetDoc source, SqlPort sql, Map<String, ?> values) {
        return choose(template, source, sql, values).statement();
    }

    /** The range, agg and depth conditions (no database needed); a value missing or unreadable fails a condition. */
    static boolean holds(QueryTemplate.Variant v, Map<String, ?> values) {
        if (v.maxDepth() > 0 && !(values.get(QueryTemplate.Variant.DEPTH) instanceof Number depth
                && depth.longValue() <= v.maxDepth())) {
            return false;
        }
        if (!v.aggs().isEmpty() && !(values.get(QueryTemplate.Variant.AGG) instanceof String agg
                && v.aggs().contains(agg))) {
            return false;
        }
        if (v.minRangeSeconds() > 0) {
            Optional<OffsetDateTime> from = time(values.get(QueryTemplate.Variant.TIME_FROM));
            Optional<OffsetDateTime> to = time(values.get(QueryTemplate.Variant.TIME_TO));
            return from.isPresent() && to.isPresent()
                    && Duration.between(from.get(), to.get()).getSeconds() >= v.minRangeSeconds();
        }
        return true;
    }

    private static Optional<OffsetDateTime> time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return Optional.of(t);
        }
        if (value instanceof String s) {
            try {
                return Optional.of(OffsetDateTime.parse(s));
            } catch (DateTimeParseException e) {
                return Optional.empty(); // binding refuses it with its own message
            }
        }
        return Optional.empty();
    }

    /** An unreachable source has no extensions: the default statement runs and reports the failure. */
    private static boolean hasExtension(SqlPort sql, AssetDoc source, String extension) {
        try {
            return sql.hasExtension(source, extension);
        } catch (OpsException e) {
            return false;
        }
    }
}
