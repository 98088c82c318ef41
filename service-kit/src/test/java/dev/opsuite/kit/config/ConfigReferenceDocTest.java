package dev.opsuite.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsuite.kit.config.ConfigVar.Default;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/configuration.md is the catalog's reference as generated. With the system property
 * {@code ops.docs.write=true} this writes it (what {@code ./ops docs} runs); otherwise it fails when the
 * committed file differs, leaving the generated text in target/configuration.md for a diff.
 */
class ConfigReferenceDocTest {
    static final String WRITE_PROPERTY = "ops.docs.write";
    static final String OUT_OF_DATE = ConfigReference.PATH + " is out of date — run " + ConfigReference.REGENERATE;

    @Test
    void committedReferenceIsTheGeneratedOne() throws IOException {
        String generated = ConfigReference.markdown();
        Path committed = SourceScan.repoRoot().resolve(ConfigReference.PATH);
        if ("true".equals(System.getProperty(WRITE_PROPERTY))) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
            return;
        }
        Path copy = Path.of(System.getProperty("user.dir"), "target", "configuration.md");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, generated, StandardCharsets.UTF_8);
        String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        if (!current.equals(generated)) {
            fail(OUT_OF_DATE + " (" + firstDifference(current, generated) + "; generated: " + copy + ")");
        }
    }

    @Test
    void everyDeclarationIsOneRowOfItsSectionInCatalogOrder() {
        String doc = ConfigReference.markdown();
        assertTrue(doc.startsWith("# Configuration reference\n\nGenerated from the catalog in service-kit"), doc);
        int at = 0;
        for (ConfigSection section : ConfigSection.values()) {
            at = doc.indexOf("\n## " + section.title() + "\n", at);
            assertTrue(at > 0, "section " + section.title() + " missing or out of order");
            for (ConfigVar v : ConfigCatalog.all().stream().filter(x -> x.section() == section).toList()) {
                String row = "\n| `" + v.displayName() + "` | ";
                int rowAt = doc.indexOf(row, at);
                assertTrue(rowAt > at, v.name() + " not in its section, or out of order");
                assertEquals(rowAt, doc.lastIndexOf(row), v.name() + " listed twice");
                at = rowAt;
            }
        }
        assertEquals(ConfigCatalog.all().size(), doc.lines().filter(l -> l.startsWith("| `")).count());
        assertEquals(doc, ConfigReference.markdown(), "the same catalog gives the same text");
    }

    @Test
    void aCellsPipeDoesNotSplitTheTable() {
        String doc = ConfigReference.markdown(List.of(ConfigVar.variable("OPS_X", ConfigSection.TRACING, "gateway",
                Default.of("off"), "`off`|`write`")));
        assertTrue(doc.contains("\n## Tracing\n\n| variable | used by | default | meaning |\n|---|---|---|---|\n"
                + "| `OPS_X` | gateway | `off` | `off`\\|`write` |\n"), doc);
        assertTrue(!doc.contains("## Gateway and access"), "an empty section is left out");
    }

    @Test
    void aFamilyShowsItsVariablePart() {
        assertEquals("OPS_SECRET_<NAME>", ConfigCatalog.find("OPS_SECRET_PG_PORT").orElseThrow().displayName());
    }

    private static String firstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String l = i < x.size() ? x.get(i) : "<end>";
            String r = i < y.size() ? y.get(i) : "<end>";
            if (!l.equals(r)) {
                return "first difference at line " + (i + 1) + ": committed '" + l + "', generated '" + r + "'";
            }
        }
        return "they differ in line endings";
    }
}
