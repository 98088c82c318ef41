package dev.opsuite.executor.domain;

import java.util.Map;

/** A reference: the exact statement that ran (kind sql|cypher) and its bound parameters. */
public record Evidence(String kind, String title, String payload, Map<String, Object> params, String source) {}
