package dev.opsuite.estate;

import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Locale;

/**
 * The four estate file kinds and their columns. Required columns must be in the header; optional
 * ones may be left out of the header altogether (operators export from very different tools).
 */
public enum FileKind {
    CIS("cis", List.of("ci_code", "ci_name", "ci_type", "status"),
            List.of("environment", "location", "owner", "aliases", "tags")),
    RELATIONS("relations", List.of("source_ci_code", "relation_type", "target_ci_code"), List.of()),
    METRICS("metrics", List.of("ts", "ci_code", "metric_name", "value"), List.of()),
    EVENTS("events", List.of("ts", "ci_code", "event_type", "severity", "title"), List.of("detail"));

    private final String wireName;
    private final List<String> required;
    private final List<String> optional;

    FileKind(String wireName, List<String> required, List<String> optional) {
        this.wireName = wireName;
        this.required = required;
        this.optional = optional;
    }

    public String wireName() {
        return wireName;
    }

    public List<String> requiredColumns() {
        return required;
    }

    public List<String> optionalColumns() {
        return optional;
    }

    /** Only a cis file may carry extra columns: they become the CI's attributes. */
    public boolean extraColumnsAreAttributes() {
        return this == CIS;
    }

    public static FileKind parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            if (k.wireName.equals(n)) {
                return k;
            }
        }
        throw OpsException.invalid("unknown file_kind '" + Texts.excerpt(name)
                + "': expected one of cis, relations, metrics, events");
    }
}
