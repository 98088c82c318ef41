package dev.opsuite.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog against the sources of every module (main code and the ops script, not tests): a name
 * read but not declared, a declaration read nowhere, and a literal fallback that is not the
 * catalog's default each fail, listed with where they are.
 */
class ConfigCatalogSourcesTest {
    private static SourceScan scan;

    @BeforeAll
    static void scanSources() {
        scan = SourceScan.of(SourceScan.repoRoot());
    }

    @Test
    void everyNameTheSourcesReadIsDeclared() {
        List<String> problems = undeclared(scan, ConfigCatalog.all());
        assertTrue(problems.isEmpty(), "read but not declared in ConfigCatalog:\n" + String.join("\n", problems));
    }

    @Test
    void everyDeclaredNameIsReadSomewhere() {
        List<String> problems = unread(scan, ConfigCatalog.all());
        assertTrue(problems.isEmpty(), "declared in ConfigCatalog but read nowhere:\n" + String.join("\n", problems));
    }

    @Test
    void everyLiteralFallbackIsTheCatalogsDefault() {
        List<String> problems = fallbackMismatches(scan, ConfigCatalog.all());
        assertTrue(problems.isEmpty(), "fallback differs from the catalog's default:\n" + String.join("\n", problems));
    }

    @Test
    void theScanSeesTheProductsReads() {
        // guards the checks above against a scan that finds nothing (moved sources, a broken pattern)
        TreeSet<String> names = new TreeSet<>(scan.mentions.stream().map(SourceScan.Mention::name).toList());
        assertTrue(names.containsAll(List.of("OPS_HTTP_PORT", "OPS_TRACE_DB_URL", "OPENAI_API_KEY", "OPS_JAVA_OPTS",
                "OPS_NEO4J_JVM_OPTS", "OPS_SECRET_")), names.toString());
        assertTrue(scan.fallbacks.stream().anyMatch(f -> f.name().equals("OPS_JAVA_OPTS")
                && f.where().startsWith("ops:")), "the script's ${OPS_JAVA_OPTS:-…}");
        assertTrue(scan.fallbacks.stream().anyMatch(f -> f.name().equals("OPS_TRACE_PORT")
                && f.literal().equals("9093")), "TraceConfig's DEFAULT_PORT, resolved");
    }

    @Test
    void literalsCountCommentsAndIdentifiersDoNot() {
        SourceScan s = new SourceScan().addJava("m/src/main/java/A.java", """
                /** OPS_IN_JAVADOC */
                class A {
                    // OPS_IN_COMMENT
                    static final int OPS_MODE_FIELD_NUMBER = 3;
                    static final int PORT = 9_000;
                    String a = env.get("OPS_READ", "x");
                    String b = "see OPS_IN_TEXT" + 'c';
                    int c = env.getInt("OPS_PORT", PORT);
                    long d = env.getInt("OPS_BYTES", 4 * 1024);
                    String e = env.get("OPS_DERIVED", env.get("OPS_DIR", "data") + "/x");
                    String f = "OPS_SECRET_" + name;
                }
                """).addScript("ops", """
                # OPS_SCRIPT_COMMENT
                echo "${OPS_SHELL:-lit}" "${OPS_NESTED:-${OPS_DIR:-data}/y}"
                """).finish();

        // the script's at once, the Java sources' when finished
        assertEquals(List.of("OPS_SHELL", "OPS_NESTED", "OPS_DIR", "OPS_READ", "OPS_IN_TEXT", "OPS_PORT",
                        "OPS_BYTES", "OPS_DERIVED", "OPS_DIR", "OPS_SECRET_"),
                s.mentions.stream().map(SourceScan.Mention::name).toList());
        assertEquals(List.of("OPS_SHELL=lit", "OPS_DIR=data", "OPS_READ=x", "OPS_PORT=9000", "OPS_BYTES=4096",
                        "OPS_DIR=data"),
                s.fallbacks.stream().map(f -> f.name() + "=" + f.literal()).toList());
    }

