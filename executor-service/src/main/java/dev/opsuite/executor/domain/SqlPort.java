package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import java.util.Map;

/** Runs one read-only SQL template against a Source asset. */
public interface SqlPort {
    /**
     * @param params  values by parameter name; bound, never spliced
     * @param maxRows rows wanted; the result says whether more existed
     */
    Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows, int timeoutSeconds);

    /** Whether the source's database has this extension installed (e.g. timescaledb); cached per source. */
    boolean hasExtension(AssetDoc source, String extension);

    record Tabular(java.util.List<String> columns, java.util.List<java.util.List<Object>> rows, boolean truncated) {}
}
