package dev.opsuite.executor.domain;

/** The health of one Source asset as the executor sees it. */
public record SourceCheck(boolean reachable, boolean readOnly, int latencyMs, String detail) {}
