package dev.opsuite.estate;

/**
 * Row counts of the estate stores, for operators and tests to see what an import did; {@code demoCis}
 * are the CIs of the bundled demo estate (origin "demo"), counted among {@code cis}.
 */
public record EstateStats(long cis, long relations, long metricRows, long events, long graphNodes,
                          long graphEdges, long demoCis) {}
