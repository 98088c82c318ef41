package dev.opsuite.executor.domain;

import dev.opsuite.guard.RedisCommandGuard;
import dev.opsuite.model.asset.PolicyRedis;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis schema scan keeps only the key patterns the Policy's {@code security.redis.key_patterns}
 * allow (a scanned pattern such as {@code ci:*:queue} is checked as text against them); the others
 * are named in "excluded", never proposed to the catalog.
 */
final class RedisKeyPatterns {
    private RedisKeyPatterns() {}

    static ScannedSchema allowed(ScannedSchema s, PolicyRedis policy) {
        List<ScannedSchema.Entity> kept = new ArrayList<>();
        List<String> excluded = new ArrayList<>(s.excluded());
        for (ScannedSchema.Entity e : s.entities()) {
            if (RedisCommandGuard.keyAllowed(e.table(), policy.keyPatterns())) {
                kept.add(e);
            } else {
                excluded.add(e.table());
            }
        }
        return new ScannedSchema(kept, s.relations(), excluded);
    }
}
