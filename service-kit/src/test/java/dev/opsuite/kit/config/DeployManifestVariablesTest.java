package dev.opsuite.kit.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests (deploy/k8s) against the catalog: every variable a container's {@code env} sets
 * and every key of a ConfigMap (the containers take ops-config whole through {@code envFrom}) must be a
 * variable the product declares, so a renamed or misspelt setting fails here rather than being ignored in a
 * cluster; and a password, token or key never has a value in a manifest — it comes from a Secret.
 */
class DeployManifestVariablesTest {
    /** "- name: X" whose next line is "value:" or "valueFrom:": an env entry (ports, volumes, mounts have others). */
    private static final Pattern ENV = Pattern.compile("(?m)^(\\s*)- name: (\\S+)\\s*\\n\\1  (value|valueFrom):");
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|TOKEN|API_KEY|_KEY|HEADERS)$");

    /** variable -> where it is set (file, and how: env value, env secret or ConfigMap key). */
    private static final Map<String, List<String>> SET = new TreeMap<>();

    @BeforeAll
    static void readManifests() {
        Path k8s = SourceScan.repoRoot().resolve("deploy/k8s");
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("node_modules"))
                    .sorted().toList()) {
                String where = SourceScan.repoRoot().relativize(f).toString();
                for (String doc : Files.readString(f, StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
                    read(where, doc.replaceAll("(?m)^\\s*#.*\\n", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(String where, String doc) {
        Matcher env = ENV.matcher(doc);
        while (env.find()) {
            SET.computeIfAbsent(env.group(2), k -> new ArrayList<>()).add(where + " (env " + env.group(3) + ")");
        }
        if (doc.matches("(?s).*(?m:^kind: ConfigMap\\s*$).*")) {
            Matcher data = Pattern.compile("(?ms)^data:\\s*\\n((?:  .*\\n?)*)").matcher(doc);
            if (data.find()) {
                for (String line : data.group(1).split("\\n")) {
                    Matcher key = Pattern.compile("^  ([^\\s:#][^:]*):").matcher(line);
                    if (key.find()) {
                        SET.computeIfAbsent(key.group(1), k -> new ArrayList<>()).add(where + " (ConfigMap key)");
                    }
                }
            }
        }
    }

    @Test
    void everyVariableTheManifestsSetIsDeclared() {
        List<String> problems = new ArrayList<>();
        SET.forEach((name, where) -> {
            if (!ConfigCatalog.declares(name)) {
                problems.add(name + " — " + String.join(", ", where));
            }
        });
        assertTrue(problems.isEmpty(), "set in deploy/k8s but not a variable of ConfigCatalog "
                + "(docs/reference/configuration.md):\n" + String.join("\n", problems));
    }

    @Test
    void secretsComeFromSecretsOnly() {
        List<String> problems = new ArrayList<>();
        SET.forEach((name, where) -> where.stream()
                .filter(w -> SECRET_LIKE.matcher(name).matches() && !w.endsWith("(env valueFrom)"))
                .forEach(w -> problems.add(name + " — " + w)));
        assertTrue(problems.isEmpty(), "a secret with its value in a manifest (use a secretKeyRef):\n"
                + String.join("\n", problems));
    }

    @Test
    void theReadingSeesTheManifests() {
        // guards the checks above against a reading that finds nothing (moved files, a broken pattern)
        assertTrue(SET.keySet().containsAll(List.of("OPS_PLANNER_HOST", "OPS_TRACE_DB_PASSWORD", "OPS_STAGE_TLS_DIR",
                "OPS_PLANNER_TARGET", "OPS_TRACE_DB_URL", "OPENAI_API_KEY", "OPS_SECRET_PG_PASSWORD")), SET.keySet()
                .toString());
        assertTrue(SET.get("OPS_TRACE_DB_PASSWORD").stream().allMatch(w -> w.endsWith("(env valueFrom)")),
                SET.get("OPS_TRACE_DB_PASSWORD").toString());
        assertTrue(SET.size() >= 30, SET.keySet().toString());
    }
}
