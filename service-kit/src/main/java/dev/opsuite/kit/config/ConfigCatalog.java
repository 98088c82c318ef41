package dev.opsuite.kit.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every environment variable the product reads, each declared once (the sections live in
 * {@code GatewayVariables}, {@code StageVariables}, {@code StoreVariables}, {@code LlmVariables} and
 * {@code ToolVariables}). {@link Env} refuses to read anything else in strict mode, the configuration
 * reference (docs/reference/configuration.md) is generated from it, and a test of service-kit checks it
 * against the names the sources read.
 */
public final class ConfigCatalog {
    private static final List<ConfigVar> ALL = Stream.of(GatewayVariables.ALL, StageVariables.ALL,
                    StoreVariables.ALL, LlmVariables.ALL, ToolVariables.ALL)
            .flatMap(List::stream)
            .sorted(Comparator.comparing(ConfigVar::section).thenComparing(ConfigVar::name))
            .toList();
    private static final List<ConfigVar> FAMILIES = ALL.stream()
            .filter(v -> v.kind() == ConfigVar.Kind.FAMILY).toList();
    private static final List<ConfigVar> REFERENCES = ALL.stream()
            .filter(v -> v.kind() == ConfigVar.Kind.REFERENCE).toList();

    static {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (ConfigVar v : ALL) {
            if (!seen.add(v.name())) {
                twice.add(v.name());
            }
        }
        for (ConfigVar f : FAMILIES) {
            ALL.stream().filter(v -> v != f && f.covers(v.name())).forEach(v -> twice.add(v.name()));
        }
        if (!twice.isEmpty()) {
            throw new IllegalStateException("declared more than once: " + twice);
        }
    }

    private ConfigCatalog() {}

    /** Every declaration, by section (in {@link ConfigSection} order), then by name. */
    public static List<ConfigVar> all() {
        return ALL;
    }

    /** The declaration that covers this variable: its own, or its family's. */
    public static Optional<ConfigVar> find(String variable) {
        for (ConfigVar v : ALL) {
            if (v.covers(variable)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether the product may read this variable. */
    public static boolean declares(String variable) {
        return find(variable).isPresent();
    }

    /** The declarations whose value names another variable (read in its place). */
    public static List<ConfigVar> references() {
        return REFERENCES;
    }
}
