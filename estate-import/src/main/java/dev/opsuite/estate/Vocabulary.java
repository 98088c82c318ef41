package dev.opsuite.estate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical estate vocabulary. Planner rules, Query assets and the graph executor all match on
 * these exact strings, so the importer refuses anything else instead of storing look-alikes.
 * Relation types are also Neo4j relationship types: the graph writer may put them into Cypher
 * text only because they come from this allowlist.
 */
public final class Vocabulary {
    public static final Set<String> CI_TYPES = ordered("server", "vm", "database", "app", "service",
            "load_balancer", "network", "storage");
    public static final Set<String> STATUSES = ordered("running", "stopped", "error", "maintenance");
    public static final Set<String> RELATION_TYPES = ordered("DEPENDS_ON", "RUNS_ON", "CONNECTS_TO", "HOSTS");
    public static final Set<String> METRIC_NAMES = ordered("cpu_usage", "mem_usage", "disk_usage", "latency_ms",
            "error_rate", "iops", "net_in_mbps", "net_out_mbps");
    public static final Set<String> EVENT_TYPES = ordered("alert", "incident", "deploy", "change", "build");
    public static final Set<String> SEVERITIES = ordered("critical", "major", "minor", "info");

    private Vocabulary() {}

    /**
     * The canonical spelling of {@code value} in {@code allowed}, ignoring case (exports often
     * upper-case enum columns), or empty when it is not in the vocabulary at all.
     */
    public static Optional<String> canonical(Set<String> allowed, String value) {
        if (allowed.contains(value)) {
            return Optional.of(value);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String upper = value.toUpperCase(Locale.ROOT);
        if (allowed.contains(lower)) {
            return Optional.of(lower);
        }
        return allowed.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    private static Set<String> ordered(String... values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
    }
}
