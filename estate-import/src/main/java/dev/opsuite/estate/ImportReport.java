package dev.opsuite.estate;

/**
 * What one successful import did.
 *
 * @param rowsRead     data records in the file (header and blank lines not counted)
 * @param rowsUpserted rows inserted or actually changed in PostgreSQL; 0 when the same file is
 *                     imported again
 * @param graphRows    records pushed to Neo4j (cis and relations only)
 */
public record ImportReport(String fileKind, String fileName, long rowsRead, long rowsUpserted, long graphRows,
                           long durationMs) {}
