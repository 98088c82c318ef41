package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import java.util.Map;

/** Runs one read-only Cypher template (READ session, EXPLAIN-checked) against a Source asset. */
public interface GraphPort {
    SqlPort.Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows,
                          int timeoutSeconds);
}