    @Test
    void eachCheckFailsOnWhatItGuards() {
        SourceScan s = new SourceScan().addJava("m/src/main/java/A.java", """
                class A {
                    String a = env.get("OPS_KNOWN", "other");
                    String b = env.get("OPS_UNKNOWN", "");
                    String c = env.get("OPS_OFF", "on");
                    String d = "OPS_FAM_" + x + "OPS_NOFAM_" + y + "OPS_FAM_MEMBER";
                }
                """).finish();
        List<ConfigVar> catalog = List.of(
                ConfigVar.variable("OPS_KNOWN", ConfigSection.GATEWAY, "gateway", Default.of("lit"), "m"),
                ConfigVar.variable("OPS_OFF", ConfigSection.GATEWAY, "gateway", Default.none(), "m"),
                ConfigVar.variable("OPS_NEVER_READ", ConfigSection.GATEWAY, "gateway", Default.none(), "m"),
                new ConfigVar("OPS_FAM_", ConfigVar.Kind.FAMILY, ConfigSection.SOURCES, "executor", Default.none(), "m"),
                new ConfigVar("OPS_GONE_", ConfigVar.Kind.FAMILY, ConfigSection.SOURCES, "executor", Default.none(), "m"));

        assertEquals(List.of("OPS_UNKNOWN (m/src/main/java/A.java:3)", "OPS_NOFAM_ (m/src/main/java/A.java:5)"),
                undeclared(s, catalog));
        assertEquals(List.of("OPS_NEVER_READ", "OPS_GONE_<NAME>"), unread(s, catalog));
        assertEquals(List.of("OPS_KNOWN: m/src/main/java/A.java:2 falls back to 'other', the catalog's default is 'lit'",
                        "OPS_OFF: m/src/main/java/A.java:4 falls back to 'on', the catalog has no default"),
                fallbackMismatches(s, catalog));
    }

    /** (a) Names (and prefixes "X_" + …) the sources read that no declaration covers. */
    static List<String> undeclared(SourceScan scan, List<ConfigVar> catalog) {
        List<String> out = new ArrayList<>();
        for (SourceScan.Mention m : scan.mentions) {
            // a prefix builds names at run time: only a family may be read that way
            boolean declared = m.prefix()
                    ? catalog.stream().anyMatch(v -> v.kind() == ConfigVar.Kind.FAMILY && v.covers(m.name()))
                    : find(catalog, m.name()).isPresent();
            if (!declared) {
                out.add(m.name() + " (" + m.where() + ")");
            }
        }
        return out;
    }

    /** (b) Declarations no source mentions (a family: no name or prefix of the family). */
    static List<String> unread(SourceScan scan, List<ConfigVar> catalog) {
        return catalog.stream()
                .filter(v -> scan.mentions.stream().noneMatch(m -> v.covers(m.name())))
                .map(ConfigVar::displayName)
                .toList();
    }

    /** (c) Literal fallbacks that differ from the catalog's literal default, or give one where it has none. */
    static List<String> fallbackMismatches(SourceScan scan, List<ConfigVar> catalog) {
        List<String> out = new ArrayList<>();
        for (SourceScan.Fallback f : scan.fallbacks) {
            Optional<ConfigVar> v = find(catalog, f.name()).filter(x -> x.kind() != ConfigVar.Kind.FAMILY);
            if (v.isEmpty()) {
                continue; // undeclared: the first check names it
            }
            Default d = v.get().fallback();
            if (d.literal() != null && !d.literal().equals(f.literal())) {
                out.add(f.name() + ": " + f.where() + " falls back to '" + f.literal() + "', the catalog's default is '"
                        + d.literal() + "'");
            } else if (d.unset() && !f.literal().isBlank()) {
                out.add(f.name() + ": " + f.where() + " falls back to '" + f.literal() + "', the catalog has no default");
            }
        }
        return out;
    }

    private static Optional<ConfigVar> find(List<ConfigVar> catalog, String name) {
        return catalog.stream().filter(v -> v.covers(name)).findFirst();
    }
}
