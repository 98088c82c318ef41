package dev.opsuite.estate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph pass, run after the PostgreSQL transaction committed: streams the file once more and
 * MERGEs CIs or relations in batches, so memory is bounded by one batch per relation type.
 */
final class GraphLoader {
    static final int BATCH_SIZE = 5_000;

    private final EstateGraph graph;

    GraphLoader(EstateGraph graph) {
        this.graph = graph;
    }

    /** @return rows written to the graph (0 for metrics and events, which live only in PostgreSQL) */
    long load(FileKind kind, Path file, String fileName, ImportMeter meter) throws Exception {
        return switch (kind) {
            case CIS -> loadCis(file, fileName, meter);
            case RELATIONS -> loadRelations(file, fileName, meter);
            case METRICS, EVENTS -> 0;
        };
    }

    private long loadCis(Path file, String fileName, ImportMeter meter) throws Exception {
        meter.phase(ImportProgress.Phase.GRAPH);
        List<Map<String, Object>> batch = new ArrayList<>(BATCH_SIZE);
        long rows = MappedRows.forEach(file, fileName, FileKind.CIS, meter, (line, f) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("ci_code", f[0]);
            row.put("ci_name", f[1]);
            row.put("ci_type", f[2]);
            row.put("status", f[3]);
            row.put("environment", f[4]); // null removes the property, as in PostgreSQL
            row.put("location", f[5]);
            row.put("owner", f[6]);
            batch.add(row);
            if (batch.size() == BATCH_SIZE) {
                graph.mergeCis(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            graph.mergeCis(List.copyOf(batch));
        }
        return rows;
    }

    private long loadRelations(Path file, String fileName, ImportMeter meter) throws Exception {
        meter.phase(ImportProgress.Phase.GRAPH);
        Map<String, List<Map<String, Object>>> byType = new HashMap<>();
        long rows = MappedRows.forEach(file, fileName, FileKind.RELATIONS, meter, (line, f) -> {
            List<Map<String, Object>> batch = byType.computeIfAbsent(f[1], t -> new ArrayList<>(BATCH_SIZE));
            batch.add(Map.of("source", f[0], "target", f[2]));
            if (batch.size() == BATCH_SIZE) {
                graph.mergeRelations(f[1], List.copyOf(batch));
                batch.clear();
            }
        });
        for (Map.Entry<String, List<Map<String, Object>>> e : byType.entrySet()) {
            if (!e.getValue().isEmpty()) {
                graph.mergeRelations(e.getKey(), e.getValue());
            }
        }
        return rows;
    }
}
