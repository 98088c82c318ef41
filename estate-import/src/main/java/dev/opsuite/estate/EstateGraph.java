package dev.opsuite.estate;

import java.util.List;
import java.util.Map;

/** The graph side of the estate: CIs as nodes, relations as typed edges. */
interface EstateGraph {

    /** Idempotent: run at start so MERGE on ci_code is indexed and unique. */
    void ensureSchema();

    /** Each row: ci_code, ci_name, ci_type, status, environment, location, owner. */
    void mergeCis(List<Map<String, Object>> rows);

    /** Each row: source, target; {@code type} is from {@link Vocabulary#RELATION_TYPES}. */
    void mergeRelations(String type, List<Map<String, Object>> rows);

    /** {nodes, edges} */
    long[] counts();

    /** Removes these CIs and every edge they have. */
    void deleteCis(List<String> codes);
}
