package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;

/** Routes a health check to the adapter of the source's type. */
public final class SourceChecker {
    private final SourceHealthPort postgres;
    private final SourceHealthPort neo4j;
    private final SourceHealthPort redis;
    private final SourceHealthPort documents;

    public SourceChecker(SourceHealthPort postgres, SourceHealthPort neo4j) {
        this(postgres, neo4j, source -> new SourceCheck(false, false, 0, "this executor has no Redis adapter"));
    }

    public SourceChecker(SourceHealthPort postgres, SourceHealthPort neo4j, SourceHealthPort redis) {
        this(postgres, neo4j, redis, source -> new SourceCheck(false, true, 0, "this executor keeps no document index"));
    }

    public SourceChecker(SourceHealthPort postgres, SourceHealthPort neo4j, SourceHealthPort redis,
                         SourceHealthPort documents) {
        this.documents = documents;
        this.postgres = postgres;
        this.neo4j = neo4j;
        this.redis = redis;
    }

    public SourceCheck check(AssetDoc source) {
        String type = SourceAsset.of(source).type();
        return switch (type) {
            case "postgres", "timescale" -> postgres.check(source);
            case "neo4j" -> neo4j.check(source);
            case "redis" -> redis.check(source);
            case "documents" -> documents.check(source);
            default -> throw OpsException.invalid("source " + source.name() + " has unsupported type '" + type + "'");
        };
    }
}
