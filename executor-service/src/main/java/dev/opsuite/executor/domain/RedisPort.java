package dev.opsuite.executor.domain;

import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.model.AssetDoc;

/**
 * Runs one bound Redis command (already through the guard: a read-only command of the allowlist,
 * its keys bound from plan values) against a Source asset of type redis. The reply comes back as a
 * table in the command's own columns (e.g. ZRANGE … WITHSCORES: member, score); the template's
 * {@code result} mapping ({@link RedisResults}) renames and shapes them.
 */
public interface RedisPort {
    /**
     * @param maxRows rows wanted (elements of a collection, keys of a SCAN); the result says whether more existed
     */
    SqlPort.Tabular run(AssetDoc source, RedisTemplates.Bound command, int maxRows, int timeoutSeconds);
}
