package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;

/** Routes a health check to the adapter of the source's type. */
public final class SourceChecker {
    private final SourceHealthPort postgres;
    private final SourceHealthPort neo4j;

    public SourceChecker(SourceHealthPort postgres, SourceHealthPort neo4j) {
        this.postgres = postgres;
        this.neo4j = neo4j;
    }

    public SourceCheck check(AssetDoc source) {
        String type = SourceAsset.of(source).type();
        return switch (type) {
            case "postgres", "timescale" -> postgres.check(source);
            case "neo4j" -> neo4j.check(source);
            default -> throw OpsException.invalid("source " + source.name() + " has unsupported type '" + type + "'");
        };
    }
}
