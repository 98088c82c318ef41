package dev.opsuite.executor.domain;

import java.util.Map;

/**
 * A reference: the exact statement that ran (kind sql|cypher|redis; for redis the command line, with
 * its arguments also in params.args) and its bound parameters.
 */
public record Evidence(String kind, String title, String payload, Map<String, Object> params, String source) {}
