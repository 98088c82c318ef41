package dev.opsuite.estate;

/** Row counts of the estate stores, for operators and tests to see what an import did. */
public record EstateStats(long cis, long relations, long metricRows, long events, long graphNodes,
                          long graphEdges) {}
