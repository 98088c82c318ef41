package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import java.util.Set;

/** Introspects a Source read-only, within its schema allowlist and a time bound. */
public interface SchemaScanPort {
    /**
     * @param blockedTables lower-case table (or label) names the Policy blocks; left out, listed in excluded
     * @param maxEntities   at most this many entities are returned (a huge catalog is cut, not loaded whole)
     */
    ScannedSchema scan(AssetDoc source, Set<String> blockedTables, int timeoutSeconds, int maxEntities);
}
